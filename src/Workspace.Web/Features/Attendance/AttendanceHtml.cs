using Microsoft.AspNetCore.Components;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Features.Attendance;

/// <summary>What a reader's people lists show: the key of their shared HTML (value equality, lists included).</summary>
public sealed record AttendancePeopleView(
    ValueList<AttendeeView> Members,
    ValueList<AttendeeView> Substitutes,
    ValueList<AttendeeView> Administration,
    ValueList<AttendeeView> Guests,
    string? MinuteTakerName)
{
    public static AttendancePeopleView Of(AttendanceOverview overview) => new(
        overview.Members.ToValueList(),
        overview.Substitutes.ToValueList(),
        overview.Administration.ToValueList(),
        overview.Guests.ToValueList(),
        overview.MinuteTakerName);
}

/// <summary>
/// The attendance panel's read-only people lists as shared HTML (<see cref="StaticHtml"/>): every member's open meeting
/// page keeps one markup frame for them instead of a dozen frames per person.
/// </summary>
public sealed class AttendanceHtml(StaticHtml html)
{
    public ValueTask<MarkupString> PeopleAsync(AttendanceOverview overview)
    {
        var people = AttendancePeopleView.Of(overview);
        return html.RenderAsync<AttendancePeople>(people, new Dictionary<string, object?> { [nameof(AttendancePeople.People)] = people });
    }
}
