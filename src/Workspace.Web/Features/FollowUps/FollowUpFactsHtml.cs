using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Workspace.Web.Features.FollowUps;

/// <summary>
/// The read-only part of a follow-up (<see cref="FollowUpFacts"/>) rendered to HTML once per version and language and
/// shared by every circuit: a component's render tree per line on every open meeting page cost several KB each
/// (decision 008); one markup frame costs almost nothing, and Razor still encodes what users wrote.
/// </summary>
public sealed class FollowUpFactsHtml(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<(FollowUpView FollowUp, bool ShowOrigin, string Culture), string> _rendered = new();

    public async Task<MarkupString> RenderAsync(FollowUpView followUp, bool showOrigin)
    {
        // What the viewer may do is not part of the text, so viewers with other rights share one rendering.
        var key = (followUp with { CanEdit = false, CanChangeStatus = false }, showOrigin, CultureInfo.CurrentUICulture.Name);
        if (_rendered.TryGetValue(key, out var html))
        {
            return new MarkupString(html);
        }
        if (_rendered.Count >= MaxEntries)
        {
            _rendered.Clear();
        }
        // The renderer resolves scoped services (cascading values), as a circuit does.
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        html = await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(FollowUpFacts.FollowUp)] = key.Item1,
                [nameof(FollowUpFacts.ShowOrigin)] = showOrigin,
            });
            return (await renderer.RenderComponentAsync<FollowUpFacts>(parameters)).ToHtmlString();
        });
        _rendered[key] = html;
        return new MarkupString(html);
    }
}
