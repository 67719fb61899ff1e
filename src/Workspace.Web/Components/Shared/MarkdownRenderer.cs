using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Components;

namespace Workspace.Web.Components.Shared;

/// <summary>
/// Turns Markdown written by users into safe HTML: Markdig renders it with raw HTML disabled,
/// then HtmlSanitizer removes anything that could still run script (javascript: links and the like).
/// </summary>
public sealed class MarkdownRenderer
{
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
        var html = Markdown.ToHtml(markdown, _pipeline);
        return new MarkupString(_sanitizer.Sanitize(html));
    }

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
