using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Collaboration;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Attendance;

namespace Workspace.Web.Features.Running;

/// <summary>
/// Arrivals and departures while the meeting runs: someone who comes late is registered present from that moment, in
/// the room or online; someone who leaves early keeps their presence with the time they left. The administration and
/// the chair register them (<see cref="CouncilRights.CanControl"/>), checked on the current state at every call.
/// </summary>
public sealed class ArrivalService(
    IDbContextFactory<WorkspaceDbContext> dbFactory,
    CouncilAccess access,
    IMeetingNotifier notifier,
    TimeProvider clock)
{
    /// <summary>"Ankommet": present from now, in the room or online. Arriving again after leaving clears the departure.</summary>
    public async Task ArrivedAsync(WorkspaceUser user, Guid meetingId, Guid personId, AttendanceChannel channel, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(channel))
        {
            throw new InputValidationException([new FieldError("Channel", "Run.BadChannel")]);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await RunningMeetingAsync(db, user, meetingId, ct);
        var seat = await AttendanceService.SeatAtAsync(db, meeting, personId, ct) ?? throw new NotFoundException();
        var row = await AttendanceService.UpsertAttendanceAsync(db, meetingId, personId, AttendanceService.RoleOf(seat), ct);
        row.Presence = PresenceStatus.Present;
        row.Channel = channel;
        row.ArrivedAt = clock.GetUtcNow();
        row.LeftAt = null;
        await db.SaveAsAsync(user, ct);
        Notify(meetingId, user);
    }

    /// <summary>"Gået": a present participant left before the end; they stay registered present, with the time they left.</summary>
    public async Task LeftAsync(WorkspaceUser user, Guid meetingId, Guid personId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await RunningMeetingAsync(db, user, meetingId, ct);
        _ = await AttendanceService.SeatAtAsync(db, meeting, personId, ct) ?? throw new NotFoundException();
        var row = await db.Attendances.SingleOrDefaultAsync(a => a.MeetingId == meetingId && a.PersonId == personId, ct);
        if (row is not { Presence: PresenceStatus.Present } || row.LeftAt is not null)
        {
            throw new InputValidationException([new FieldError("Run", "Run.NotPresent")]);
        }
        row.LeftAt = clock.GetUtcNow();
        await db.SaveAsAsync(user, ct);
        Notify(meetingId, user);
    }

    private async Task<Meeting> RunningMeetingAsync(WorkspaceDbContext db, WorkspaceUser user, Guid meetingId, CancellationToken ct)
    {
        var (meeting, _) = await access.ControlledMeetingAsync(db, user, meetingId, ct);
        if (meeting.Status != MeetingStatus.InProgress)
        {
            throw new InputValidationException([new FieldError("Run", "Run.NotRunning")]);
        }
        return meeting;
    }

    private void Notify(Guid meetingId, WorkspaceUser user) =>
        notifier.Publish(new MeetingChange(meetingId, MeetingChangeKind.AttendanceChanged, null, user.PersonId, user.Name));
}
