namespace Workspace.Web.Features.Meetings;

/// <summary>Which form the item form's save button opens next.</summary>
public enum ItemFormNext
{
    None,
    NewItem,
    /// <summary>A sub-item of the saved item, or of its parent when the saved item is a sub-item.</summary>
    NewSubItem,
    /// <summary>The form of the next item on the agenda (editing).</summary>
    NextItem,
}

/// <summary>What the item form saved, and what the secretary asked for next.</summary>
public sealed record ItemFormResult(Guid ItemId, ItemFormNext Next);
