using Workspace.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace Workspace.Web.Features.FollowUps;

/// <summary>
/// The read-only parts of follow-ups rendered to HTML once per version and language and shared by every circuit
/// (<see cref="StaticHtml"/>): the facts inside a line with buttons (<see cref="FollowUpFacts"/>), and a whole line for a
/// viewer who may not change it (<see cref="FollowUpLineView"/>), which then needs no component of its own on the page.
/// </summary>
public sealed class FollowUpFactsHtml(StaticHtml html)
{
    private static readonly IReadOnlyDictionary<Guid, MarkupString> NoLines = new Dictionary<Guid, MarkupString>();

    public ValueTask<MarkupString> RenderAsync(FollowUpView followUp, bool showOrigin) =>
        Render<FollowUpFacts>(followUp, showOrigin);

    /// <summary>A line with nothing to click: the line's box and its facts.</summary>
    public ValueTask<MarkupString> LineAsync(FollowUpView followUp, bool showOrigin) =>
        Render<FollowUpLineView>(followUp, showOrigin);

    /// <summary>The shared HTML of each of these lines the viewer may not change, by id; the others keep their buttons.</summary>
    public async Task<IReadOnlyDictionary<Guid, MarkupString>> ReadOnlyLinesAsync(IEnumerable<FollowUpView> followUps, bool showOrigin)
    {
        if (!followUps.Any(f => !f.CanEdit && !f.CanChangeStatus))
        {
            return NoLines;
        }
        var lines = new Dictionary<Guid, MarkupString>();
        foreach (var followUp in followUps.Where(f => !f.CanEdit && !f.CanChangeStatus))
        {
            lines[followUp.Id] = await LineAsync(followUp, showOrigin);
        }
        return lines;
    }

    private ValueTask<MarkupString> Render<TComponent>(FollowUpView followUp, bool showOrigin) where TComponent : IComponent
    {
        // What the viewer may do is not part of the text, so viewers with other rights share one rendering.
        var shown = followUp with { CanEdit = false, CanChangeStatus = false };
        return html.RenderAsync<TComponent>((shown, showOrigin), new Dictionary<string, object?>
        {
            [nameof(FollowUpFacts.FollowUp)] = shown,
            [nameof(FollowUpFacts.ShowOrigin)] = showOrigin,
        });
    }
}
