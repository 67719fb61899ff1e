using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Access;
using Workspace.Web.Resources;

namespace Workspace.Web.Features.Minutes;

/// <summary>A member's comment as the minutes page shows it.</summary>
public sealed record MinutesCommentView(Guid Id, Guid ItemId, string AuthorName, string Text, DateTimeOffset CreatedAt, string? Resolution, DateTimeOffset? ResolvedAt);

public sealed record MinutesVersionView(int Number, string? Reason, DateTimeOffset CreatedAt);

/// <summary>One person who is to approve minutes by "Godkend", and when they did (null: not yet).</summary>
public sealed record MinutesApproverView(Guid PersonId, string Name, DateTimeOffset? ApprovedAt);

/// <summary>
/// Approval by each member: whether the minutes are approved so, and who is to approve (everyone reading the minutes sees
/// who has). <see cref="Approvers"/> is empty when approval by members is off.
/// </summary>
public sealed record MinutesMemberApproval(bool Enabled, IReadOnlyList<MinutesApproverView> Approvers)
{
    public int ApprovedCount => Approvers.Count(a => a.ApprovedAt is not null);
}

/// <summary>
/// The reader may see the meeting but the minutes are not circulated yet (not started, or a draft only the administration
/// sees): the page says "Referatet er ikke klar endnu" and shows nothing of them.
/// </summary>
public sealed class MinutesNotReadyException() : Exception("The minutes are not ready.");

/// <summary>What the minutes page needs: the document as this reader may see it, its state and what the reader may do.</summary>
public sealed record MinutesView(
    Guid MeetingId,
    MeetingStatus MeetingStatus,
    MinutesStatus? Status,
    MinutesDocument Document,
    int? ShownVersion,
    IReadOnlyList<MinutesVersionView> Versions,
    IReadOnlyList<MinutesCommentView> Comments,
    DateTimeOffset? CommentDeadline,
    Guid? ApprovedUnderItemId,
    Guid? ApprovedUnderMeetingId,
    Guid? ApprovalItemId,
    MinutesMemberApproval MemberApproval,
    MinutesRights Rights);

/// <param name="CanApproveAsMember">The reader is to approve by "Godkend" and has not yet.</param>
/// <param name="CanChooseApproval">The administration may switch approval by each member on or off (until the minutes lock).</param>
public sealed record MinutesRights(bool CanManage, bool CanComment, bool CanApprove, bool CanSeeClosedItems,
    bool CanApproveAsMember = false, bool CanChooseApproval = false);

/// <summary>
/// The minutes' flow: draft (administration only), circulation with comments per item until a deadline, approval under
/// the next meeting's "Godkendelse af referat" item (which locks them as version 1 and appends a line to that item's
/// decision) or, where the administration has chosen so, by each member's "Godkend", corrections as new versions with a
/// reason. Every method checks the caller's rights at the meeting from the current state (decision 002).
/// </summary>
public sealed class MinutesService(IDbContextFactory<WorkspaceDbContext> dbFactory, CouncilAccess access, MinutesGenerator generator, TimeProvider clock,
    ItemTexts texts, IStringLocalizer<SharedResource> localizer)
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The minutes as the user may read them; <paramref name="version"/> picks an approved version (default: the newest).</summary>
    public async Task<MinutesView> GetAsync(WorkspaceUser user, Guid meetingId, int? version = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (meeting, rights) = await access.ReadableMeetingAsync(db, user, meetingId, ct);
        var minutes = await db.Set<MeetingMinutes>().AsNoTracking().Include(m => m.Versions)
            .SingleOrDefaultAsync(m => m.MeetingId == meetingId, ct);
        EnsureReadyFor(rights, minutes);

        var versions = minutes?.Versions.OrderBy(v => v.Number).ToList() ?? [];
        var shown = version is { } n ? versions.SingleOrDefault(v => v.Number == n) ?? throw new NotFoundException() : versions.LastOrDefault();
        var document = shown is null ? await generator.GenerateAsync(db, meetingId, ct) : Deserialize(shown.DocumentJson);
        if (!rights.CanSeeClosedItems)
        {
            document = document.WithoutClosedItems();
        }

        var closedItemIds = document.Entries.Where(e => e.IsClosed).Select(e => e.ItemId).ToHashSet();
        var comments = minutes is null ? [] : (await db.Set<MinutesComment>().AsNoTracking()
                .Where(c => c.MeetingMinutesId == minutes.Id)
                .Select(c => new MinutesCommentView(c.Id, c.AgendaItemId, c.Author!.Name, c.Text, c.CreatedAt, c.Resolution, c.ResolvedAt))
                .ToListAsync(ct))
            .Where(c => rights.CanSeeClosedItems || !closedItemIds.Contains(c.ItemId))
            .OrderBy(c => c.CreatedAt).ToList();

        var approvalItem = await ApprovalItemAsync(db, meetingId, ct);
        var approvedUnderMeeting = minutes?.ApprovedUnderItemId is { } underId
            ? await db.AgendaItems.Where(i => i.Id == underId).Select(i => (Guid?)i.MeetingId).SingleOrDefaultAsync(ct)
            : null;

        var canComment = minutes is { Status: MinutesStatus.InCirculation } && rights.ActsAsMember && !DeadlinePassed(minutes);
        var canApprove = minutes is { Status: not MinutesStatus.Approved } && approvalItem is not null
            && await CanControlAsync(db, user, approvalItem.MeetingId, ct);
        var memberApproval = await MemberApprovalAsync(db, meeting, minutes, ct);
        var canApproveAsMember = minutes is { Status: MinutesStatus.InCirculation, ApprovalByMembers: true } && rights.ActsAsMember
            && memberApproval.Approvers.Any(a => a.PersonId == user.PersonId && a.ApprovedAt is null);
        var canChooseApproval = rights.CanManage && meeting.Status is MeetingStatus.Held or MeetingStatus.Closed
            && minutes is not { Status: MinutesStatus.Approved };
        return new MinutesView(meetingId, meeting.Status, minutes?.Status, document, shown?.Number,
            versions.Select(v => new MinutesVersionView(v.Number, v.Reason, v.CreatedAt)).ToList(),
            comments, minutes?.CommentDeadline, minutes?.ApprovedUnderItemId, approvedUnderMeeting ?? approvalItem?.MeetingId, approvalItem?.Id,
            memberApproval,
            new MinutesRights(rights.CanManage, canComment, canApprove, rights.CanSeeClosedItems, canApproveAsMember, canChooseApproval));
    }

    /// <summary>
    /// Who is to approve by "Godkend" (decision 018): the members and the stepping-in substitutes (confirmed call-in)
    /// registered present at the meeting. Where nobody was registered present, every member whose term covers the
    /// meeting's date and every confirmed stepping-in substitute. Ordered by name.
    /// </summary>
    internal static async Task<IReadOnlyList<(Guid PersonId, string Name)>> ApproversAsync(WorkspaceDbContext db, Meeting meeting, CancellationToken ct)
    {
        var steppingIn = await db.SubstituteCalls.AsNoTracking()
            .Where(c => c.MeetingId == meeting.Id && c.Status == SubstituteCallStatus.Confirmed)
            .Select(c => c.SubstituteId).ToListAsync(ct);
        var present = await db.Attendances.AsNoTracking()
            .Where(a => a.MeetingId == meeting.Id && a.PersonId != null && a.Presence == PresenceStatus.Present
                && (a.Role == AttendanceRole.Member || (a.Role == AttendanceRole.Substitute && steppingIn.Contains(a.PersonId!.Value))))
            .Select(a => new { PersonId = a.PersonId!.Value, a.Person!.Name })
            .ToListAsync(ct);
        if (present.Count == 0)
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(meeting.StartsAt, CopenhagenTime.Zone).DateTime);
            present = await db.Memberships.AsNoTracking()
                .Where(m => m.CouncilId == meeting.CouncilId
                    && ((m.Kind == MembershipKind.Member && (m.TermStart == null || m.TermStart <= day) && (m.TermEnd == null || m.TermEnd >= day))
                        || (m.Kind == MembershipKind.Substitute && steppingIn.Contains(m.PersonId))))
                .Select(m => new { m.PersonId, m.Person!.Name })
                .ToListAsync(ct);
        }
        return present.DistinctBy(p => p.PersonId)
            .OrderBy(p => p.Name, StringComparer.Create(Danish, false))
            .Select(p => (p.PersonId, p.Name)).ToList();
    }

    private static async Task<MinutesMemberApproval> MemberApprovalAsync(WorkspaceDbContext db, Meeting meeting, MeetingMinutes? minutes, CancellationToken ct)
    {
        if (minutes is not { ApprovalByMembers: true })
        {
            return new MinutesMemberApproval(false, []);
        }
        var given = await db.Set<MinutesApproval>().AsNoTracking().Where(a => a.MeetingMinutesId == minutes.Id)
            .ToDictionaryAsync(a => a.PersonId, a => a.ApprovedAt, ct);
        var approvers = (await ApproversAsync(db, meeting, ct))
            .Select(a => new MinutesApproverView(a.PersonId, a.Name, given.TryGetValue(a.PersonId, out var at) ? at : null))
            .ToList();
        return new MinutesMemberApproval(true, approvers);
    }

    /// <summary>
    /// The administration chooses whether the council approves these minutes by each member's "Godkend" (the council's rules
    /// of procedure decide). Possible until the minutes lock; switching off keeps the "Godkend"s given, switching on again counts them.
    /// </summary>
    public async Task SetApprovalByMembersAsync(WorkspaceUser user, Guid meetingId, bool byMembers, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await access.ManagedMeetingAsync(db, user, meetingId, ct);
        EnsureHeld(meeting);
        var minutes = await db.Set<MeetingMinutes>().SingleOrDefaultAsync(m => m.MeetingId == meetingId, ct);
        if (minutes is null)
        {
            minutes = await NewMinutesAsync(db, meeting, ct);
        }
        EnsureNotApproved(minutes);
        minutes.ApprovalByMembers = byMembers;
        await db.SaveAsAsync(user, ct);
        if (byMembers)
        {
            // "Godkend"s given before the switch was turned off count again; perhaps everyone had approved.
            await LockIfAllApprovedAsync(user, meetingId, ct);
        }
    }

    /// <summary>
    /// A member's (or stepping-in substitute's) "Godkend" of circulated minutes the council approves by each member. When
    /// everyone who is to approve (<see cref="ApproversAsync"/>) has, the minutes lock as version 1, as at the next meeting.
    /// A second "Godkend" by the same person changes nothing.
    /// </summary>
    public async Task ApproveAsMemberAsync(WorkspaceUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var (meeting, rights) = await access.ReadableMeetingAsync(db, user, meetingId, ct);
            var minutes = await db.Set<MeetingMinutes>().AsNoTracking().SingleOrDefaultAsync(m => m.MeetingId == meetingId, ct);
            EnsureReadyFor(rights, minutes);
            if (!rights.ActsAsMember || !(await ApproversAsync(db, meeting, ct)).Any(a => a.PersonId == user.PersonId))
            {
                throw new AccessDeniedException();
            }
            if (minutes is not { Status: MinutesStatus.InCirculation, ApprovalByMembers: true })
            {
                throw new InputValidationException([new FieldError("approval", minutes is { Status: MinutesStatus.Approved } ? "Minutes.Locked" : "Minutes.NotByMembers")]);
            }
            if (!await HasApprovedAsync(db, minutes.Id, user, ct))
            {
                db.Set<MinutesApproval>().Add(new MinutesApproval { MeetingMinutesId = minutes.Id, PersonId = user.PersonId!.Value, ApprovedAt = clock.GetUtcNow() });
                try
                {
                    await db.SaveAsAsync(user, ct);
                }
                catch (DbUpdateException)
                {
                    // The same person's second click may have won the race: then their "Godkend" is there.
                    await using var fresh = await dbFactory.CreateDbContextAsync(ct);
                    if (!await HasApprovedAsync(fresh, minutes.Id, user, ct))
                    {
                        throw;
                    }
                }
            }
        }
        await LockIfAllApprovedAsync(user, meetingId, ct);
    }

    private static Task<bool> HasApprovedAsync(WorkspaceDbContext db, Guid minutesId, WorkspaceUser user, CancellationToken ct) =>
        db.Set<MinutesApproval>().AnyAsync(a => a.MeetingMinutesId == minutesId && a.PersonId == user.PersonId, ct);

    /// <summary>
    /// Drafts are the secretary's work in progress: the council sees minutes once they are circulated; until then a reader
    /// of the meeting is told they are not ready, and nothing else.
    /// </summary>
    private static void EnsureReadyFor(CouncilRights rights, MeetingMinutes? minutes)
    {
        if (!rights.CanManage && (minutes is null || minutes.Status == MinutesStatus.Draft))
        {
            throw new MinutesNotReadyException();
        }
    }

    private sealed record ApprovalItem(Guid Id, Guid MeetingId);

    /// <summary>The "Godkendelse af referat" item that approves these minutes: the earliest of a meeting not draft nor cancelled.</summary>
    private static Task<ApprovalItem?> ApprovalItemAsync(WorkspaceDbContext db, Guid meetingId, CancellationToken ct) =>
        db.AgendaItems.AsNoTracking()
            .Where(i => i.ApprovesMinutesOfMeetingId == meetingId && i.Meeting!.Status != MeetingStatus.Draft && i.Meeting.Status != MeetingStatus.Cancelled)
            .OrderBy(i => i.Meeting!.StartsAt)
            .Select(i => new ApprovalItem(i.Id, i.MeetingId))
            .FirstOrDefaultAsync(ct);

    /// <summary>The approval's line in the approving item's decision, through the co-editing (written once per minutes).</summary>
    private async Task AppendApprovalLineAsync(WorkspaceUser user, string key, ApprovalItem item, Meeting approvedMeeting, MeetingMinutes minutes, CancellationToken ct)
    {
        if (user.PersonId is { } personId)
        {
            var line = DecisionLine(key, approvedMeeting.StartsAt, minutes.ApprovedAt!.Value);
            await texts.AppendLineAsync(item.MeetingId, item.Id, ItemText.Decision, line, personId, $"minutes-{minutes.Id:N}", ct);
        }
    }

    /// <summary>
    /// Locks minutes approved by every member who is to approve. Two last "Godkend"s at once both get here; the minutes'
    /// concurrency stamp lets one lock them and the other, retrying, finds them locked.
    /// </summary>
    private async Task LockIfAllApprovedAsync(WorkspaceUser user, Guid meetingId, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId, ct);
            var minutes = await db.Set<MeetingMinutes>().SingleAsync(m => m.MeetingId == meetingId, ct);
            if (minutes is not { Status: MinutesStatus.InCirculation, ApprovalByMembers: true })
            {
                return;
            }
            var approvers = await ApproversAsync(db, meeting, ct);
            var given = await db.Set<MinutesApproval>().Where(a => a.MeetingMinutesId == minutes.Id).Select(a => a.PersonId).ToListAsync(ct);
            if (approvers.Count == 0 || approvers.Any(a => !given.Contains(a.PersonId)))
            {
                return;
            }
            var document = await generator.GenerateAsync(db, meetingId, ct);
            minutes.Status = MinutesStatus.Approved;
            minutes.ApprovedAt = clock.GetUtcNow();
            minutes.ApprovedById = null;
            minutes.ApprovedUnderItemId = null;
            db.Set<MinutesVersion>().Add(NewVersion(minutes, 1, null, document, user));
            try
            {
                await db.SaveAsAsync(user, ct);
            }
            catch (Exception ex) when (attempt < 3 && ex is ConcurrencyConflictException or DbUpdateException)
            {
                continue;
            }
            // The next meeting's "Godkendelse af referat" records it, as a line the secretary can edit.
            if (await ApprovalItemAsync(db, meetingId, ct) is { } approvalItem)
            {
                await AppendApprovalLineAsync(user, "Minutes.ApprovedByMembersLine", approvalItem, meeting, minutes, ct);
            }
            return;
        }
    }

    /// <summary>The structured line in the approving item's decision, always in Danish (the minutes are a Danish document).</summary>
    private string DecisionLine(string key, DateTimeOffset meetingStart, DateTimeOffset approvedAt)
    {
        var before = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = Danish;
            return localizer[key, DanishDate(meetingStart), DanishDate(approvedAt)];
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = before;
        }
    }

    /// <summary>"12. november 2026", the day in Copenhagen.</summary>
    internal static string DanishDate(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, CopenhagenTime.Zone).ToString("d. MMMM yyyy", Danish);

    /// <summary>New minutes take the council's latest choice of approval by each member.</summary>
    private async Task<MeetingMinutes> NewMinutesAsync(WorkspaceDbContext db, Meeting meeting, CancellationToken ct)
    {
        var byMembers = await db.Set<MeetingMinutes>().AsNoTracking()
            .Where(m => m.Meeting!.CouncilId == meeting.CouncilId)
            .OrderByDescending(m => m.CreatedAt)
            .Select(m => m.ApprovalByMembers)
            .FirstOrDefaultAsync(ct);
        var minutes = new MeetingMinutes { MeetingId = meeting.Id, CreatedAt = clock.GetUtcNow(), ApprovalByMembers = byMembers };
        db.Set<MeetingMinutes>().Add(minutes);
        return minutes;
    }

    /// <summary>The administration starts the minutes of a held meeting; generating again later reads the meeting anew.</summary>
    public async Task StartAsync(WorkspaceUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await access.ManagedMeetingAsync(db, user, meetingId, ct);
        EnsureHeld(meeting);
        if (!await db.Set<MeetingMinutes>().AnyAsync(m => m.MeetingId == meetingId, ct))
        {
            await NewMinutesAsync(db, meeting, ct);
            await db.SaveAsAsync(user, ct);
        }
    }

    /// <summary>"Send til gennemlæsning": members may comment per item until the deadline.</summary>
    public async Task CirculateAsync(WorkspaceUser user, Guid meetingId, DateTimeOffset deadline, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await access.ManagedMeetingAsync(db, user, meetingId, ct);
        EnsureHeld(meeting);
        if (deadline <= clock.GetUtcNow())
        {
            throw new InputValidationException([new FieldError("deadline", "Minutes.DeadlinePassed")]);
        }
        var minutes = await db.Set<MeetingMinutes>().SingleOrDefaultAsync(m => m.MeetingId == meetingId, ct)
            ?? await NewMinutesAsync(db, meeting, ct);
        EnsureNotApproved(minutes);
        minutes.Status = MinutesStatus.InCirculation;
        minutes.CirculatedAt = clock.GetUtcNow();
        minutes.CommentDeadline = deadline;
        await db.SaveAsAsync(user, ct);
    }

    /// <summary>A member's (or called-in substitute's) comment on one item of circulated minutes, before the deadline.</summary>
    public async Task<Guid> CommentAsync(WorkspaceUser user, Guid meetingId, Guid itemId, string? text, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, rights) = await access.ReadableMeetingAsync(db, user, meetingId, ct);
        var minutes = await db.Set<MeetingMinutes>().SingleOrDefaultAsync(m => m.MeetingId == meetingId, ct);
        if (minutes is null || minutes.Status == MinutesStatus.Draft)
        {
            throw new MinutesNotReadyException();
        }
        var item = await db.AgendaItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId && i.MeetingId == meetingId, ct);
        if (item is null || (item.IsClosed && !rights.CanSeeClosedItems))
        {
            throw new NotFoundException();
        }
        if (!rights.ActsAsMember)
        {
            throw new AccessDeniedException();
        }
        if (minutes.Status != MinutesStatus.InCirculation || DeadlinePassed(minutes))
        {
            throw new InputValidationException([new FieldError("comment", "Minutes.CommentsClosed")]);
        }
        var errors = new List<FieldError>();
        InputRules.Required(errors, "comment", text);
        InputRules.MaxLength(errors, "comment", text, MinutesComment.MaxLength);
        InputRules.ThrowIfInvalid(errors);
        var comment = new MinutesComment
        {
            MeetingMinutesId = minutes.Id,
            AgendaItemId = itemId,
            AuthorId = user.PersonId!.Value,
            Text = text!.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Set<MinutesComment>().Add(comment);
        await db.SaveAsAsync(user, ct);
        return comment.Id;
    }

    /// <summary>The secretary says what she did about a comment.</summary>
    public async Task ResolveCommentAsync(WorkspaceUser user, Guid commentId, string? resolution, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var comment = await db.Set<MinutesComment>().SingleOrDefaultAsync(c => c.Id == commentId, ct) ?? throw new NotFoundException();
        var meetingId = await db.Set<MeetingMinutes>().Where(m => m.Id == comment.MeetingMinutesId).Select(m => m.MeetingId).SingleAsync(ct);
        await access.ManagedMeetingAsync(db, user, meetingId, ct);
        var errors = new List<FieldError>();
        InputRules.Required(errors, "resolution", resolution);
        InputRules.MaxLength(errors, "resolution", resolution, MinutesComment.MaxLength);
        InputRules.ThrowIfInvalid(errors);
        comment.Resolution = resolution!.Trim();
        comment.ResolvedAt = clock.GetUtcNow();
        comment.ResolvedById = user.PersonId;
        await db.SaveAsAsync(user, ct);
    }

    /// <summary>
    /// Approval under the next meeting's "Godkendelse af referat" item, by whoever runs that meeting (administration or
    /// chair): the minutes are locked as version 1, a copy of the document as it reads now, and the item's decision gets the
    /// line "Referatet fra mødet den 12. november 2026 blev godkendt." through the co-editing (open editors receive it; the
    /// secretary may edit it; nothing typed there is overwritten).
    /// </summary>
    public async Task ApproveAsync(WorkspaceUser user, Guid approvalItemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.AgendaItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == approvalItemId, ct) ?? throw new NotFoundException();
        var (approvingMeeting, rights) = await access.ReadableMeetingAsync(db, user, item.MeetingId, ct);
        if (item.ApprovesMinutesOfMeetingId is not { } meetingId)
        {
            throw new NotFoundException();
        }
        if (!rights.CanControl)
        {
            throw new AccessDeniedException();
        }
        if (approvingMeeting.Status is MeetingStatus.Draft or MeetingStatus.Cancelled)
        {
            throw new InputValidationException([new FieldError("approval", "Minutes.ApprovalMeetingNotOpen")]);
        }
        var approvedMeeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId, ct);
        var minutes = await db.Set<MeetingMinutes>().SingleOrDefaultAsync(m => m.MeetingId == meetingId, ct)
            ?? await NewMinutesAsync(db, approvedMeeting, ct);
        EnsureNotApproved(minutes);
        var document = await generator.GenerateAsync(db, meetingId, ct);
        minutes.Status = MinutesStatus.Approved;
        minutes.ApprovedAt = clock.GetUtcNow();
        minutes.ApprovedById = user.PersonId;
        minutes.ApprovedUnderItemId = approvalItemId;
        db.Set<MinutesVersion>().Add(NewVersion(minutes, 1, null, document, user));
        await db.SaveAsAsync(user, ct);
        await AppendApprovalLineAsync(user, "Minutes.ApprovedLine", new ApprovalItem(item.Id, item.MeetingId), approvedMeeting, minutes, ct);
    }

    /// <summary>A correction of approved minutes: a new version of the meeting as it reads now, with the reason; the older stay.</summary>
    public async Task<int> CorrectAsync(WorkspaceUser user, Guid meetingId, string? reason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await access.ManagedMeetingAsync(db, user, meetingId, ct);
        var minutes = await db.Set<MeetingMinutes>().SingleOrDefaultAsync(m => m.MeetingId == meetingId, ct);
        if (minutes is not { Status: MinutesStatus.Approved })
        {
            throw new InputValidationException([new FieldError("reason", "Minutes.NotApproved")]);
        }
        var errors = new List<FieldError>();
        InputRules.Required(errors, "reason", reason);
        InputRules.MaxLength(errors, "reason", reason, MinutesVersion.MaxReasonLength);
        InputRules.ThrowIfInvalid(errors);
        var number = await db.Set<MinutesVersion>().Where(v => v.MeetingMinutesId == minutes.Id).MaxAsync(v => v.Number, ct) + 1;
        var document = await generator.GenerateAsync(db, meetingId, ct);
        db.Set<MinutesVersion>().Add(NewVersion(minutes, number, reason!.Trim(), document, user));
        await db.SaveAsAsync(user, ct);
        return number;
    }

    internal static MinutesDocument Deserialize(string json) =>
        JsonSerializer.Deserialize<MinutesDocument>(json, Json) ?? throw new InvalidOperationException("Empty minutes version.");

    private MinutesVersion NewVersion(MeetingMinutes minutes, int number, string? reason, MinutesDocument document, WorkspaceUser user) => new()
    {
        MeetingMinutesId = minutes.Id,
        Number = number,
        Reason = reason,
        CreatedAt = clock.GetUtcNow(),
        CreatedById = user.PersonId,
        DocumentJson = JsonSerializer.Serialize(document, Json),
    };

    private async Task<bool> CanControlAsync(WorkspaceDbContext db, WorkspaceUser user, Guid meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId, ct);
        return (await access.RightsAtMeetingAsync(db, user, meeting, ct)).CanControl;
    }

    private bool DeadlinePassed(MeetingMinutes minutes) => minutes.CommentDeadline is { } d && d <= clock.GetUtcNow();

    private static void EnsureHeld(Meeting meeting)
    {
        if (meeting.Status is not (MeetingStatus.Held or MeetingStatus.Closed))
        {
            throw new InputValidationException([new FieldError("minutes", "Minutes.MeetingNotHeld")]);
        }
    }

    private static void EnsureNotApproved(MeetingMinutes minutes)
    {
        if (minutes.Status == MinutesStatus.Approved)
        {
            throw new InputValidationException([new FieldError("minutes", "Minutes.Locked")]);
        }
    }
}
