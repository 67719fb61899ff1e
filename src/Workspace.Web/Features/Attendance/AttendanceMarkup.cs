using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Workspace.Data.Entities;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Features.Attendance;

/// <summary>
/// The read-only parts of the attendance panel as HTML with MudBlazor's classes, the same markup the components
/// rendered. A member's view of the people lists is one frame instead of a component per list and a dozen frames per
/// person; equal HTML is kept once (up to a limit, least recently used dropped first), so every circuit showing the
/// same meeting holds one shared string instead of its own render tree.
/// </summary>
public static class AttendanceMarkup
{
    private const string GroupHeading = "<h3 class=\"mud-typography mud-typography-subtitle1 mt-3\">";
    private const string Body2 = "<p class=\"mud-typography mud-typography-body2\">";

    /// <summary>
    /// Everything below the viewer's own answer, for a viewer who does not manage the meeting: members, substitutes,
    /// administration, guests and the minute-taker, without anything interactive.
    /// </summary>
    public static MarkupString People(AttendanceOverview overview, IStringLocalizer localizer)
    {
        var html = new StringBuilder(4096);
        Group(html, localizer["Attendance.Members"], overview.Members, localizer);
        Group(html, localizer["Attendance.Substitutes"], overview.Substitutes, localizer);
        Group(html, localizer["Attendance.Administration"], overview.Administration, localizer);
        html.Append(GroupHeading).AppendEncoded(localizer["Attendance.Guests"]).Append("</h3>");
        if (overview.Guests.Count == 0)
        {
            html.Append(Body2).AppendEncoded(localizer["Attendance.NoGuests"]).Append("</p>");
        }
        else
        {
            html.Append("<ul class=\"attendee-list\">");
            foreach (var guest in overview.Guests)
            {
                html.Append("<li>").AppendEncoded(guest.Name).Append("</li>");
            }
            html.Append("</ul>");
        }
        html.Append(GroupHeading).AppendEncoded(localizer["Attendance.MinuteTaker"]).Append("</h3>");
        html.Append(Body2).AppendEncoded(overview.MinuteTakerName ?? localizer["Attendance.NoMinuteTaker"]).Append("</p>");
        return SharedMarkup.Shared(html.ToString());
    }

    /// <summary>A person's name and organisation (or title), the first line of their row.</summary>
    public static MarkupString Name(AttendeeView person) => SharedMarkup.Shared(AppendName(new StringBuilder(), person).ToString());

    /// <summary>"Suppleant: ..." on a member whose seat a substitute takes, "Møder for ..." on that substitute; empty otherwise.</summary>
    public static MarkupString SteppingIn(AttendeeView person, IStringLocalizer localizer) =>
        SharedMarkup.Shared(AppendSteppingIn(new StringBuilder(), person, localizer).ToString());

    /// <summary>"online · ankom 16.20 · gik 17.05" for a participant registered present; empty otherwise.</summary>
    public static MarkupString Times(AttendeeView person, IStringLocalizer localizer) =>
        SharedMarkup.Shared(AppendTimes(new StringBuilder(), person, localizer).ToString());

    private static StringBuilder AppendTimes(StringBuilder html, AttendeeView person, IStringLocalizer localizer)
    {
        if (person.Presence != PresenceStatus.Present)
        {
            return html;
        }
        var parts = new List<string>(3);
        if (person.Channel == AttendanceChannel.Online)
        {
            parts.Add(localizer["Attendance.Online"]);
        }
        if (person.ArrivedAt is { } arrived)
        {
            parts.Add(localizer["Attendance.ArrivedAt", ClockTime(arrived, localizer)]);
        }
        if (person.LeftAt is { } left)
        {
            parts.Add(localizer["Attendance.LeftAt", ClockTime(left, localizer)]);
        }
        if (parts.Count > 0)
        {
            html.Append("<span class=\"mud-typography mud-typography-caption attendee-times\" data-testid=\"attendee-times\">")
                .AppendEncoded(string.Join(" · ", parts)).Append("</span>");
        }
        return html;
    }

    private static string ClockTime(DateTimeOffset instant, IStringLocalizer localizer) =>
        TimeZoneInfo.ConvertTime(instant, CopenhagenTime.Zone).ToString(localizer["Format.Time"].Value, System.Globalization.CultureInfo.CurrentCulture);

    private static void Group(StringBuilder html, string title, IReadOnlyList<AttendeeView> people, IStringLocalizer localizer)
    {
        html.Append(GroupHeading).AppendEncoded(title).Append("</h3><ul class=\"attendee-list\">");
        foreach (var person in people)
        {
            html.Append("<li data-testid=\"attendee\" data-person=\"").AppendEncoded(person.Name).Append("\">");
            AppendName(html, person).Append("<div class=\"attendee-status\">");
            AppendSteppingIn(html, person, localizer);
            if (person.Presence != PresenceStatus.NotRegistered)
            {
                html.AppendChip("outlined", "default", localizer[$"Presence.{person.Presence}"]);
                AppendTimes(html, person, localizer);
            }
            else if (person.Response != InvitationResponse.None)
            {
                html.AppendChip("outlined", "default", localizer[$"Response.{person.Response}"]);
            }
            html.Append("</div></li>");
        }
        html.Append("</ul>");
    }

    private static StringBuilder AppendName(StringBuilder html, AttendeeView person)
    {
        html.Append("<div><span class=\"person-name\">").AppendEncoded(person.Name).Append("</span>");
        if (person.Organisation is not null)
        {
            html.Append("<span class=\"person-org\"> (").AppendEncoded(person.Organisation).Append(")</span>");
        }
        return html.Append("</div>");
    }

    private static StringBuilder AppendSteppingIn(StringBuilder html, AttendeeView person, IStringLocalizer localizer)
    {
        if (person.SteppingInName is { } other)
        {
            html.AppendChip("outlined", "info", person.Role == AttendanceRole.Member
                ? localizer["Attendance.SubstituteIs", other]
                : localizer["Attendance.SteppingInFor", other], "stepping-in");
        }
        return html;
    }
}
