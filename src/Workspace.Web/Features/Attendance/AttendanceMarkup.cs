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

    /// <summary>The one shared copy of this HTML (see <see cref="SharedMarkup"/>).</summary>
    public static MarkupString Shared(string html) => SharedMarkup.Shared(html);

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
        return Shared(html.ToString());
    }

    /// <summary>A person's name and organisation (or title), the first line of their row.</summary>
    public static MarkupString Name(AttendeeView person) => Shared(AppendName(new StringBuilder(), person).ToString());

    /// <summary>"Suppleant: ..." on a member whose seat a substitute takes, "Møder for ..." on that substitute; empty otherwise.</summary>
    public static MarkupString SteppingIn(AttendeeView person, IStringLocalizer localizer) =>
        Shared(AppendSteppingIn(new StringBuilder(), person, localizer).ToString());

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

    /// <summary>Text made safe for HTML content and double-quoted attribute values.</summary>
    public static string Encode(string? text) => SharedMarkup.Encode(text);

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
                AppendChip(html, "default", null, localizer[$"Presence.{person.Presence}"]);
            }
            else if (person.Response != InvitationResponse.None)
            {
                AppendChip(html, "default", null, localizer[$"Response.{person.Response}"]);
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
            AppendChip(html, "info", "stepping-in", person.Role == AttendanceRole.Member
                ? localizer["Attendance.SubstituteIs", other]
                : localizer["Attendance.SteppingInFor", other]);
        }
        return html;
    }

    private static void AppendChip(StringBuilder html, string color, string? testId, string text)
    {
        html.Append("<div class=\"mud-chip mud-chip-outlined mud-chip-size-small mud-chip-color-").Append(color).Append('"');
        if (testId is not null)
        {
            html.Append(" data-testid=\"").Append(testId).Append('"');
        }
        html.Append("><span class=\"mud-chip-content\">").AppendEncoded(text).Append("</span></div>");
    }
}
