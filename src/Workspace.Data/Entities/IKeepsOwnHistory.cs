namespace Workspace.Data.Entities;

/// <summary>
/// Rows that are their own history (the operation log of co-edited texts): the generic audit trail skips them, since
/// an audit entry per keystroke batch with the whole text as old and new value would dwarf the log itself.
/// </summary>
public interface IKeepsOwnHistory;
