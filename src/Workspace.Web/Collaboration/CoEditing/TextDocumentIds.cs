namespace Workspace.Web.Collaboration.CoEditing;

/// <summary>The co-edited texts of an agenda item.</summary>
public enum ItemText
{
    Background,
    Decision,
    Minutes,
}

/// <summary>
/// Ids of co-edited texts: <c>item:{guid}:background</c>, <c>item:{guid}:decision</c>, <c>item:{guid}:minutes</c>,
/// <c>hearing:{guid}:response</c>. Callers check rights from what the id names before they call the service.
/// </summary>
public static class TextDocumentIds
{
    public static string ForItem(Guid itemId, ItemText text) => text switch
    {
        ItemText.Background => $"item:{itemId:D}:background",
        ItemText.Decision => $"item:{itemId:D}:decision",
        ItemText.Minutes => $"item:{itemId:D}:minutes",
        _ => throw new ArgumentOutOfRangeException(nameof(text), text, null),
    };

    public static string ForHearingResponse(Guid hearingId) => $"hearing:{hearingId:D}:response";

    /// <summary>Reads a hearing response's id; false for any other id.</summary>
    public static bool TryParseHearingResponse(string? documentId, out Guid hearingId)
    {
        hearingId = Guid.Empty;
        return documentId?.Split(':') is ["hearing", var id, "response"] && Guid.TryParseExact(id, "D", out hearingId);
    }

    /// <summary>Reads an item text id; false for any other id.</summary>
    public static bool TryParseItem(string? documentId, out Guid itemId, out ItemText text)
    {
        itemId = Guid.Empty;
        text = default;
        var parts = documentId?.Split(':');
        if (parts is not ["item", var id, var field] || !Guid.TryParseExact(id, "D", out itemId))
        {
            return false;
        }
        switch (field)
        {
            case "background":
                text = ItemText.Background;
                return true;
            case "decision":
                text = ItemText.Decision;
                return true;
            case "minutes":
                text = ItemText.Minutes;
                return true;
            default:
                itemId = Guid.Empty;
                return false;
        }
    }

    /// <summary>
    /// Ids and client ids are short and plain: lower-case letters, digits and <c>: - _ .</c> (lower case only, since
    /// SQL Server compares case-insensitively and SQLite does not).
    /// </summary>
    internal static void EnsureValid(string? id, int maxLength, string what)
    {
        var valid = !string.IsNullOrEmpty(id) && id.Length <= maxLength;
        for (var i = 0; valid && i < id!.Length; i++)
        {
            valid = IsAllowed(id[i]);
        }
        if (!valid)
        {
            throw new InvalidTextOperationException(CoEditingError.InvalidId,
                $"The {what} must be 1 to {maxLength} lower-case letters, digits or ':', '-', '_', '.'.");
        }
    }

    private static bool IsAllowed(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is ':' or '-' or '_' or '.';
}
