using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Workspace.Data.Entities;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Agenda;

namespace Workspace.Web.Features.Meetings;

/// <summary>
/// The read-only parts of an agenda card (heading, facts, status notes) as shared HTML with MudBlazor's classes: one
/// frame each on every open meeting page instead of a render tree per card (see SharedMarkup and decision 008).
/// </summary>
public static class AgendaItemMarkup
{
    /// <summary>"6. Høring: ..." as the card's heading; a withdrawn item's title is struck through.</summary>
    public static MarkupString Heading(AgendaItemView item)
    {
        var html = new StringBuilder("<h3 class=\"mud-typography ")
            .Append(item.ParentId is null ? "mud-typography-h6" : "mud-typography-subtitle1")
            .Append("\"><span class=\"item-number\">").AppendEncoded(item.Number).Append(".</span> ");
        if (item.Status == AgendaItemStatus.Withdrawn)
        {
            html.Append("<s data-testid=\"withdrawn-title\">").AppendEncoded(item.Title).Append("</s>");
        }
        else
        {
            html.AppendEncoded(item.Title);
        }
        return SharedMarkup.Shared(html.Append("</h3>").ToString());
    }

    /// <summary>Clock times, kind, minutes, presenter and the status chips, for the row under the heading.</summary>
    public static MarkupString Facts(AgendaItemView item, TimeSlot? time, DateTimeOffset meetingEndsAt, IStringLocalizer L, CopenhagenTime clock)
    {
        var html = new StringBuilder();
        // A time only where the minutes before (and, for the end, the item's own) are known: never "kl. 16.00-16.00".
        if (time is { TakesTime: true, StartKnown: true } slot)
        {
            html.Append("<span class=\"mud-typography mud-typography-body2 item-time\" data-testid=\"item-time\">")
                .Append(Svg.Icon(Icons.Material.Filled.Schedule).Value).Append(' ')
                .AppendEncoded(slot.EndKnown
                    ? L["Agenda.TimeRange", clock.Time(slot.Start), clock.Time(slot.End)]
                    : L["Agenda.StartsAt", clock.Time(slot.Start)]).Append("</span>");
            if (slot.End > meetingEndsAt)
            {
                html.AppendChip("outlined", "error", L["Agenda.AfterMeetingEnd"], "item-overrun", Icons.Material.Filled.Warning);
            }
        }
        html.AppendChip("outlined", "default", L[$"ItemKind.{item.Kind}"]);
        if (item.AllottedMinutes is { } minutes)
        {
            Body2(html, L["Item.AllottedMinutes", minutes]);
        }
        if (item.Presenter is not null)
        {
            Body2(html, L["Item.Presenter", item.Presenter], "item-presenter-text");
        }
        if (item.IsClosed)
        {
            html.AppendChip("filled", "secondary", L["Item.Closed"], icon: Icons.Material.Filled.Lock);
        }
        if (item.Status != AgendaItemStatus.Planned)
        {
            html.AppendChip("filled", "warning", L[$"ItemStatus.{item.Status}"], "item-status");
        }
        if (item.ChangedAfterPublishing)
        {
            html.AppendChip("outlined", "info", L["Item.ChangedAfterPublishing"], "changed-after-publishing", Icons.Material.Filled.Update);
        }
        return SharedMarkup.Shared(html.ToString());
    }

    /// <summary>Where a postponed item went or came from, why an item was withdrawn, whose minutes it approves; empty when none.</summary>
    public static MarkupString Notes(AgendaItemView item, IStringLocalizer L, CopenhagenTime clock)
    {
        var html = new StringBuilder();
        const string note = "<p class=\"mud-typography mud-typography-body2 mt-2 status-note\"";
        const string link = "<a class=\"mud-typography mud-link mud-primary-text mud-link-underline-hover\" href=\"/meetings/";
        if (item.PostponedTo is { } to)
        {
            html.Append(note).Append(" data-testid=\"postponed-to\">").Append(link).Append(to.Id).Append("\">")
                .AppendEncoded(L["Agenda.PostponedTo", clock.ShortDate(to.StartsAt)]).Append("</a>");
            if (item.StatusNote is not null)
            {
                html.Append(' ').AppendEncoded(item.StatusNote);
            }
            html.Append("</p>");
        }
        else if (!string.IsNullOrWhiteSpace(item.StatusNote))
        {
            html.Append(note).Append("><strong>").AppendEncoded(L[$"ItemStatus.{item.Status}"]).Append(":</strong> ")
                .AppendEncoded(item.StatusNote).Append("</p>");
        }
        if (item.ApprovesMinutesOf is { } approved)
        {
            html.Append(note).Append(" data-testid=\"approves-minutes\">").Append(link).Append(approved.Id).Append("\">")
                .AppendEncoded(L["Agenda.ApprovesMinutesOf", clock.ShortDate(approved.StartsAt)]).Append("</a></p>");
        }
        if (item.PostponedFrom is { } from)
        {
            html.Append(note).Append(" data-testid=\"postponed-from\">").Append(link).Append(from.Id).Append("\">")
                .AppendEncoded(L["Agenda.PostponedFrom", clock.ShortDate(from.StartsAt)]).Append("</a></p>");
        }
        return SharedMarkup.Shared(html.ToString());
    }

    private static void Body2(StringBuilder html, string text, string? testId = null)
    {
        html.Append("<span class=\"mud-typography mud-typography-body2\"");
        if (testId is not null)
        {
            html.Append(" data-testid=\"").Append(testId).Append('"');
        }
        html.Append('>').AppendEncoded(text).Append("</span>");
    }
}
