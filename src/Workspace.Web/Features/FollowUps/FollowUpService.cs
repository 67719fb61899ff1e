using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Collaboration;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.FollowUps;

/// <summary>
/// Follow-ups (opfølgning): created on an agenda item, given to an owner with a due day or "next meeting", moved from
/// open to done or dropped with a report; every change kept with who and when. Rights: <see cref="FollowUpRights"/>.
/// </summary>
public sealed class FollowUpService(
    IDbContextFactory<WorkspaceDbContext> dbFactory,
    CouncilAccess access,
    IMeetingNotifier notifier,
    FollowUpMail mail,
    TimeProvider clock)
{
    public async Task<FollowUpRights> RightsAsync(WorkspaceDbContext db, WorkspaceUser user, Guid councilId, CancellationToken ct)
    {
        var council = await access.RightsInAsync(db, user, councilId, ct);
        if (!council.CanRead)
        {
            return FollowUpRights.None;
        }
        var steppingIn = council.CanStepIn
            ? (await db.SubstituteCalls
                .Where(c => c.SubstituteId == user.PersonId && c.Status == SubstituteCallStatus.Confirmed && c.Meeting!.CouncilId == councilId)
                .Select(c => c.MeetingId).ToListAsync(ct)).ToHashSet()
            : [];
        return new FollowUpRights(council, council.IsChair, user.PersonId, steppingIn);
    }

    /// <summary>The follow-ups made on a meeting's items, and the "Status på opfølgning" list when the meeting has that item.</summary>
    public async Task<MeetingFollowUps> ForMeetingAsync(WorkspaceUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (meeting, _) = await access.ReadableMeetingAsync(db, user, meetingId, ct);
        var rights = await RightsAsync(db, user, meeting.CouncilId, ct);
        var now = clock.GetUtcNow();
        var starts = await MeetingStartsAsync(db, meeting.CouncilId, ct);
        var rows = await RowsAsync(db, db.FollowUps.Where(f => f.MeetingId == meetingId), ct);
        var items = Visible(rows, rights).Select(r => ToView(r, rights, starts, now)).ToList();
        var statusItemId = await db.AgendaItems.Where(i => i.MeetingId == meetingId && i.IsFollowUpStatus)
            .Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
        var statusList = statusItemId is null ? null : await StatusListAsync(db, rights, meeting, starts, now, ct);
        var canCreate = meeting.Status != MeetingStatus.Cancelled && rights.CanCreateAt(meetingId);
        return new MeetingFollowUps(meetingId, meeting.CouncilId, items, canCreate, canCreate && rights.CanAssignOthers, statusItemId, statusList);
    }

    /// <summary>The council's register: every follow-up the user may see, newest meeting first.</summary>
    public async Task<FollowUpRegister> RegisterAsync(WorkspaceUser user, Guid councilId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rights = await RightsAsync(db, user, councilId, ct);
        if (!rights.CanRead)
        {
            throw new NotFoundException();
        }
        var name = await db.Councils.Where(c => c.Id == councilId).Select(c => c.Name).SingleAsync(ct);
        var starts = await MeetingStartsAsync(db, councilId, ct);
        var now = clock.GetUtcNow();
        var rows = await RowsAsync(db, db.FollowUps.Where(f => f.CouncilId == councilId), ct);
        var items = Visible(rows, rights)
            .OrderByDescending(r => r.MeetingStartsAt).ThenBy(r => r.FollowUp.CreatedAt)
            .Select(r => ToView(r, rights, starts, now))
            .ToList();
        return new FollowUpRegister(councilId, name, items, rights.CanManage);
    }

    /// <summary>
    /// "Mine opgaver": the open follow-ups the user owns in every council they read, and for administration staff those
    /// owned by Forvaltningen in the councils they manage; what is due first comes first, "next meeting (not fixed)" last.
    /// </summary>
    public async Task<IReadOnlyList<MyTask>> MyTasksAsync(WorkspaceUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var councilIds = await access.ReadableCouncilIdsAsync(db, user, ct);
        var now = clock.GetUtcNow();
        var result = new List<MyTask>();
        foreach (var councilId in councilIds)
        {
            var rights = await RightsAsync(db, user, councilId, ct);
            var query = db.FollowUps.Where(f => f.CouncilId == councilId && (f.Status == FollowUpStatus.Open || f.Status == FollowUpStatus.InProgress)
                && ((f.OwnerKind == FollowUpOwnerKind.Person && f.OwnerPersonId == user.PersonId)
                    || (rights.CanManage && f.OwnerKind == FollowUpOwnerKind.Administration)));
            var rows = await RowsAsync(db, query, ct);
            if (rows.Count == 0)
            {
                continue;
            }
            var name = await db.Councils.Where(c => c.Id == councilId).Select(c => c.Name).SingleAsync(ct);
            var starts = await MeetingStartsAsync(db, councilId, ct);
            result.AddRange(Visible(rows, rights).Select(r => new MyTask(ToView(r, rights, starts, now), name)));
        }
        return result
            .OrderBy(t => t.FollowUp.Due.Date is null)
            .ThenBy(t => t.FollowUp.Due.Date)
            .ThenBy(t => t.FollowUp.CreatedAt)
            .ToList();
    }

    /// <summary>What the create form offers on an item: whom the user may name as owner.</summary>
    public async Task<FollowUpFormContext> FormContextAsync(WorkspaceUser user, Guid agendaItemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (item, rights) = await CreatableItemAsync(db, user, agendaItemId, ct);
        var owners = rights.CanAssignOthers ? await OwnersAsync(db, item.Meeting!.CouncilId, ct) : [];
        return new FollowUpFormContext(item.Id, item.MeetingId, rights.CanAssignOthers, owners, user.PersonId);
    }

    /// <summary>The people of a council a follow-up can be given to (members and staff), for the edit form.</summary>
    public async Task<IReadOnlyList<OwnerOption>> OwnerOptionsAsync(WorkspaceUser user, Guid councilId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rights = await RightsAsync(db, user, councilId, ct);
        if (!rights.CanRead)
        {
            throw new NotFoundException();
        }
        return rights.CanAssignOthers ? await OwnersAsync(db, councilId, ct) : [];
    }

    public async Task<Guid> CreateAsync(WorkspaceUser user, Guid agendaItemId, FollowUpInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (item, rights) = await CreatableItemAsync(db, user, agendaItemId, ct);
        var meeting = item.Meeting!;
        if (!rights.CanAssignOthers && !IsSelf(input, user))
        {
            throw new AccessDeniedException();
        }
        await ValidateAsync(db, input, meeting.CouncilId, user, ct);
        if (input.RemarkId is { } remarkId && !await db.Remarks.AnyAsync(r => r.Id == remarkId && r.AgendaItemId == agendaItemId, ct))
        {
            throw new NotFoundException();
        }

        var now = clock.GetUtcNow();
        var followUp = new FollowUp
        {
            CouncilId = meeting.CouncilId,
            MeetingId = meeting.Id,
            AgendaItemId = item.Id,
            Origin = input.RemarkId is null ? input.Origin == FollowUpOrigin.Remark ? FollowUpOrigin.Item : input.Origin : FollowUpOrigin.Remark,
            RemarkId = input.RemarkId,
            Text = input.Text.Trim(),
            CreatedAt = now,
            CreatedById = user.PersonId!.Value,
            Status = FollowUpStatus.Open,
        };
        Apply(input, followUp);
        followUp.Changes.Add(Change(user, now, FollowUpChangeKind.Created, followUp.Status, [], followUp.Id));
        db.FollowUps.Add(followUp);
        await db.SaveAsAsync(user, ct);
        await PublishAsync(db, followUp, meeting.StartsAt, user, ct);
        await TellNewOwnerAsync(db, followUp, user, ct);
        return followUp.Id;
    }

    public async Task EditAsync(WorkspaceUser user, Guid followUpId, FollowUpInput input, Guid concurrencyStamp, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (followUp, rights, meeting) = await VisibleFollowUpAsync(db, user, followUpId, ct);
        if (!rights.CanEdit(followUp.OwnerKind, followUp.OwnerPersonId) || (!rights.CanManage && !IsSelf(input, user)))
        {
            throw new AccessDeniedException();
        }
        await ValidateAsync(db, input, followUp.CouncilId, user, ct);
        db.Entry(followUp).Property(f => f.ConcurrencyStamp).OriginalValue = concurrencyStamp;
        var ownerBefore = (followUp.OwnerKind, followUp.OwnerPersonId, followUp.OwnerName);
        followUp.Text = input.Text.Trim();
        Apply(input, followUp);
        var changed = ChangedFields(db, followUp);
        if (changed.Count == 0)
        {
            return;
        }
        if (changed.Contains("Due") || changed.Contains("Owner"))
        {
            // A new due day or a new owner deserves reminders of its own.
            followUp.DueSoonReminderSentAt = null;
            followUp.OverdueReminderSentAt = null;
        }
        db.FollowUpChanges.Add(Change(user, clock.GetUtcNow(), FollowUpChangeKind.Edited, followUp.Status, changed, followUp.Id));
        await db.SaveAsAsync(user, ct);
        await PublishAsync(db, followUp, meeting.StartsAt, user, ct);
        if (ownerBefore != (followUp.OwnerKind, followUp.OwnerPersonId, followUp.OwnerName))
        {
            await TellNewOwnerAsync(db, followUp, user, ct);
        }
    }

    public async Task ChangeStatusAsync(WorkspaceUser user, Guid followUpId, FollowUpStatusInput input, Guid concurrencyStamp, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (followUp, rights, meeting) = await VisibleFollowUpAsync(db, user, followUpId, ct);
        if (!rights.CanChangeStatus(followUp.OwnerKind, followUp.OwnerPersonId))
        {
            throw new AccessDeniedException();
        }
        InputRules.ThrowIfInvalid(input.Validate());
        db.Entry(followUp).Property(f => f.ConcurrencyStamp).OriginalValue = concurrencyStamp;
        var now = clock.GetUtcNow();
        var wasEnded = FollowUpDue.IsEnded(followUp.Status);
        followUp.Status = input.Status;
        followUp.Report = InputRules.Trimmed(input.Report);
        followUp.EndedAt = FollowUpDue.IsEnded(input.Status) ? wasEnded ? followUp.EndedAt : now : null;
        var changed = ChangedFields(db, followUp);
        if (changed.Count == 0)
        {
            return;
        }
        db.FollowUpChanges.Add(Change(user, now, FollowUpChangeKind.StatusChanged, followUp.Status, changed, followUp.Id));
        await db.SaveAsAsync(user, ct);
        await PublishAsync(db, followUp, meeting.StartsAt, user, ct);
    }

    /// <summary>Every change of a follow-up, oldest first, for those who may see it.</summary>
    public async Task<IReadOnlyList<FollowUpChangeView>> HistoryAsync(WorkspaceUser user, Guid followUpId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await VisibleFollowUpAsync(db, user, followUpId, ct);
        var changes = await db.FollowUpChanges.AsNoTracking().Where(c => c.FollowUpId == followUpId).OrderBy(c => c.At).ToListAsync(ct);
        return changes.Select(c => new FollowUpChangeView(c.At, c.PersonName, c.Kind, c.Status,
            (c.Description ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))).ToList();
    }

    public async Task<bool> RemindersOnAsync(WorkspaceUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var off = await db.People.Where(p => p.Id == user.PersonId).Select(p => (bool?)p.FollowUpRemindersOff).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        return !off;
    }

    /// <summary>Turns the user's own "due soon" and "overdue" reminders on or off.</summary>
    public async Task SetRemindersAsync(WorkspaceUser user, bool on, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == user.PersonId, ct) ?? throw new NotFoundException();
        person.FollowUpRemindersOff = !on;
        await db.SaveAsAsync(user, ct);
    }

    /// <summary>Whether the meeting has its "Status på opfølgning" item; for the administration's button.</summary>
    public async Task<bool> HasStatusItemAsync(WorkspaceUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await access.ManagedMeetingAsync(db, user, meetingId, ct);
        return await db.AgendaItems.AnyAsync(i => i.MeetingId == meetingId && i.IsFollowUpStatus, ct);
    }

    /// <summary>Adds the "Status på opfølgning" item to an existing meeting, before the items placed at the end; false if it has one.</summary>
    public async Task<bool> AddStatusItemAsync(WorkspaceUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await access.ManagedMeetingAsync(db, user, meetingId, ct);
        if (meeting.Status is MeetingStatus.Closed or MeetingStatus.Cancelled)
        {
            throw new AccessDeniedException();
        }
        var items = await db.AgendaItems.Where(i => i.MeetingId == meetingId && i.ParentId == null).ToListAsync(ct);
        if (await db.AgendaItems.AnyAsync(i => i.MeetingId == meetingId && i.IsFollowUpStatus, ct))
        {
            return false;
        }
        var endTitles = await db.AgendaTemplateItems.Where(t => t.CouncilId == meeting.CouncilId && t.AtEnd).Select(t => t.Title).ToListAsync(ct);
        var added = FollowUpStatusAgenda.InsertInto(items, meetingId, FollowUpStatusAgenda.TrailingCount(items, endTitles));
        db.AgendaItems.Add(added);
        await db.SaveAsAsync(user, ct);
        notifier.Publish(new MeetingChange(meetingId, MeetingChangeKind.AgendaChanged, added.Id, user.PersonId, user.Name));
        // The open pages' follow-ups were read without the new item's list.
        notifier.Publish(new MeetingChange(meetingId, MeetingChangeKind.FollowUpsChanged, added.Id, null, null));
        return true;
    }

    // ---- reading ----

    /// <summary>A follow-up as stored, with what decides who may see it.</summary>
    internal sealed record Row(FollowUp FollowUp, string MeetingTitle, DateTimeOffset MeetingStartsAt, MeetingStatus MeetingStatus,
        string? ItemTitle, bool ItemIsClosed, string? OwnerPersonName);

    internal static Task<List<Row>> RowsAsync(WorkspaceDbContext db, IQueryable<FollowUp> query, CancellationToken ct) =>
        query.AsNoTracking()
            .Select(f => new Row(f, f.Meeting!.Title, f.Meeting.StartsAt, f.Meeting.Status,
                f.AgendaItem == null ? null : f.AgendaItem.Title, f.AgendaItem != null && f.AgendaItem.IsClosed,
                f.OwnerPerson == null ? null : f.OwnerPerson.Name))
            .ToListAsync(ct);

    /// <summary>The start of every meeting of the council that is not cancelled, for "next meeting" due days.</summary>
    internal static async Task<IReadOnlyList<DateTimeOffset>> MeetingStartsAsync(WorkspaceDbContext db, Guid councilId, CancellationToken ct) =>
        await db.Meetings.Where(m => m.CouncilId == councilId && m.Status != MeetingStatus.Cancelled).Select(m => m.StartsAt).ToListAsync(ct);

    private static IEnumerable<Row> Visible(IEnumerable<Row> rows, FollowUpRights rights) =>
        rows.Where(r => rights.CanSee(r.FollowUp.MeetingId, r.MeetingStatus, r.ItemIsClosed));

    internal static DueState DueOf(Row row, IReadOnlyList<DateTimeOffset> meetingStarts, DateTimeOffset now) =>
        FollowUpDue.Evaluate(row.FollowUp.DueKind, row.FollowUp.DueDate,
            row.FollowUp.DueKind == FollowUpDueKind.NextMeeting ? FollowUpDue.NextMeetingAfter(row.MeetingStartsAt, meetingStarts) : null,
            row.FollowUp.Status, now);

    private static FollowUpView ToView(Row row, FollowUpRights rights, IReadOnlyList<DateTimeOffset> meetingStarts, DateTimeOffset now)
    {
        var f = row.FollowUp;
        return new FollowUpView(f.Id, f.CouncilId, f.MeetingId, row.MeetingTitle, row.MeetingStartsAt, f.AgendaItemId, row.ItemTitle, f.Origin,
            f.Text, f.OwnerKind, f.OwnerPersonId, f.OwnerKind == FollowUpOwnerKind.Person ? row.OwnerPersonName : f.OwnerKind == FollowUpOwnerKind.Outsider ? f.OwnerName : null,
            f.DueKind, DueOf(row, meetingStarts, now), f.Status, f.Report, f.CreatedAt, f.EndedAt,
            rights.CanEdit(f.OwnerKind, f.OwnerPersonId), rights.CanChangeStatus(f.OwnerKind, f.OwnerPersonId), f.ConcurrencyStamp);
    }

    private static async Task<FollowUpStatusList> StatusListAsync(WorkspaceDbContext db, FollowUpRights rights, Meeting meeting,
        IReadOnlyList<DateTimeOffset> starts, DateTimeOffset now, CancellationToken ct)
    {
        var lastHeld = await db.Meetings
            .Where(m => m.CouncilId == meeting.CouncilId && m.StartsAt < meeting.StartsAt && (m.Status == MeetingStatus.Held || m.Status == MeetingStatus.Closed))
            .OrderByDescending(m => m.StartsAt).Select(m => (DateTimeOffset?)m.StartsAt).FirstOrDefaultAsync(ct);
        var rows = Visible(await RowsAsync(db, db.FollowUps.Where(f => f.CouncilId == meeting.CouncilId && f.Meeting!.StartsAt < meeting.StartsAt), ct), rights).ToList();
        var open = rows.Where(r => !FollowUpDue.IsEnded(r.FollowUp.Status))
            .Select(r => ToView(r, rights, starts, now))
            .OrderBy(v => v.Due.Date is null).ThenBy(v => v.Due.Date).ThenBy(v => v.CreatedAt)
            .ToList();
        var ended = rows.Where(r => FollowUpDue.IsEnded(r.FollowUp.Status) && (lastHeld is null || r.FollowUp.EndedAt >= lastHeld))
            .Select(r => ToView(r, rights, starts, now))
            .OrderBy(v => v.EndedAt)
            .ToList();
        return new FollowUpStatusList(open, ended, lastHeld);
    }

    // ---- checks ----

    /// <summary>An item (with its meeting) the user may create follow-ups on; otherwise not found or access denied.</summary>
    private async Task<(AgendaItem Item, FollowUpRights Rights)> CreatableItemAsync(WorkspaceDbContext db, WorkspaceUser user, Guid agendaItemId, CancellationToken ct)
    {
        var item = await db.AgendaItems.AsNoTracking().Include(i => i.Meeting).SingleOrDefaultAsync(i => i.Id == agendaItemId, ct)
            ?? throw new NotFoundException();
        var meeting = item.Meeting!;
        var rights = await RightsAsync(db, user, meeting.CouncilId, ct);
        if (!rights.CanSee(meeting.Id, meeting.Status, item.IsClosed))
        {
            throw new NotFoundException();
        }
        if (!rights.CanCreateAt(meeting.Id) || meeting.Status == MeetingStatus.Cancelled || item.Kind == AgendaItemKind.Break)
        {
            throw new AccessDeniedException();
        }
        return (item, rights);
    }

    /// <summary>A follow-up (tracked) the user may see, with their rights and its meeting; otherwise not found.</summary>
    private async Task<(FollowUp FollowUp, FollowUpRights Rights, Meeting Meeting)> VisibleFollowUpAsync(
        WorkspaceDbContext db, WorkspaceUser user, Guid followUpId, CancellationToken ct)
    {
        var followUp = await db.FollowUps.Include(f => f.Meeting).Include(f => f.AgendaItem).SingleOrDefaultAsync(f => f.Id == followUpId, ct)
            ?? throw new NotFoundException();
        var rights = await RightsAsync(db, user, followUp.CouncilId, ct);
        if (!rights.CanSee(followUp.MeetingId, followUp.Meeting!.Status, followUp.AgendaItem?.IsClosed == true))
        {
            throw new NotFoundException();
        }
        return (followUp, rights, followUp.Meeting);
    }

    private static bool IsSelf(FollowUpInput input, WorkspaceUser user) =>
        input.OwnerKind == FollowUpOwnerKind.Person && input.OwnerPersonId is not null && input.OwnerPersonId == user.PersonId;

    /// <summary>The form's rules, and that a named person is the user or a member or staff of the council.</summary>
    private static async Task ValidateAsync(WorkspaceDbContext db, FollowUpInput input, Guid councilId, WorkspaceUser user, CancellationToken ct)
    {
        InputRules.ThrowIfInvalid(input.Validate());
        if (input.OwnerKind == FollowUpOwnerKind.Person && input.OwnerPersonId != user.PersonId
            && !await db.Memberships.AnyAsync(m => m.CouncilId == councilId && m.PersonId == input.OwnerPersonId
                && (m.Kind == MembershipKind.Member || m.Kind == MembershipKind.Administration), ct))
        {
            throw new InputValidationException([new FieldError(nameof(FollowUpInput.OwnerPersonId), "FollowUps.Validation.OwnerNotInCouncil")]);
        }
    }

    private static async Task<IReadOnlyList<OwnerOption>> OwnersAsync(WorkspaceDbContext db, Guid councilId, CancellationToken ct)
    {
        var people = await db.Memberships.AsNoTracking()
            .Where(m => m.CouncilId == councilId && (m.Kind == MembershipKind.Member || m.Kind == MembershipKind.Administration))
            .Select(m => new OwnerOption(m.PersonId, m.Person!.Name, m.Kind))
            .ToListAsync(ct);
        return people.OrderBy(p => p.Kind).ThenBy(p => p.Name, StringComparer.CurrentCulture).ToList();
    }

    private static void Apply(FollowUpInput input, FollowUp followUp)
    {
        followUp.OwnerKind = input.OwnerKind;
        followUp.OwnerPersonId = input.OwnerKind == FollowUpOwnerKind.Person ? input.OwnerPersonId : null;
        followUp.OwnerName = input.OwnerKind == FollowUpOwnerKind.Outsider ? InputRules.Trimmed(input.OwnerName) : null;
        followUp.DueKind = input.DueKind;
        followUp.DueDate = input.DueKind == FollowUpDueKind.Date && input.DueDate is { } day ? DateOnly.FromDateTime(day) : null;
    }

    private static List<string> ChangedFields(WorkspaceDbContext db, FollowUp followUp)
    {
        var entry = db.Entry(followUp);
        string[] watched = [nameof(FollowUp.Text), nameof(FollowUp.OwnerKind), nameof(FollowUp.OwnerPersonId), nameof(FollowUp.OwnerName),
            nameof(FollowUp.DueKind), nameof(FollowUp.DueDate), nameof(FollowUp.Status), nameof(FollowUp.Report)];
        var changed = watched.Where(name => entry.Property(name).IsModified && !Equals(entry.Property(name).OriginalValue, entry.Property(name).CurrentValue))
            .Select(name => name switch
            {
                nameof(FollowUp.OwnerKind) or nameof(FollowUp.OwnerPersonId) or nameof(FollowUp.OwnerName) => "Owner",
                nameof(FollowUp.DueKind) or nameof(FollowUp.DueDate) => "Due",
                _ => name,
            })
            .Distinct()
            .ToList();
        return changed;
    }

    private static FollowUpChange Change(WorkspaceUser user, DateTimeOffset at, FollowUpChangeKind kind, FollowUpStatus status, IEnumerable<string> fields, Guid followUpId) =>
        new()
        {
            FollowUpId = followUpId,
            At = at,
            PersonId = user.PersonId,
            PersonName = user.Name,
            Kind = kind,
            Status = status,
            Description = string.Join(",", fields),
        };

    // ---- after a change ----

    /// <summary>
    /// Tells the open pages: the origin meeting's, for the item it was made on (the live feed drops it for whoever may not
    /// see that item), and every later meeting that shows the council's status list, without the actor (the list is read
    /// with each reader's rights).
    /// </summary>
    private async Task PublishAsync(WorkspaceDbContext db, FollowUp followUp, DateTimeOffset originStartsAt, WorkspaceUser user, CancellationToken ct)
    {
        notifier.Publish(new MeetingChange(followUp.MeetingId, MeetingChangeKind.FollowUpsChanged, followUp.AgendaItemId, user.PersonId, user.Name));
        var statusItems = await db.AgendaItems.AsNoTracking()
            .Where(i => i.IsFollowUpStatus && i.Meeting!.CouncilId == followUp.CouncilId && i.Meeting.StartsAt > originStartsAt
                && i.Meeting.Status != MeetingStatus.Closed && i.Meeting.Status != MeetingStatus.Cancelled)
            .Select(i => new { i.MeetingId, i.Id })
            .ToListAsync(ct);
        foreach (var item in statusItems)
        {
            notifier.Publish(new MeetingChange(item.MeetingId, MeetingChangeKind.FollowUpsChanged, item.Id, null, null));
        }
    }

    /// <summary>Emails the new owner (a person with an email other than the one who gave it); a mail that fails is logged, the follow-up stands.</summary>
    private async Task TellNewOwnerAsync(WorkspaceDbContext db, FollowUp followUp, WorkspaceUser user, CancellationToken ct)
    {
        if (followUp.OwnerKind != FollowUpOwnerKind.Person || followUp.OwnerPersonId == user.PersonId)
        {
            return;
        }
        await mail.SendAssignedAsync(db, followUp.Id, user.Name, ct);
    }
}
