namespace Workspace.Data.Entities;

/// <summary>Who changed what and when; written by <see cref="WorkspaceDbContext"/> on every save.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? PersonId { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public required string Action { get; set; }

    /// <summary>The changed properties as JSON: { "Title": { "old": "...", "new": "..." } }.</summary>
    public string? Changes { get; set; }
}
