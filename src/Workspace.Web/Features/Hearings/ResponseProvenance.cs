using System.Text;

namespace Workspace.Web.Features.Hearings;

/// <summary>One stretch of the response: its text and the tags of the remarks it came from (none for the drafter's own words).</summary>
public sealed record ResponsePassage(string Text, IReadOnlyList<string> Tags);

/// <summary>
/// Where the response's passages came from, kept as markers in the text itself (decision 017): a passage pulled in
/// from remarks is <c>⟦tag,tag⟧passage⟦/⟧</c>, a tag being the first eight hex digits of a remark's id. The markers are
/// ordinary characters to the OT engine, so every concurrent edit moves them exactly as it moves the text around them:
/// an edit inside a passage stays inside it, an edit beside it stays outside, and only deleting a marker itself
/// ends the link. Readers never see the markers; they see the passages with who said them.
/// </summary>
public static class ResponseProvenance
{
    public const char Open = '⟦';
    public const char Close = '⟧';
    public const string End = "⟦/⟧";

    public static string TagOf(Guid remarkId) => remarkId.ToString("N")[..8];

    /// <summary>The text to insert for remarks pulled into the draft: the passage between its markers.</summary>
    public static string Wrap(IEnumerable<string> tags, string passage) =>
        $"{Open}{string.Join(',', tags.Distinct())}{Close}{Clean(passage)}{End}";

    /// <summary>Marker characters typed or pasted into a passage would open or end links; they are taken out.</summary>
    public static string Clean(string text) => text.Replace(Open.ToString(), "").Replace(Close.ToString(), "");

    /// <summary>
    /// The response as passages. A marker that does not parse is left as text; an opening marker with no end runs to the
    /// end of the text; an end with no opening is dropped. Markers do not nest: a new opening ends the passage before.
    /// </summary>
    public static IReadOnlyList<ResponsePassage> Parse(string text)
    {
        var passages = new List<ResponsePassage>();
        var current = new StringBuilder();
        IReadOnlyList<string> tags = [];
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == Open && TryReadMarker(text, i, out var markerTags, out var length))
            {
                Flush(passages, current, tags);
                tags = markerTags;
                i += length;
                continue;
            }
            current.Append(text[i]);
            i++;
        }
        Flush(passages, current, tags);
        return passages;
    }

    /// <summary>The text without markers: what is exported, printed and filed.</summary>
    public static string Plain(string text) => string.Concat(Parse(text).Select(p => p.Text));

    /// <summary>The tags of every remark with a passage in the text.</summary>
    public static IReadOnlySet<string> UsedTags(string text) =>
        Parse(text).SelectMany(p => p.Tags).ToHashSet(StringComparer.Ordinal);

    private static void Flush(List<ResponsePassage> passages, StringBuilder current, IReadOnlyList<string> tags)
    {
        if (current.Length > 0)
        {
            passages.Add(new ResponsePassage(current.ToString(), tags));
            current.Clear();
        }
    }

    /// <summary>Reads <c>⟦/⟧</c> (no tags: the end of a passage) or <c>⟦hex8,hex8⟧</c> starting at <paramref name="start"/>.</summary>
    private static bool TryReadMarker(string text, int start, out IReadOnlyList<string> tags, out int length)
    {
        tags = [];
        length = 0;
        var close = text.IndexOf(Close, start + 1);
        if (close < 0 || close - start > 200)
        {
            return false;
        }
        var inner = text[(start + 1)..close];
        length = close - start + 1;
        if (inner == "/")
        {
            return true;
        }
        var parts = inner.Split(',');
        if (parts.Length == 0 || !parts.All(IsTag))
        {
            return false;
        }
        tags = parts;
        return true;
    }

    private static bool IsTag(string part) => part.Length == 8 && part.All(char.IsAsciiHexDigitLower);
}
