using Workspace.Web.Collaboration.CoEditing;

namespace Workspace.Web.Features.TextHistory;

/// <summary>
/// One version of a co-edited text: what one person typed in one sitting (consecutive revisions, no pause longer
/// than <see cref="TextVersions.SittingGap"/>), one restore, or the text the document started with.
/// The text after it is revision <see cref="Revision"/>; before it, <see cref="FirstRevision"/> - 1.
/// </summary>
public sealed record TextVersion(
    long Revision,
    long FirstRevision,
    TextChangeKind Kind,
    Guid? AuthorId,
    string? AuthorName,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    int InsertedLength,
    int DeletedLength,
    long? RestoredRevision)
{
    public long RevisionBefore => FirstRevision - 1;
}

/// <summary>A text's history for one reader, newest version first; <see cref="CanRestore"/> when they may change the text.</summary>
public sealed record ItemTextHistory(Guid ItemId, ItemText Text, long CurrentRevision, bool CanRestore, IReadOnlyList<TextVersion> Versions);

public enum DiffKind
{
    Same,
    Inserted,
    Deleted,
}

/// <summary>A run of the compared texts: kept, added or removed. <see cref="Skipped"/> counts characters of a long kept run left out.</summary>
public sealed record DiffSegment(DiffKind Kind, string Text, int Skipped = 0);

/// <summary>What changed between two revisions of a text, as runs of words.</summary>
public sealed record TextComparison(long FromRevision, long ToRevision, IReadOnlyList<DiffSegment> Segments)
{
    public bool HasChanges => Segments.Any(s => s.Kind != DiffKind.Same);
}
