using System.Globalization;
using System.Resources;
using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Resources;

namespace Workspace.Web.Features.Planning;

/// <summary>
/// A council's standard agenda (standarddagsorden): the one default list, the order its items take on a meeting,
/// and how a new meeting gets them.
/// </summary>
public static class AgendaTemplates
{
    /// <summary>One standard item of the default template; the title is a resource key, read in Danish.</summary>
    public sealed record DefaultItem(string TitleKey, AgendaItemKind Kind, int? AllottedMinutes, bool AtEnd, bool ApprovesMinutes = false);

    /// <summary>The standard items every council starts with (and the demo councils are seeded with).</summary>
    public static IReadOnlyList<DefaultItem> Default { get; } =
    [
        new("AgendaTemplate.Default.ApproveAgenda", AgendaItemKind.Decision, 5, false),
        new("AgendaTemplate.Default.ApproveMinutes", AgendaItemKind.Decision, 5, false, ApprovesMinutes: true),
        new("AgendaTemplate.Default.ChairNews", AgendaItemKind.Information, 10, false),
        new("AgendaTemplate.Default.MemberNews", AgendaItemKind.Information, 10, false),
        new("AgendaTemplate.Default.NextMeeting", AgendaItemKind.Information, 5, true),
        new("AgendaTemplate.Default.AnyOtherBusiness", AgendaItemKind.Discussion, 10, true),
    ];

    // The template is the council's data, written in the council's language: Danish, whoever opens it first.
    private static readonly ResourceManager Texts = new(typeof(SharedResource));
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    /// <summary>A text that becomes the council's data (a standard item, a section heading), in Danish whoever asks.</summary>
    public static string CouncilText(string key) =>
        Texts.GetString(key, Danish) ?? throw new InvalidOperationException($"Missing text {key}.");

    /// <summary>The default template as rows for a council, numbered 1..n in meeting order.</summary>
    public static List<AgendaTemplateItem> DefaultFor(Guid councilId) =>
        Default.Select((item, index) => new AgendaTemplateItem
        {
            CouncilId = councilId,
            Number = index + 1,
            Title = CouncilText(item.TitleKey),
            Kind = item.Kind,
            AllottedMinutes = item.AllottedMinutes,
            AtEnd = item.AtEnd,
            ApprovesMinutes = item.ApprovesMinutes,
        }).ToList();

    /// <summary>The order items take on a meeting: the ordinary items by number, then those placed at the end by number.</summary>
    public static IEnumerable<AgendaTemplateItem> InMeetingOrder(IEnumerable<AgendaTemplateItem> items) =>
        items.OrderBy(i => i.AtEnd).ThenBy(i => i.Number);

    /// <summary>Gives the items numbers 1..n in meeting order, so the stored order is the shown order.</summary>
    public static List<AgendaTemplateItem> Renumber(IEnumerable<AgendaTemplateItem> items)
    {
        var ordered = InMeetingOrder(items).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Number = i + 1;
        }
        return ordered;
    }

    /// <summary>
    /// The council's template (tracked), in meeting order; a council without one gets the default, added to
    /// <paramref name="db"/> and saved with the caller's changes.
    /// </summary>
    public static async Task<List<AgendaTemplateItem>> EnsureAsync(WorkspaceDbContext db, Guid councilId, CancellationToken ct)
    {
        var items = await db.AgendaTemplateItems.Where(t => t.CouncilId == councilId).ToListAsync(ct);
        if (items.Count == 0)
        {
            items = DefaultFor(councilId);
            db.AgendaTemplateItems.AddRange(items);
        }
        return InMeetingOrder(items).ToList();
    }

    /// <summary>
    /// Puts the template's items on a new meeting's agenda as top-level entries numbered 1..n in meeting order. They remember
    /// their place (start or end), so later items go before the end items; the approval of the minutes is linked to
    /// <paramref name="previousHeldMeetingId"/>.
    /// </summary>
    public static void AddItemsTo(Meeting meeting, IEnumerable<AgendaTemplateItem> template, Guid? previousHeldMeetingId = null)
    {
        var number = 0;
        foreach (var item in InMeetingOrder(template))
        {
            meeting.AgendaItems.Add(new AgendaItem
            {
                MeetingId = meeting.Id,
                Number = ++number,
                Title = item.Title,
                Kind = item.Kind,
                AllottedMinutes = item.Layout == AgendaItemLayout.Section ? null : item.AllottedMinutes,
                Layout = item.Layout,
                Placement = item.AtEnd ? AgendaItemPlacement.End : AgendaItemPlacement.Start,
                ApprovesMinutesOfMeetingId = item.ApprovesMinutes ? previousHeldMeetingId : null,
            });
        }
        FollowUps.FollowUpStatusAgenda.AddTo(meeting, trailing: template.Count(i => i.AtEnd));
    }
}
