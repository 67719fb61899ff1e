using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Collaboration;
using Workspace.Web.Features.Access;
using AttendanceRow = Workspace.Data.Entities.Attendance;

namespace Workspace.Web.Features.Attendance;

/// <summary>
/// Invitation answers, substitutes called in for members who sent apologies, the secretary's registration
/// at the meeting, the absence rule and attendance statistics.
/// </summary>
public sealed class AttendanceService(
    IDbContextFactory<WorkspaceDbContext> dbFactory,
    CouncilAccess access,
    IMeetingNotifier notifier,
    TimeProvider clock)
{
    public const int NoteMax = 1000;
    public const int GuestNameMax = 300;

    public async Task<AttendanceOverview> GetOverviewAsync(WorkspaceUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (meeting, rights) = await access.ReadableMeetingAsync(db, user, meetingId, ct);
        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.CouncilId == meeting.CouncilId)
            .Select(m => new { m.PersonId, m.Person!.Name, m.Organisation, m.Title, m.Kind, m.SubstituteOrder, m.IsChair })
            .ToListAsync(ct);
        var rows = await db.Attendances.AsNoTracking().Where(a => a.MeetingId == meetingId).ToListAsync(ct);
        var calls = await db.SubstituteCalls.AsNoTracking()
            .Where(c => c.MeetingId == meetingId)
            .OrderBy(c => c.ProposedAt)
            .Select(c => new SubstituteCallView(c.Id, c.SubstituteId, c.Substitute!.Name, c.ForMemberId, c.ForMember!.Name, c.Status))
            .ToListAsync(ct);
        var confirmed = calls.Where(c => c.Status == SubstituteCallStatus.Confirmed).ToList();
        string? minuteTakerName = meeting.MinuteTakerId is { } takerId
            ? await db.People.Where(p => p.Id == takerId).Select(p => p.Name).SingleOrDefaultAsync(ct)
            : null;

        AttendeeView View(Guid personId, string name, string? organisation, AttendanceRole role, string? steppingIn)
        {
            var row = rows.FirstOrDefault(r => r.PersonId == personId);
            return new AttendeeView(row?.Id, personId, name, organisation, role, row?.Response ?? InvitationResponse.None,
                row?.ResponseNote, row?.Presence ?? PresenceStatus.NotRegistered, steppingIn);
        }

        var members = memberships.Where(m => m.Kind == MembershipKind.Member)
            .OrderByDescending(m => m.IsChair).ThenBy(m => m.Name, StringComparer.CurrentCulture)
            .Select(m => View(m.PersonId, m.Name, m.Organisation, AttendanceRole.Member,
                confirmed.FirstOrDefault(c => c.ForMemberId == m.PersonId)?.SubstituteName))
            .ToList();
        var substitutes = memberships.Where(m => m.Kind == MembershipKind.Substitute)
            .OrderBy(m => m.SubstituteOrder ?? int.MaxValue)
            .Select(m => View(m.PersonId, m.Name, m.Organisation, AttendanceRole.Substitute,
                confirmed.FirstOrDefault(c => c.SubstituteId == m.PersonId)?.ForMemberName))
            .ToList();
        var administration = memberships.Where(m => m.Kind == MembershipKind.Administration)
            .OrderBy(m => m.Name, StringComparer.CurrentCulture)
            .Select(m => View(m.PersonId, m.Name, m.Title, AttendanceRole.Administration, null))
            .ToList();
        var guests = rows.Where(r => r.Role == AttendanceRole.Guest)
            .OrderBy(r => r.GuestName, StringComparer.CurrentCulture)
            .Select(r => new AttendeeView(r.Id, null, r.GuestName ?? "", null, AttendanceRole.Guest, r.Response, r.ResponseNote, r.Presence, null))
            .ToList();
        var me = members.Concat(substitutes).FirstOrDefault(a => a.PersonId == user.PersonId);

        return new AttendanceOverview(meetingId, meeting.Status, rights.CanManage, me, members, substitutes, administration, guests,
            rights.CanManage ? calls : calls.Where(c => c.Status == SubstituteCallStatus.Confirmed).ToList(),
            meeting.MinuteTakerId, minuteTakerName);
    }

    /// <summary>A member answers the invitation. Apologies call in the next substitute; attending again withdraws that call.</summary>
    public async Task RespondAsync(WorkspaceUser user, Guid meetingId, InvitationResponse response, string? note, CancellationToken ct = default)
    {
        if (note?.Length > NoteMax)
        {
            throw new InputValidationException([new FieldError("Note", "Validation.TooLong")]);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (meeting, _) = await access.ReadableMeetingAsync(db, user, meetingId, ct);
        var councilRights = await access.RightsInAsync(db, user, meeting.CouncilId, ct);
        if (!councilRights.CanRemark || response == InvitationResponse.None)
        {
            throw new AccessDeniedException();
        }
        EnsureOpenForAnswers(meeting);

        var memberId = user.PersonId!.Value;
        var row = await UpsertAttendanceAsync(db, meetingId, memberId, AttendanceRole.Member, ct);
        row.Response = response;
        row.ResponseNote = InputRules.Trimmed(note);
        row.RespondedAt = clock.GetUtcNow();
        row.Presence = response == InvitationResponse.Apologies ? PresenceStatus.Apologies : PresenceStatus.NotRegistered;

        var activeCalls = await db.SubstituteCalls
            .Where(c => c.MeetingId == meetingId && c.ForMemberId == memberId && (c.Status == SubstituteCallStatus.Proposed || c.Status == SubstituteCallStatus.Confirmed))
            .ToListAsync(ct);
        if (response == InvitationResponse.Attending)
        {
            activeCalls.ForEach(c => Decide(c, SubstituteCallStatus.Withdrawn, user));
        }
        else if (activeCalls.Count == 0)
        {
            await ProposeNextSubstituteAsync(db, meeting, memberId, ct);
        }
        await db.SaveAsAsync(user, ct);
        Notify(meetingId, user);
    }

    /// <summary>The administration confirms a proposed substitute: from now on they act as a member at this meeting.</summary>
    public async Task ConfirmCallAsync(WorkspaceUser user, Guid callId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = await db.SubstituteCalls.SingleOrDefaultAsync(c => c.Id == callId, ct) ?? throw new NotFoundException();
        await access.ManagedMeetingAsync(db, user, call.MeetingId, ct);
        if (call.Status != SubstituteCallStatus.Proposed)
        {
            throw new ConcurrencyConflictException();
        }
        Decide(call, SubstituteCallStatus.Confirmed, user);
        var row = await UpsertAttendanceAsync(db, call.MeetingId, call.SubstituteId, AttendanceRole.Substitute, ct);
        row.Response = InvitationResponse.Attending;
        await db.SaveAsAsync(user, ct);
        Notify(call.MeetingId, user);
    }

    /// <summary>The administration, or the substitute themself, declines the call; the next substitute in order is proposed.</summary>
    public async Task DeclineCallAsync(WorkspaceUser user, Guid callId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var call = await db.SubstituteCalls.SingleOrDefaultAsync(c => c.Id == callId, ct) ?? throw new NotFoundException();
        var (meeting, rights) = await access.ReadableMeetingAsync(db, user, call.MeetingId, ct);
        if (!rights.CanManage && call.SubstituteId != user.PersonId)
        {
            throw new AccessDeniedException();
        }
        if (call.Status is not (SubstituteCallStatus.Proposed or SubstituteCallStatus.Confirmed))
        {
            throw new ConcurrencyConflictException();
        }
        Decide(call, SubstituteCallStatus.Declined, user);
        await ProposeNextSubstituteAsync(db, meeting, call.ForMemberId, ct);
        await db.SaveAsAsync(user, ct);
        Notify(call.MeetingId, user);
    }

    /// <summary>The secretary registers a member, substitute or staff member as present, with apologies or absent without notice.</summary>
    public async Task RegisterPresenceAsync(WorkspaceUser user, Guid meetingId, Guid personId, PresenceStatus presence, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await access.ManagedMeetingAsync(db, user, meetingId, ct);
        var kind = await db.Memberships
            .Where(m => m.CouncilId == meeting.CouncilId && m.PersonId == personId)
            .OrderBy(m => m.Kind)
            .Select(m => (MembershipKind?)m.Kind)
            .FirstOrDefaultAsync(ct) ?? throw new NotFoundException();
        var role = kind switch
        {
            MembershipKind.Member => AttendanceRole.Member,
            MembershipKind.Substitute => AttendanceRole.Substitute,
            _ => AttendanceRole.Administration,
        };
        var row = await UpsertAttendanceAsync(db, meetingId, personId, role, ct);
        row.Presence = presence;
        await db.SaveAsAsync(user, ct);
        Notify(meetingId, user);
    }

    public async Task AddGuestAsync(WorkspaceUser user, Guid meetingId, string name, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        InputRules.Required(errors, "GuestName", name);
        InputRules.MaxLength(errors, "GuestName", name, GuestNameMax);
        InputRules.ThrowIfInvalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await access.ManagedMeetingAsync(db, user, meetingId, ct);
        db.Attendances.Add(new AttendanceRow
        {
            MeetingId = meetingId,
            GuestName = name.Trim(),
            Role = AttendanceRole.Guest,
            Response = InvitationResponse.Attending,
            Presence = PresenceStatus.Present,
        });
        await db.SaveAsAsync(user, ct);
        Notify(meetingId, user);
    }

    public async Task RemoveGuestAsync(WorkspaceUser user, Guid attendanceId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Attendances.SingleOrDefaultAsync(a => a.Id == attendanceId && a.Role == AttendanceRole.Guest, ct) ?? throw new NotFoundException();
        await access.ManagedMeetingAsync(db, user, row.MeetingId, ct);
        db.Attendances.Remove(row);
        await db.SaveAsAsync(user, ct);
        Notify(row.MeetingId, user);
    }

    public async Task SetMinuteTakerAsync(WorkspaceUser user, Guid meetingId, Guid? personId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await access.ManagedMeetingAsync(db, user, meetingId, ct);
        if (personId is { } id && !await db.Memberships.AnyAsync(m => m.CouncilId == meeting.CouncilId && m.PersonId == id && m.Kind == MembershipKind.Administration, ct))
        {
            throw new InputValidationException([new FieldError("MinuteTaker", "Attendance.MinuteTakerMustBeStaff")]);
        }
        meeting.MinuteTakerId = personId;
        await db.SaveAsAsync(user, ct);
        Notify(meetingId, user);
    }

    /// <summary>
    /// Members near or at the council's absence limit. The administration sees everyone concerned; a member sees only
    /// their own situation; others see nothing.
    /// </summary>
    public async Task<List<MemberAbsence>> AbsencesAsync(WorkspaceUser user, Guid councilId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rights = await access.RightsInAsync(db, user, councilId, ct);
        if (!rights.CanRead)
        {
            throw new NotFoundException();
        }
        var limit = await db.Councils.Where(c => c.Id == councilId).Select(c => c.ConsecutiveAbsenceLimit).SingleAsync(ct);
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.CouncilId == councilId && m.Kind == MembershipKind.Member)
            .Where(m => rights.CanManage || m.PersonId == user.PersonId)
            .Select(m => new { m.PersonId, m.Person!.Name })
            .ToListAsync(ct);
        var memberIds = members.Select(m => m.PersonId).ToList();
        var registered = await RegisteredMeetingsAsync(db, councilId, memberIds, null, ct);
        return members
            .Select(m => new MemberAbsence(m.PersonId, m.Name, AbsenceRule.Evaluate(limit, registered[m.PersonId])))
            .Where(a => a.Result.Level != AbsenceLevel.None)
            .OrderByDescending(a => a.Result.Level).ThenBy(a => a.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    public async Task<List<AttendanceStatistic>> StatisticsAsync(WorkspaceUser user, Guid councilId, int year, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rights = await access.RightsInAsync(db, user, councilId, ct);
        if (!rights.CanRead)
        {
            throw new NotFoundException();
        }
        var people = await db.Memberships.AsNoTracking()
            .Where(m => m.CouncilId == councilId && m.Kind != MembershipKind.Administration)
            .Select(m => new { m.PersonId, m.Person!.Name, m.Organisation, m.Kind, m.SubstituteOrder })
            .ToListAsync(ct);
        var registered = await RegisteredMeetingsAsync(db, councilId, people.Select(p => p.PersonId).ToList(), year, ct);
        return people
            .OrderBy(p => p.Kind).ThenBy(p => p.SubstituteOrder ?? 0).ThenBy(p => p.Name, StringComparer.CurrentCulture)
            .Select(p =>
            {
                var meetings = registered[p.PersonId].Where(r => r.Presence != PresenceStatus.NotRegistered).ToList();
                return new AttendanceStatistic(p.PersonId, p.Name, p.Organisation,
                    p.Kind == MembershipKind.Member ? AttendanceRole.Member : AttendanceRole.Substitute,
                    meetings.Count,
                    meetings.Count(m => m.Presence == PresenceStatus.Present),
                    meetings.Count(m => m.Presence == PresenceStatus.Apologies),
                    meetings.Count(m => m.Presence == PresenceStatus.AbsentWithoutNotice));
            })
            .Where(s => s.Role == AttendanceRole.Member || s.Meetings > 0)
            .ToList();
    }

    /// <summary>Per person, the held or closed meetings of the council with what was registered for them.</summary>
    private static async Task<ILookup<Guid, RegisteredMeeting>> RegisteredMeetingsAsync(
        WorkspaceDbContext db, Guid councilId, List<Guid> personIds, int? year, CancellationToken ct)
    {
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.CouncilId == councilId && (m.Status == MeetingStatus.Held || m.Status == MeetingStatus.Closed))
            .Select(m => new { m.Id, m.StartsAt })
            .ToListAsync(ct);
        if (year is { } y)
        {
            meetings = meetings.Where(m => CopenhagenYear(m.StartsAt) == y).ToList();
        }
        var meetingIds = meetings.Select(m => m.Id).ToList();
        var presence = (await db.Attendances.AsNoTracking()
                .Where(a => meetingIds.Contains(a.MeetingId) && a.PersonId != null && personIds.Contains(a.PersonId.Value))
                .Select(a => new { a.MeetingId, PersonId = a.PersonId!.Value, a.Presence })
                .ToListAsync(ct))
            .DistinctBy(a => (a.MeetingId, a.PersonId))
            .ToDictionary(a => (a.MeetingId, a.PersonId), a => a.Presence);
        return personIds
            .SelectMany(personId => meetings.Select(m => (personId, meeting: new RegisteredMeeting(m.Id, m.StartsAt,
                presence.GetValueOrDefault((m.Id, personId), PresenceStatus.NotRegistered)))))
            .ToLookup(x => x.personId, x => x.meeting);
    }

    private static int CopenhagenYear(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Components.Shared.CopenhagenTime.Zone).Year;

    private async Task ProposeNextSubstituteAsync(WorkspaceDbContext db, Meeting meeting, Guid memberId, CancellationToken ct)
    {
        var memberOrganisation = await db.Memberships
            .Where(m => m.CouncilId == meeting.CouncilId && m.PersonId == memberId && m.Kind == MembershipKind.Member)
            .Select(m => m.Organisation)
            .FirstOrDefaultAsync(ct);
        var substitutes = await db.Memberships
            .Where(m => m.CouncilId == meeting.CouncilId && m.Kind == MembershipKind.Substitute)
            .Select(m => new SubstituteCandidate(m.PersonId, m.Organisation, m.SubstituteOrder))
            .ToListAsync(ct);
        var calls = await db.SubstituteCalls.Where(c => c.MeetingId == meeting.Id).ToListAsync(ct);
        var unavailable = calls
            .Where(c => c.Status is SubstituteCallStatus.Proposed or SubstituteCallStatus.Confirmed
                || (c.Status == SubstituteCallStatus.Declined && c.ForMemberId == memberId))
            .Select(c => c.SubstituteId)
            .Concat(await db.Attendances
                .Where(a => a.MeetingId == meeting.Id && a.Response == InvitationResponse.Apologies && a.PersonId != null)
                .Select(a => a.PersonId!.Value)
                .ToListAsync(ct))
            .ToHashSet();
        if (SubstituteOrder.Next(substitutes, memberOrganisation, unavailable) is { } next)
        {
            db.SubstituteCalls.Add(new SubstituteCall
            {
                MeetingId = meeting.Id,
                SubstituteId = next.PersonId,
                ForMemberId = memberId,
                Status = SubstituteCallStatus.Proposed,
                ProposedAt = clock.GetUtcNow(),
            });
        }
    }

    private void Decide(SubstituteCall call, SubstituteCallStatus status, WorkspaceUser user)
    {
        call.Status = status;
        call.DecidedAt = clock.GetUtcNow();
        call.DecidedById = user.PersonId;
    }

    private static async Task<AttendanceRow> UpsertAttendanceAsync(WorkspaceDbContext db, Guid meetingId, Guid personId, AttendanceRole role, CancellationToken ct)
    {
        var row = await db.Attendances.SingleOrDefaultAsync(a => a.MeetingId == meetingId && a.PersonId == personId, ct);
        if (row is null)
        {
            row = new AttendanceRow { MeetingId = meetingId, PersonId = personId, Role = role };
            db.Attendances.Add(row);
        }
        return row;
    }

    private static void EnsureOpenForAnswers(Meeting meeting)
    {
        if (meeting.Status != MeetingStatus.Published)
        {
            throw new InputValidationException([new FieldError("Response", "Attendance.MeetingNotOpen")]);
        }
    }

    private void Notify(Guid meetingId, WorkspaceUser user) =>
        notifier.Publish(new MeetingChange(meetingId, MeetingChangeKind.AttendanceChanged, null, user.PersonId, user.Name));
}
