namespace Workspace.Web.Collaboration.CoEditing;

/// <summary>A co-edited text as it is at <paramref name="Revision"/>.</summary>
public sealed record TextSnapshot(string DocumentId, string Text, long Revision);

/// <summary>
/// One sequenced operation: it turns revision <paramref name="Revision"/> - 1 into <paramref name="Revision"/>.
/// This is what goes to every client of the text (the author's client recognises its own by ClientId and ClientSeq).
/// </summary>
public sealed record TextRevision(
    string DocumentId,
    long Revision,
    TextOperation Operation,
    Guid? AuthorId,
    string ClientId,
    long ClientSeq,
    DateTimeOffset CreatedAt);

/// <summary>The outcome of a submission: the stored operation; <paramref name="Repeated"/> when it had been stored before.</summary>
public sealed record TextSubmitResult(TextRevision Committed, bool Repeated);

/// <summary>What made the revision.</summary>
public enum TextChangeKind
{
    /// <summary>Someone edited the text.</summary>
    Edit,

    /// <summary>The text the document started with (taken over from the agenda item, say).</summary>
    Initial,

    /// <summary>Someone restored an older revision (<see cref="TextHistoryEntry.RestoredRevision"/>).</summary>
    Restore,
}

/// <summary>A line of a text's history: who changed it, when, and how much.</summary>
public sealed record TextHistoryEntry(
    long Revision,
    TextChangeKind Kind,
    Guid? AuthorId,
    string? AuthorName,
    DateTimeOffset CreatedAt,
    int InsertedLength,
    int DeletedLength,
    long? RestoredRevision,
    TextOperation Operation);
