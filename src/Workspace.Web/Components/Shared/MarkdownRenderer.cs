using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Caching.Memory;

namespace Workspace.Web.Components.Shared;

/// <summary>
/// Turns Markdown written by users into safe HTML: Markdig renders it with raw HTML disabled,
/// then HtmlSanitizer removes anything that could still run script (javascript: links and the like).
/// The HTML of a text is kept (up to a few MB of texts, least recently used dropped first), so that every circuit
/// showing the same item holds one shared string instead of rendering and keeping its own copy.
/// </summary>
public sealed class MarkdownRenderer : IDisposable
{
    /// <summary>Characters of Markdown whose HTML is kept.</summary>
    private const long CacheCharacters = 4 * 1024 * 1024;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = CacheCharacters });

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .UseListExtras()
        .UsePipeTables()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public MarkupString Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return new MarkupString("");
        }
        if (_cache.TryGetValue(markdown, out string? cached))
        {
            return new MarkupString(cached!);
        }
        var html = _sanitizer.Sanitize(Markdown.ToHtml(markdown, _pipeline));
        _cache.Set(markdown, html, new MemoryCacheEntryOptions { Size = markdown.Length + html.Length, SlidingExpiration = TimeSpan.FromHours(1) });
        return new MarkupString(html);
    }

    public void Dispose() => _cache.Dispose();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.UnionWith(["https", "http", "mailto"]);
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement anchor)
            {
                anchor.SetAttribute("rel", "noopener noreferrer");
                anchor.SetAttribute("target", "_blank");
            }
        };
        return sanitizer;
    }
}
