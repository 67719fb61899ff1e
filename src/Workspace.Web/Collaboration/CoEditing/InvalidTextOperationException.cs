namespace Workspace.Web.Collaboration.CoEditing;

/// <summary>Why an operation or a request about a co-edited text was refused.</summary>
public enum CoEditingError
{
    /// <summary>Not an operation: wrong JSON shape, a fraction, a nested value.</summary>
    Malformed,

    /// <summary>The operation keeps or deletes more characters than the text has.</summary>
    DoesNotFitText,

    /// <summary>The operation inserts more than one operation may (<see cref="CoEditingOptions.MaxOperationLength"/>).</summary>
    OperationTooLarge,

    /// <summary>The text would grow past <see cref="CoEditingOptions.MaxTextLength"/>.</summary>
    TextTooLong,

    /// <summary>The revision is negative or ahead of the document.</summary>
    UnknownRevision,

    /// <summary>The document id or client id is empty, too long or has characters outside the allowed set.</summary>
    InvalidId,
}

/// <summary>
/// An operation or request about a co-edited text that cannot be accepted. Callers (hub, circuit) report
/// <see cref="Error"/> to the client, which reloads the text; nothing was stored.
/// </summary>
public sealed class InvalidTextOperationException(CoEditingError error, string message) : Exception(message)
{
    public CoEditingError Error { get; } = error;
}
