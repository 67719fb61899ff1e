using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Caching.Memory;

namespace Workspace.Web.Components.Shared;

/// <summary>
/// Read-only parts of busy pages as HTML with MudBlazor's classes: one render frame instead of a dozen, and equal HTML
/// kept once (up to a limit, least recently used dropped first), so every open tab of the same meeting holds one shared
/// string instead of its own render tree. Text from users goes through <see cref="AppendEncoded"/>.
/// </summary>
public static class SharedMarkup
{
    /// <summary>Characters of HTML kept for sharing between circuits.</summary>
    private const long SharedCharacters = 4 * 1024 * 1024;

    private static readonly MemoryCache SharedHtml = new(new MemoryCacheOptions { SizeLimit = SharedCharacters });

    /// <summary>The one shared copy of this HTML (kept from an earlier render when one is).</summary>
    public static MarkupString Shared(string html)
    {
        if (SharedHtml.TryGetValue(html, out string? kept))
        {
            return new MarkupString(kept!);
        }
        SharedHtml.Set(html, html, new MemoryCacheEntryOptions { Size = html.Length, SlidingExpiration = TimeSpan.FromHours(1) });
        return new MarkupString(html);
    }

    /// <summary>The text, HTML-encoded.</summary>
    public static string Encode(string? text) => new StringBuilder().AppendEncoded(text).ToString();

    /// <summary>Appends the text HTML-encoded (&amp;, &lt;, &gt; and both quotes), safe in element content and quoted attributes.</summary>
    public static StringBuilder AppendEncoded(this StringBuilder html, string? text)
    {
        foreach (var c in text ?? "")
        {
            _ = c switch
            {
                '&' => html.Append("&amp;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                '"' => html.Append("&quot;"),
                '\'' => html.Append("&#39;"),
                _ => html.Append(c),
            };
        }
        return html;
    }
}
