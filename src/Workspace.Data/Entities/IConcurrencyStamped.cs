namespace Workspace.Data.Entities;

/// <summary>
/// A row several people may edit at once. The stamp is renewed on every save and checked by EF Core,
/// so a stale edit fails with DbUpdateConcurrencyException instead of overwriting someone else's.
/// A Guid works on both SQLite and SQL Server, unlike rowversion.
/// </summary>
public interface IConcurrencyStamped
{
    Guid ConcurrencyStamp { get; set; }
}
