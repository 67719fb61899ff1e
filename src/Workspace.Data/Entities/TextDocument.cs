namespace Workspace.Data.Entities;

/// <summary>
/// A text several people edit at once, character by character (background, decision, minutes of an item).
/// <see cref="Text"/> is the text at <see cref="Revision"/>, written in the same transaction as the operation that
/// made that revision, so opening a text never replays the log. <see cref="Revision"/> is the concurrency token:
/// two app nodes appending at once cannot both move it.
/// </summary>
public class TextDocument : IKeepsOwnHistory
{
    public const int MaxIdLength = 200;

    /// <summary>Which text, e.g. <c>item:{guid}:background</c>.</summary>
    public required string Id { get; set; }

    public required string Text { get; set; }
    public long Revision { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<TextOperationRecord> Operations { get; set; } = [];
}

/// <summary>
/// One sequenced edit of a <see cref="TextDocument"/>: the operation (JSON, see TextOperation in Workspace.Web) that
/// turned revision <see cref="Revision"/> - 1 into <see cref="Revision"/>, who made it and when. (DocumentId, Revision)
/// is unique, which is what makes nodes agree on the order; (DocumentId, ClientId, ClientSeq) is unique, which makes
/// a repeated submission (after a reconnect) return the stored result instead of applying twice.
/// </summary>
public class TextOperationRecord : IKeepsOwnHistory
{
    public const int MaxClientIdLength = 64;

    public long Id { get; set; }
    public required string DocumentId { get; set; }
    public TextDocument? Document { get; set; }
    public long Revision { get; set; }
    public required string OperationJson { get; set; }

    /// <summary>The person who wrote it; null for text taken over from elsewhere when the document was created.</summary>
    public Guid? AuthorId { get; set; }

    public Person? Author { get; set; }
    public required string ClientId { get; set; }
    public long ClientSeq { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The whole text after this revision, kept every so many revisions so older texts are quick to rebuild.</summary>
    public string? TextAfter { get; set; }
}
