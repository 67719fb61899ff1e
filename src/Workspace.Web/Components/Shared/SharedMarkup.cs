using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Caching.Memory;
using MudBlazor;

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

    /// <summary>
    /// A MudAlert's markup (text variant, default icon) around HTML that is already encoded; role "alert" for a
    /// message that appears after an action, so that screen readers say it at once.
    /// </summary>
    public static MarkupString Alert(Severity severity, string messageHtml, bool dense = false, string? cssClass = null, string? testId = null, string? role = null)
    {
        var (name, icon) = severity switch
        {
            Severity.Success => ("success", Icons.Custom.Uncategorized.AlertSuccess),
            Severity.Warning => ("warning", Icons.Material.Outlined.ReportProblem),
            Severity.Error => ("error", Icons.Material.Filled.ErrorOutline),
            _ => ("info", Icons.Material.Outlined.Info),
        };
        var html = new StringBuilder(512).Append("<div");
        if (testId is not null)
        {
            html.Append(" data-testid=\"").AppendEncoded(testId).Append('"');
        }
        if (role is not null)
        {
            html.Append(" role=\"").Append(role).Append('"');
        }
        html.Append(" class=\"mud-alert mud-alert-text-").Append(name).Append(dense ? " mud-dense" : "").Append(" mud-elevation-0");
        if (cssClass is not null)
        {
            html.Append(' ').AppendEncoded(cssClass);
        }
        html.Append("\"><div class=\"mud-alert-position justify-start\"><div class=\"mud-alert-icon mud-alert-icon-left\">")
            .Append(Svg.Icon(icon, "medium").Value)
            .Append("</div><div class=\"mud-alert-message\">").Append(messageHtml).Append("</div></div></div>");
        return Shared(html.ToString());
    }

    /// <summary>A small MudChip's markup (variant "outlined" or "filled", a MudBlazor colour name), with an optional icon before the text.</summary>
    public static StringBuilder AppendChip(this StringBuilder html, string variant, string color, string text, string? testId = null, string? icon = null)
    {
        html.Append("<div class=\"mud-chip mud-chip-").Append(variant).Append(" mud-chip-size-small mud-chip-color-").Append(color).Append('"');
        if (testId is not null)
        {
            html.Append(" data-testid=\"").Append(testId).Append('"');
        }
        html.Append('>');
        if (icon is not null)
        {
            html.Append(Svg.Icon(icon, "small", "mud-chip-icon").Value);
        }
        return html.Append("<span class=\"mud-chip-content\">").AppendEncoded(text).Append("</span></div>");
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
