using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;

namespace Workspace.Web.Features.Access;

/// <summary>Looks up a user's membership rows and turns them into <see cref="CouncilRights"/>.</summary>
public sealed class CouncilAccess
{
    public async Task<CouncilRights> RightsInAsync(WorkspaceDbContext db, WorkspaceUser user, Guid councilId, CancellationToken ct = default)
    {
        if (user.PersonId is not { } personId)
        {
            return CouncilRights.None;
        }
        var seats = await db.Memberships
            .Where(m => m.CouncilId == councilId && m.PersonId == personId)
            .Select(m => new { m.Kind, m.IsChair })
            .ToListAsync(ct);
        return CouncilRights.For(user, seats.Select(s => s.Kind), seats.Any(s => s.Kind == MembershipKind.Member && s.IsChair));
    }

    /// <summary>The user's rights at one meeting, including a confirmed call-in as substitute.</summary>
    public async Task<CouncilRights> RightsAtMeetingAsync(WorkspaceDbContext db, WorkspaceUser user, Meeting meeting, CancellationToken ct = default)
    {
        var rights = await RightsInAsync(db, user, meeting.CouncilId, ct);
        var steppingIn = rights.CanStepIn && await IsSteppingInAsync(db, user, meeting.Id, ct);
        return rights.AtMeeting(meeting.Status, steppingIn);
    }

    /// <summary>A meeting (tracked, for changes) the user may read, with their rights there; otherwise not found.</summary>
    public async Task<(Meeting Meeting, CouncilRights Rights)> ReadableMeetingAsync(WorkspaceDbContext db, WorkspaceUser user, Guid meetingId, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == meetingId, ct) ?? throw new NotFoundException();
        var rights = await RightsAtMeetingAsync(db, user, meeting, ct);
        return rights.CanRead ? (meeting, rights) : throw new NotFoundException();
    }

    /// <summary>A meeting the user runs (the administration or the council's chair); otherwise not found or access denied.</summary>
    public async Task<(Meeting Meeting, CouncilRights Rights)> ControlledMeetingAsync(WorkspaceDbContext db, WorkspaceUser user, Guid meetingId, CancellationToken ct = default)
    {
        var (meeting, rights) = await ReadableMeetingAsync(db, user, meetingId, ct);
        if (!rights.CanControl)
        {
            throw new AccessDeniedException();
        }
        return (meeting, rights);
    }

    /// <summary>A meeting the user manages (administration of its council); otherwise not found or access denied.</summary>
    public async Task<Meeting> ManagedMeetingAsync(WorkspaceDbContext db, WorkspaceUser user, Guid meetingId, CancellationToken ct = default)
    {
        var (meeting, rights) = await ReadableMeetingAsync(db, user, meetingId, ct);
        rights.EnsureCanManage();
        return meeting;
    }

    public static Task<bool> IsSteppingInAsync(WorkspaceDbContext db, WorkspaceUser user, Guid meetingId, CancellationToken ct) =>
        db.SubstituteCalls.AnyAsync(c => c.MeetingId == meetingId && c.SubstituteId == user.PersonId && c.Status == SubstituteCallStatus.Confirmed, ct);

    /// <summary>The councils the user can read, for lists and the start page.</summary>
    public async Task<List<Guid>> ReadableCouncilIdsAsync(WorkspaceDbContext db, WorkspaceUser user, CancellationToken ct = default)
    {
        if (user.PersonId is not { } personId)
        {
            return [];
        }
        var memberships = await db.Memberships
            .Where(m => m.PersonId == personId)
            .Select(m => new { m.CouncilId, m.Kind })
            .ToListAsync(ct);
        return memberships
            .GroupBy(m => m.CouncilId)
            .Where(g => CouncilRights.For(user, g.Select(m => m.Kind)).CanRead)
            .Select(g => g.Key)
            .ToList();
    }
}
