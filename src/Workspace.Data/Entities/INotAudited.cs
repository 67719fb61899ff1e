namespace Workspace.Data.Entities;

/// <summary>
/// Rows the audit trail must never see: the audit writes who saved a row and when, and for a secret ballot that would be
/// the very link between a voter and a choice that the design exists to avoid (docs/decisions/015-secret-ballots.md).
/// </summary>
public interface INotAudited;
