using Workspace.Data.Entities;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Features.Attendance;

/// <summary>Everyone expected at a meeting, their answers and what the secretary registered.</summary>
public sealed record AttendanceOverview(
    Guid MeetingId,
    MeetingStatus MeetingStatus,
    bool CanManage,
    AttendeeView? Me,
    IReadOnlyList<AttendeeView> Members,
    IReadOnlyList<AttendeeView> Substitutes,
    IReadOnlyList<AttendeeView> Administration,
    IReadOnlyList<AttendeeView> Guests,
    IReadOnlyList<SubstituteCallView> Calls,
    Guid? MinuteTakerId,
    string? MinuteTakerName)
{
    /// <summary>The overview with one instance of each equal person for every page that shows the meeting (decision 008).</summary>
    public AttendanceOverview WithSharedPeople() => this with
    {
        Members = SharedInstances.Each(Members),
        Substitutes = SharedInstances.Each(Substitutes),
        Administration = SharedInstances.Each(Administration),
        Guests = SharedInstances.Each(Guests),
    };
}

public sealed record AttendeeView(
    Guid? AttendanceId,
    Guid? PersonId,
    string Name,
    string? Organisation,
    AttendanceRole Role,
    InvitationResponse Response,
    string? ResponseNote,
    PresenceStatus Presence,
    /// <summary>For a member: the substitute confirmed in their seat. For a substitute: the member they step in for.</summary>
    string? SteppingInName,
    /// <summary>In the room or online, and the arrival and departure registered while the meeting ran.</summary>
    AttendanceChannel Channel = AttendanceChannel.Room,
    DateTimeOffset? ArrivedAt = null,
    DateTimeOffset? LeftAt = null)
{
    /// <summary>Registered present and not gone: the meeting counts them now.</summary>
    public bool IsPresentNow => Presence == PresenceStatus.Present && LeftAt is null;
}

public sealed record SubstituteCallView(Guid Id, Guid SubstituteId, string SubstituteName, Guid ForMemberId, string ForMemberName, SubstituteCallStatus Status);

/// <summary>One member's absence situation in a council.</summary>
public sealed record MemberAbsence(Guid PersonId, string Name, AbsenceResult Result);

/// <summary>Attendance per member in one year.</summary>
public sealed record AttendanceStatistic(Guid PersonId, string Name, string? Organisation, AttendanceRole Role, int Meetings, int Present, int Apologies, int AbsentWithoutNotice)
{
    public int? PresentPercent => Meetings == 0 ? null : (int)Math.Round(100.0 * Present / Meetings);
}
