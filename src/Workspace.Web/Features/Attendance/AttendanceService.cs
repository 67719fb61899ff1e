using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Collaboration;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Members;
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
        var day = Term.DayOf(meeting.StartsAt);
        var memberships = (await db.Memberships.AsNoTracking()
                .Where(m => m.CouncilId == meeting.CouncilId)
                .Select(m => new { m.PersonId, m.Person!.Name, m.Organisation, m.Title, m.Kind, m.SubstituteOrder, m.IsChair, m.TermStart, m.TermEnd })
                .ToListAsync(ct))
            .Where(m => Term.Covers(m.TermStart, m.TermEnd, day))
            .ToList();
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
                row?.ResponseNote, row?.Presence ?? PresenceStatus.NotRegistered, steppingIn, row?.Channel ?? AttendanceChannel.Room, row?.ArrivedAt, row?.LeftAt);
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
            .Select(r => new AttendeeView(r.Id, null, r.GuestName ?? "", null, AttendanceRole.Guest, r.Response, r.ResponseNote, r.Presence, null, r.Channel, r.ArrivedAt, r.LeftAt))
            .ToList();
        var me = members.Concat(substitutes).FirstOrDefault(a => a.PersonId == user.PersonId);

        return new AttendanceOverview(meetingId, meeting.Status, rights.CanManage, me, members, substitutes, administration, guests,
            rights.CanManage ? calls : calls.Where(c => c.Status == SubstituteCallStatus.Confirmed).ToList(),
            meeting.MinuteTakerId, minuteTakerName);
    }

    /// <summary>A member answers the invitation. Apologies call in the next substitute; attending again withdraws that call.</summary>
    public async Task RespondAsync(WorkspaceUser user, Guid meetingId, InvitationResponse response, string? note, CancellationToken ct = default)
    {
        EnsureNoteFits(note, "Note");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (meeting, _) = await access.ReadableMeetingAsync(db, user, meetingId, ct);
        var councilRights = await access.RightsInAsync(db, user, meeting.CouncilId, ct);
        if (!councilRights.CanRemark || response == InvitationResponse.None)
        {
            throw new AccessDeniedException();
        }
        var memberId = user.PersonId!.Value;
        if (await SeatAtAsync(db, meeting, memberId, ct) is not MembershipKind.Member)
        {
            // A member whose term does not cover the meeting is not on its lists and has no invitation to answer.
            throw new AccessDeniedException();
        }
        EnsureOpenForAnswers(meeting);

        if (response == InvitationResponse.Apologies)
        {
            var row = await RecordApologiesAsync(db, meeting, memberId, AttendanceRole.Member, note, ct);
            // The member's own answer replaces their earlier note, also with an empty one.
            row.ResponseNote = InputRules.Trimmed(note);
            row.RespondedAt = clock.GetUtcNow();
        }
        else
        {
            var row = await UpsertAttendanceAsync(db, meetingId, memberId, AttendanceRole.Member, ct);
            row.Response = response;
            row.ResponseNote = InputRules.Trimmed(note);
            row.RespondedAt = clock.GetUtcNow();
            row.Presence = PresenceStatus.NotRegistered;
            (await ActiveCallsForAsync(db, meetingId, memberId, ct)).ForEach(c => Decide(c, SubstituteCallStatus.Withdrawn, user));
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

    /// <summary>
    /// The secretary registers a member, substitute or staff member as present, with apologies or absent without notice.
    /// Apologies registered for a member take the member's own path: the reason is kept as their note and the next
    /// substitute is proposed, unless one is already proposed or confirmed for the seat.
    /// </summary>
    public async Task RegisterPresenceAsync(WorkspaceUser user, Guid meetingId, Guid personId, PresenceStatus presence, string? reason = null, CancellationToken ct = default)
    {
        EnsureNoteFits(reason, "Reason");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await access.ManagedMeetingAsync(db, user, meetingId, ct);
        var kind = await SeatAtAsync(db, meeting, personId, ct) ?? throw new NotFoundException();
        var role = RoleOf(kind);
        if (presence == PresenceStatus.Apologies)
        {
            await RecordApologiesAsync(db, meeting, personId, role, reason, ct);
        }
        else
        {
            var row = await UpsertAttendanceAsync(db, meetingId, personId, role, ct);
            row.Presence = presence;
        }
        await db.SaveAsAsync(user, ct);
        Notify(meetingId, user);
    }

    /// <summary>
    /// "Registrér alle som mødt": every member whose term covers the meeting and every confirmed substitute who has nothing
    /// registered yet is registered present; what is already registered (apologies, absence) stays. A member whose seat a
    /// confirmed substitute takes is left for the secretary. Returns how many were registered.
    /// </summary>
    public async Task<int> RegisterAllPresentAsync(WorkspaceUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await access.ManagedMeetingAsync(db, user, meetingId, ct);
        var day = Term.DayOf(meeting.StartsAt);
        var confirmed = await db.SubstituteCalls
            .Where(c => c.MeetingId == meetingId && c.Status == SubstituteCallStatus.Confirmed)
            .Select(c => new { c.SubstituteId, c.ForMemberId })
            .ToListAsync(ct);
        var seats = (await db.Memberships
                .Where(m => m.CouncilId == meeting.CouncilId && m.Kind != MembershipKind.Administration)
                .Select(m => new { m.PersonId, m.Kind, m.TermStart, m.TermEnd })
                .ToListAsync(ct))
            .Where(m => Term.Covers(m.TermStart, m.TermEnd, day))
            .Where(m => m.Kind == MembershipKind.Member
                ? confirmed.All(c => c.ForMemberId != m.PersonId)
                : confirmed.Any(c => c.SubstituteId == m.PersonId))
            .ToList();
        var rows = await db.Attendances.Where(a => a.MeetingId == meetingId && a.PersonId != null).ToListAsync(ct);
        var registered = 0;
        foreach (var seat in seats)
        {
            var row = rows.FirstOrDefault(r => r.PersonId == seat.PersonId);
            if (row is null)
            {
                row = new AttendanceRow { MeetingId = meetingId, PersonId = seat.PersonId, Role = RoleOf(seat.Kind) };
                db.Attendances.Add(row);
            }
            if (row.Presence == PresenceStatus.NotRegistered)
            {
                row.Presence = PresenceStatus.Present;
                registered++;
            }
        }
        if (registered > 0)
        {
            await db.SaveAsAsync(user, ct);
            Notify(meetingId, user);
        }
        return registered;
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
    /// Members near or at the council's absence limit: members whose term covers today, counting the meetings within
    /// their term. The administration sees everyone concerned; a member sees only their own situation; others see nothing.
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
        var today = Term.DayOf(clock.GetUtcNow());
        var members = (await db.Memberships.AsNoTracking()
                .Where(m => m.CouncilId == councilId && m.Kind == MembershipKind.Member)
                .Where(m => rights.CanManage || m.PersonId == user.PersonId)
                .Select(m => new SeatTerm(m.PersonId, m.Person!.Name, m.Organisation, m.Kind, m.SubstituteOrder, m.TermStart, m.TermEnd))
                .ToListAsync(ct))
            .Where(m => Term.Covers(m.TermStart, m.TermEnd, today))
            .ToList();
        var registered = await RegisteredMeetingsAsync(db, councilId, members, null, ct);
        return members
            .Select(m => new MemberAbsence(m.PersonId, m.Name, AbsenceRule.Evaluate(limit, registered[m.PersonId])))
            .Where(a => a.Result.Level != AbsenceLevel.None)
            .OrderByDescending(a => a.Result.Level).ThenBy(a => a.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>
    /// Attendance per person in one year, counting only the meetings within each person's term: members whose term
    /// touches the year, and substitutes who were registered at a meeting.
    /// </summary>
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
            .Select(m => new SeatTerm(m.PersonId, m.Person!.Name, m.Organisation, m.Kind, m.SubstituteOrder, m.TermStart, m.TermEnd))
            .ToListAsync(ct);
        var registered = await RegisteredMeetingsAsync(db, councilId, people, year, ct);
        return people
            .OrderBy(p => p.Kind).ThenBy(p => p.SubstituteOrder ?? 0).ThenBy(p => p.Name, StringComparer.CurrentCulture)
            .Select(p =>
            {
                var meetings = registered[p.PersonId].Where(r => r.Presence != PresenceStatus.NotRegistered).ToList();
                return (Seat: p, Statistic: new AttendanceStatistic(p.PersonId, p.Name, p.Organisation,
                    p.Kind == MembershipKind.Member ? AttendanceRole.Member : AttendanceRole.Substitute,
                    meetings.Count,
                    meetings.Count(m => m.Presence == PresenceStatus.Present),
                    meetings.Count(m => m.Presence == PresenceStatus.Apologies),
                    meetings.Count(m => m.Presence == PresenceStatus.AbsentWithoutNotice)));
            })
            .Where(x => x.Statistic.Role == AttendanceRole.Member ? Term.Overlaps(x.Seat.TermStart, x.Seat.TermEnd, year) : x.Statistic.Meetings > 0)
            .Select(x => x.Statistic)
            .ToList();
    }

    /// <summary>
    /// The years the statistics page offers: every year (Copenhagen) with a held or closed meeting of the council, and
    /// this year, newest first.
    /// </summary>
    public async Task<List<int>> StatisticsYearsAsync(WorkspaceUser user, Guid councilId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rights = await access.RightsInAsync(db, user, councilId, ct);
        if (!rights.CanRead)
        {
            throw new NotFoundException();
        }
        var starts = await db.Meetings.AsNoTracking()
            .Where(m => m.CouncilId == councilId && (m.Status == MeetingStatus.Held || m.Status == MeetingStatus.Closed))
            .Select(m => m.StartsAt)
            .ToListAsync(ct);
        return starts.Select(CopenhagenYear)
            .Append(CopenhagenYear(clock.GetUtcNow()))
            .Distinct()
            .OrderDescending()
            .ToList();
    }

    private sealed record SeatTerm(Guid PersonId, string Name, string? Organisation, MembershipKind Kind, int? SubstituteOrder, DateOnly? TermStart, DateOnly? TermEnd);

    /// <summary>Per person, the held or closed meetings of the council within their term, with what was registered for them.</summary>
    private static async Task<ILookup<Guid, RegisteredMeeting>> RegisteredMeetingsAsync(
        WorkspaceDbContext db, Guid councilId, List<SeatTerm> seats, int? year, CancellationToken ct)
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
        var personIds = seats.Select(s => s.PersonId).ToList();
        var presence = (await db.Attendances.AsNoTracking()
                .Where(a => meetingIds.Contains(a.MeetingId) && a.PersonId != null && personIds.Contains(a.PersonId.Value))
                .Select(a => new { a.MeetingId, PersonId = a.PersonId!.Value, a.Presence })
                .ToListAsync(ct))
            .DistinctBy(a => (a.MeetingId, a.PersonId))
            .ToDictionary(a => (a.MeetingId, a.PersonId), a => a.Presence);
        return seats
            .SelectMany(seat => meetings
                .Where(m => Term.Covers(seat.TermStart, seat.TermEnd, Term.DayOf(m.StartsAt)))
                .Select(m => (seat.PersonId, meeting: new RegisteredMeeting(m.Id, m.StartsAt,
                    presence.GetValueOrDefault((m.Id, seat.PersonId), PresenceStatus.NotRegistered)))))
            .ToLookup(x => x.PersonId, x => x.meeting);
    }

    private static int CopenhagenYear(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, Components.Shared.CopenhagenTime.Zone).Year;

    /// <summary>
    /// Apologies for one person, sent by themself or registered by the secretary: the answer, its note and the presence
    /// are set alike, and a member's seat is offered to the next substitute unless a call for it is already open.
    /// </summary>
    private async Task<AttendanceRow> RecordApologiesAsync(WorkspaceDbContext db, Meeting meeting, Guid personId, AttendanceRole role, string? note, CancellationToken ct)
    {
        var row = await UpsertAttendanceAsync(db, meeting.Id, personId, role, ct);
        row.Response = InvitationResponse.Apologies;
        // The secretary may register apologies without a reason: what the member wrote themself then stays.
        row.ResponseNote = InputRules.Trimmed(note) ?? row.ResponseNote;
        row.RespondedAt ??= clock.GetUtcNow();
        row.Presence = PresenceStatus.Apologies;
        if (role == AttendanceRole.Member && (await ActiveCallsForAsync(db, meeting.Id, personId, ct)).Count == 0)
        {
            await ProposeNextSubstituteAsync(db, meeting, personId, ct);
        }
        return row;
    }

    private static Task<List<SubstituteCall>> ActiveCallsForAsync(WorkspaceDbContext db, Guid meetingId, Guid memberId, CancellationToken ct) =>
        db.SubstituteCalls
            .Where(c => c.MeetingId == meetingId && c.ForMemberId == memberId && (c.Status == SubstituteCallStatus.Proposed || c.Status == SubstituteCallStatus.Confirmed))
            .ToListAsync(ct);

    /// <summary>The person's seat in the meeting's council if their term covers the meeting's date (a member seat first).</summary>
    internal static async Task<MembershipKind?> SeatAtAsync(WorkspaceDbContext db, Meeting meeting, Guid personId, CancellationToken ct)
    {
        var day = Term.DayOf(meeting.StartsAt);
        var seats = await db.Memberships
            .Where(m => m.CouncilId == meeting.CouncilId && m.PersonId == personId)
            .Select(m => new { m.Kind, m.TermStart, m.TermEnd })
            .ToListAsync(ct);
        return seats.Where(m => Term.Covers(m.TermStart, m.TermEnd, day)).OrderBy(m => m.Kind).Select(m => (MembershipKind?)m.Kind).FirstOrDefault();
    }

    internal static AttendanceRole RoleOf(MembershipKind kind) => kind switch
    {
        MembershipKind.Member => AttendanceRole.Member,
        MembershipKind.Substitute => AttendanceRole.Substitute,
        _ => AttendanceRole.Administration,
    };

    private static void EnsureNoteFits(string? note, string field)
    {
        if (note?.Length > NoteMax)
        {
            throw new InputValidationException([new FieldError(field, "Validation.TooLong")]);
        }
    }

    private async Task ProposeNextSubstituteAsync(WorkspaceDbContext db, Meeting meeting, Guid memberId, CancellationToken ct)
    {
        var day = Term.DayOf(meeting.StartsAt);
        var memberOrganisation = await db.Memberships
            .Where(m => m.CouncilId == meeting.CouncilId && m.PersonId == memberId && m.Kind == MembershipKind.Member)
            .Select(m => m.Organisation)
            .FirstOrDefaultAsync(ct);
        var substitutes = (await db.Memberships
                .Where(m => m.CouncilId == meeting.CouncilId && m.Kind == MembershipKind.Substitute)
                .Select(m => new { Candidate = new SubstituteCandidate(m.PersonId, m.Organisation, m.SubstituteOrder), m.TermStart, m.TermEnd })
                .ToListAsync(ct))
            .Where(m => Term.Covers(m.TermStart, m.TermEnd, day))
            .Select(m => m.Candidate)
            .ToList();
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

    internal static async Task<AttendanceRow> UpsertAttendanceAsync(WorkspaceDbContext db, Guid meetingId, Guid personId, AttendanceRole role, CancellationToken ct)
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
