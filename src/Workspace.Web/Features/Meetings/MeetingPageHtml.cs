using Microsoft.AspNetCore.Components;
using Workspace.Data.Entities;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Agenda;
using Workspace.Web.Features.Planning;

namespace Workspace.Web.Features.Meetings;

/// <summary>What the meeting page's header shows of the meeting: the key of its shared HTML.</summary>
public sealed record MeetingHeading(Guid Id, Guid CouncilId, string CouncilName, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt,
    string? Place, string? OnlineLink)
{
    public static MeetingHeading Of(MeetingDetails meeting) =>
        new(meeting.Id, meeting.CouncilId, meeting.CouncilName, meeting.Title, meeting.StartsAt, meeting.EndsAt, meeting.Place, meeting.OnlineLink);
}

/// <summary>
/// The read-only parts of the meeting page as shared HTML (<see cref="StaticHtml"/>): header, status and kind, and the
/// agenda's timeline summary; each is one markup frame on every open page instead of components and their trees.
/// </summary>
public sealed class MeetingPageHtml(StaticHtml html)
{
    public ValueTask<MarkupString> HeaderAsync(MeetingDetails meeting, bool breadcrumbs)
    {
        var heading = MeetingHeading.Of(meeting);
        return html.RenderAsync<MeetingHeader>((heading, breadcrumbs), new Dictionary<string, object?>
        {
            [nameof(MeetingHeader.Meeting)] = heading,
            [nameof(MeetingHeader.Breadcrumbs)] = breadcrumbs,
        });
    }

    public ValueTask<MarkupString> StatusAsync(MeetingStatus status) =>
        html.RenderAsync<MeetingStatusChip>(status, new Dictionary<string, object?> { [nameof(MeetingStatusChip.Status)] = status });

    public ValueTask<MarkupString> KindAsync(MeetingKind kind) =>
        html.RenderAsync<MeetingKindChip>(kind, new Dictionary<string, object?> { [nameof(MeetingKindChip.Kind)] = kind });

    /// <summary>The planned end against the meeting's end; the advice on an overrun only for those who manage the meeting.</summary>
    public ValueTask<MarkupString> TimelineAsync(MeetingDetails meeting)
    {
        var t = meeting.Timetable;
        var key = (t.PlannedEnd, t.Overrun, t.UntimedItems, meeting.StartsAt, meeting.EndsAt, meeting.Rights.CanManage);
        return html.RenderAsync<AgendaTimelineSummary>(key, new Dictionary<string, object?> { [nameof(AgendaTimelineSummary.Meeting)] = meeting });
    }
}
