using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Collaboration;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Agenda;
using Workspace.Web.Features.Attachments;
using Workspace.Web.Features.Planning;

namespace Workspace.Web.Features.Meetings;

/// <summary>Reading a meeting with its agenda, and the administration's changes to meetings and items.</summary>
public sealed class MeetingService(
    IDbContextFactory<WorkspaceDbContext> dbFactory,
    CouncilAccess access,
    IMeetingNotifier notifier,
    CopenhagenTime time,
    TimeProvider clock)
{
    public const int ReasonMax = 1000;

    public async Task<MeetingDetails> GetMeetingAsync(WorkspaceUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.AsNoTracking()
            .Include(m => m.Council)
            .SingleOrDefaultAsync(m => m.Id == meetingId, ct) ?? throw new NotFoundException();
        var rights = await access.RightsAtMeetingAsync(db, user, meeting, ct);
        if (!rights.CanRead)
        {
            throw new NotFoundException();
        }

        // Numbers are given over all items, so that a closed item hidden from some readers keeps its place for everyone.
        var allItems = await db.AgendaItems.AsNoTracking()
            .Where(i => i.MeetingId == meetingId)
            .ToListAsync(ct);
        var numbered = AgendaNumbering.InOrder(allItems)
            .Where(n => rights.CanSeeClosedItems || !n.Item.IsClosed)
            .ToList();
        var itemIds = numbered.Select(n => n.Item.Id).ToList();
        var remarks = await db.Remarks.AsNoTracking()
            .Where(r => itemIds.Contains(r.AgendaItemId))
            .OrderBy(r => r.CreatedAt)
            .Select(r => new { Remark = r, AuthorName = r.Author!.Name })
            .ToListAsync(ct);
        var remarksByItem = remarks
            .Select(r => new StoredRemark(r.Remark.Id, r.Remark.AgendaItemId, r.Remark.AuthorId, r.AuthorName, r.Remark.Text,
                r.Remark.CreatedAt, r.Remark.EditedAt, r.Remark.ConcurrencyStamp).ViewFor(user.PersonId))
            .ToLookup(r => r.AgendaItemId);

        var references = await PostponementsAsync(db, numbered.Select(n => n.Item).ToList(), ct);
        var approvedMinutes = await ApprovedMinutesAsync(db, numbered.Select(n => n.Item).ToList(), ct);
        var (linksByItem, attachmentsByItem) = await LoadMaterialAsync(db, itemIds, ct);
        var hearingsByItem = await LoadHearingsAsync(db, itemIds, ct);
        var views = numbered
            .Select(n => ToView(n.Item, n.Number, remarksByItem[n.Item.Id].ToValueList(), meeting.PublishedAt,
                linksByItem[n.Item.Id].ToValueList(), attachmentsByItem[n.Item.Id].ToValueList()) with
            {
                PostponedFrom = n.Item.PostponedFromItemId is { } from ? references.GetValueOrDefault(from) : null,
                PostponedTo = n.Item.PostponedToMeetingId is { } to ? references.GetValueOrDefault(to) : null,
                ApprovesMinutesOf = n.Item.ApprovesMinutesOfMeetingId is { } approved ? approvedMinutes.GetValueOrDefault(approved) : null,
                Minutes = n.Item.Minutes,
                Hearings = hearingsByItem.Contains(n.Item.Id) ? hearingsByItem[n.Item.Id].ToValueList() : null,
            })
            .ToValueList();
        var timetable = AgendaTimeline.Compute(meeting.StartsAt, meeting.EndsAt,
            AgendaNumbering.InOrder(allItems).Select(n => new TimedItem(n.Item.Id, n.Item.ParentId, n.Item.AllottedMinutes, n.Item.Status, n.Item.Layout)).ToList());
        return new MeetingDetails(meeting.Id, meeting.CouncilId, meeting.Council!.Name, meeting.Title, meeting.StartsAt, meeting.EndsAt,
            meeting.Place, meeting.OnlineLink, meeting.Status, meeting.Kind, meeting.CancellationReason, meeting.ConcurrencyStamp,
            new MeetingRights(rights.CanRemarkAt(meeting.Status), rights.CanManage, rights.CanSeeClosedItems,
                rights.RemarksAwaitCallInAt(meeting.Status), rights.CanControl), views, timetable, meeting.Notes, meeting.ReopenReason);
    }

    /// <summary>
    /// The other meetings of postponed items, keyed by the source item id (for "udsat fra") and by the target
    /// meeting id (for "udsat til"), so both agendas can say where the item went or came from.
    /// </summary>
    private static async Task<Dictionary<Guid, MeetingReference>> PostponementsAsync(WorkspaceDbContext db, IReadOnlyList<AgendaItem> items, CancellationToken ct)
    {
        var sourceItemIds = items.Where(i => i.PostponedFromItemId is not null).Select(i => i.PostponedFromItemId!.Value).ToList();
        var targetMeetingIds = items.Where(i => i.PostponedToMeetingId is not null).Select(i => i.PostponedToMeetingId!.Value).ToList();
        var result = new Dictionary<Guid, MeetingReference>();
        if (sourceItemIds.Count > 0)
        {
            var sources = await db.AgendaItems.AsNoTracking().Where(i => sourceItemIds.Contains(i.Id))
                .Select(i => new { i.Id, i.MeetingId, i.Meeting!.StartsAt }).ToListAsync(ct);
            foreach (var source in sources)
            {
                result[source.Id] = new MeetingReference(source.MeetingId, source.StartsAt);
            }
        }
        if (targetMeetingIds.Count > 0)
        {
            var targets = await db.Meetings.AsNoTracking().Where(m => targetMeetingIds.Contains(m.Id))
                .Select(m => new { m.Id, m.StartsAt }).ToListAsync(ct);
            foreach (var target in targets)
            {
                result[target.Id] = new MeetingReference(target.Id, target.StartsAt);
            }
        }
        return result;
    }

    /// <summary>The meetings whose minutes items approve ("godkendelse af referat"), by id.</summary>
    private static async Task<Dictionary<Guid, MeetingReference>> ApprovedMinutesAsync(WorkspaceDbContext db, IReadOnlyList<AgendaItem> items, CancellationToken ct)
    {
        var ids = items.Where(i => i.ApprovesMinutesOfMeetingId is not null).Select(i => i.ApprovesMinutesOfMeetingId!.Value).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }
        return await db.Meetings.AsNoTracking().Where(m => ids.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => new MeetingReference(m.Id, m.StartsAt), ct);
    }

    public async Task<Guid> CreateMeetingAsync(WorkspaceUser user, Guid councilId, MeetingInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input.Validate());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        (await access.RightsInAsync(db, user, councilId, ct)).EnsureCanManage();

        var meeting = new Meeting { CouncilId = councilId, Title = input.Title.Trim(), Status = MeetingStatus.Draft };
        Apply(input, meeting);
        if (input.RecordsHeldMeeting)
        {
            // A meeting already held is recorded, not announced: straight to held, so attendance can be registered.
            if (meeting.StartsAt > clock.GetUtcNow())
            {
                throw new InputValidationException([new FieldError(nameof(MeetingInput.Date), "MeetingForm.HeldMustBePast")]);
            }
            meeting.Status = MeetingStatus.Held;
        }
        if (input.UseAgendaTemplate)
        {
            var previous = await AgendaService.PreviousHeldMeetingAsync(db, councilId, meeting.StartsAt, ct);
            AgendaTemplates.AddItemsTo(meeting, await AgendaTemplates.EnsureAsync(db, councilId, ct), previous);
        }
        db.Meetings.Add(meeting);
        await db.SaveAsAsync(user, ct);
        return meeting.Id;
    }

    public async Task UpdateMeetingAsync(WorkspaceUser user, Guid meetingId, MeetingInput input, Guid concurrencyStamp, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input.Validate());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await access.ManagedMeetingAsync(db, user, meetingId, ct);
        db.Entry(meeting).Property(m => m.ConcurrencyStamp).OriginalValue = concurrencyStamp;
        meeting.Title = input.Title.Trim();
        Apply(input, meeting);
        if (db.Entry(meeting).Properties.Any(p => p.IsModified))
        {
            meeting.CalendarSequence++;
        }
        await db.SaveAsAsync(user, ct);
        Notify(meetingId, MeetingChangeKind.MeetingChanged, null, user);
    }

    /// <summary>Makes a draft visible to members and substitutes; later changes are marked as changes.</summary>
    public Task PublishAsync(WorkspaceUser user, Guid meetingId, CancellationToken ct = default) =>
        MoveAsync(user, meetingId, MeetingStatus.Draft, MeetingStatus.Published, ct);

    public Task MarkHeldAsync(WorkspaceUser user, Guid meetingId, CancellationToken ct = default) =>
        MoveAsync(user, meetingId, MeetingStatus.Published, MeetingStatus.Held, ct);

    public Task CloseAsync(WorkspaceUser user, Guid meetingId, CancellationToken ct = default) =>
        MoveAsync(user, meetingId, MeetingStatus.Held, MeetingStatus.Closed, ct);

    /// <summary>Cancels a planned meeting; it stays visible as cancelled, with the reason, and calendars get the cancellation.</summary>
    public async Task CancelAsync(WorkspaceUser user, Guid meetingId, string? reason, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        InputRules.MaxLength(errors, "Reason", reason, ReasonMax);
        InputRules.ThrowIfInvalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await access.ManagedMeetingAsync(db, user, meetingId, ct);
        if (meeting.Status is not (MeetingStatus.Draft or MeetingStatus.Published))
        {
            throw new InputValidationException([new FieldError("Status", "Meeting.CannotCancel")]);
        }
        meeting.Status = MeetingStatus.Cancelled;
        meeting.CancellationReason = InputRules.Trimmed(reason);
        meeting.CalendarSequence++;
        await db.SaveAsAsync(user, ct);
        Notify(meetingId, MeetingChangeKind.MeetingChanged, null, user);
    }

    /// <summary>The meeting's notes (Markdown); a colleague's save in between is refused, so nobody's text is lost unseen.</summary>
    public async Task UpdateNotesAsync(WorkspaceUser user, Guid meetingId, string? notes, Guid concurrencyStamp, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        InputRules.MaxLength(errors, "Notes", notes, Meeting.NotesMax);
        InputRules.ThrowIfInvalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await access.ManagedMeetingAsync(db, user, meetingId, ct);
        if (meeting.Status == MeetingStatus.Cancelled)
        {
            throw new InputValidationException([new FieldError("Notes", "MeetingNotes.Cancelled")]);
        }
        db.Entry(meeting).Property(m => m.ConcurrencyStamp).OriginalValue = concurrencyStamp;
        meeting.Notes = InputRules.Trimmed(notes);
        await db.SaveAsAsync(user, ct);
        Notify(meetingId, MeetingChangeKind.MeetingChanged, null, user);
    }

    /// <summary>
    /// Opens a closed meeting again (back to held) so the administration can correct it; the reason is required, shown on the
    /// meeting page and kept in the audit trail, and open pages are told.
    /// </summary>
    public async Task ReopenAsync(WorkspaceUser user, Guid meetingId, string? reason, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        InputRules.Required(errors, "Reason", reason);
        InputRules.MaxLength(errors, "Reason", reason, ReasonMax);
        InputRules.ThrowIfInvalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await access.ManagedMeetingAsync(db, user, meetingId, ct);
        if (meeting.Status != MeetingStatus.Closed)
        {
            throw new ConcurrencyConflictException();
        }
        meeting.Status = MeetingStatus.Held;
        meeting.ReopenReason = reason!.Trim();
        await db.SaveAsAsync(user, ct);
        Notify(meetingId, MeetingChangeKind.MeetingChanged, null, user);
    }

    private async Task MoveAsync(WorkspaceUser user, Guid meetingId, MeetingStatus from, MeetingStatus to, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await access.ManagedMeetingAsync(db, user, meetingId, ct);
        if (meeting.Status != from)
        {
            throw new ConcurrencyConflictException();
        }
        meeting.Status = to;
        if (to == MeetingStatus.Published)
        {
            meeting.PublishedAt ??= clock.GetUtcNow();
            meeting.CalendarSequence++;
        }
        await db.SaveAsAsync(user, ct);
        Notify(meetingId, MeetingChangeKind.MeetingChanged, null, user);
    }

    public async Task<Guid> AddItemAsync(WorkspaceUser user, Guid meetingId, AgendaItemInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input.Validate());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await access.ManagedMeetingAsync(db, user, meetingId, ct);
        var item = new AgendaItem { MeetingId = meetingId, Title = input.Title.Trim(), UpdatedAt = clock.GetUtcNow() };
        await ApplyAsync(db, input, item, meeting.CouncilId, ct);
        // A break picked as the kind is a pause between items, without a number.
        item.Layout = item.Kind == AgendaItemKind.Break ? AgendaItemLayout.Pause : AgendaItemLayout.Numbered;
        await AgendaService.PlaceBeforeEndAsync(db, item, ct);
        db.AgendaItems.Add(item);
        await db.SaveAsAsync(user, ct);
        Notify(meetingId, MeetingChangeKind.AgendaChanged, item.Id, user);
        return item.Id;
    }

    /// <summary>
    /// Saves an item form. <paramref name="original"/> is what the form was opened with: fields the user did not
    /// touch keep a colleague's newer values, and a field both changed is refused with <see cref="EditConflictException"/>.
    /// </summary>
    public async Task UpdateItemAsync(WorkspaceUser user, Guid itemId, AgendaItemInput input, AgendaItemInput original, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input.Validate());
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var item = await db.AgendaItems.SingleOrDefaultAsync(i => i.Id == itemId, ct) ?? throw new NotFoundException();
            var meeting = await access.ManagedMeetingAsync(db, user, item.MeetingId, ct);
            var current = AgendaItemInput.From(item);
            var (merged, conflicts) = ItemFieldMerge.Merge(original, input, current);
            if (conflicts.Count > 0)
            {
                throw new EditConflictException(conflicts, merged, current);
            }
            item.Title = merged.Title.Trim();
            await ApplyAsync(db, merged, item, meeting.CouncilId, ct);
            if (db.Entry(item).Properties.Any(p => p.IsModified))
            {
                item.UpdatedAt = clock.GetUtcNow();
            }
            try
            {
                await db.SaveAsAsync(user, ct);
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                // Someone saved between our read and write: merge again against their version.
                continue;
            }
            Notify(item.MeetingId, MeetingChangeKind.AgendaChanged, item.Id, user);
            return;
        }
    }

    private void Notify(Guid meetingId, MeetingChangeKind kind, Guid? itemId, WorkspaceUser user) =>
        notifier.Publish(new MeetingChange(meetingId, kind, itemId, user.PersonId, user.Name));

    private void Apply(MeetingInput input, Meeting meeting)
    {
        meeting.StartsAt = time.FromLocal(input.Date!.Value, input.StartTime!.Value);
        meeting.EndsAt = time.FromLocal(input.Date!.Value, input.EndTime!.Value);
        meeting.Place = InputRules.Trimmed(input.Place);
        meeting.OnlineLink = InputRules.Trimmed(input.OnlineLink);
        meeting.Kind = input.Kind;
    }

    /// <summary>Copies the form onto the item; a presenter picked from the council must belong to it.</summary>
    internal static async Task ApplyAsync(WorkspaceDbContext db, AgendaItemInput input, AgendaItem item, Guid councilId, CancellationToken ct)
    {
        if (input.PresenterPersonId is { } presenterId)
        {
            var name = await db.Memberships.Where(m => m.CouncilId == councilId && m.PersonId == presenterId)
                .Select(m => m.Person!.Name).FirstOrDefaultAsync(ct)
                ?? throw new InputValidationException([new FieldError(nameof(AgendaItemInput.Presenter), "Validation.PresenterNotInCouncil")]);
            item.PresenterPersonId = presenterId;
            item.Presenter = InputRules.Trimmed(input.Presenter) ?? name;
        }
        else
        {
            item.PresenterPersonId = null;
            item.Presenter = InputRules.Trimmed(input.Presenter);
        }
        item.AllottedMinutes = input.AllottedMinutes;
        item.Kind = input.Kind;
        item.Background = InputRules.Trimmed(input.Background);
        item.Decision = InputRules.Trimmed(input.Decision);
        item.IsClosed = input.IsClosed;
    }

    private static AgendaItemView ToView(AgendaItem item, string number, IReadOnlyList<RemarkView> remarks, DateTimeOffset? publishedAt,
        IReadOnlyList<ItemLinkView> links, IReadOnlyList<AttachmentView> attachments) =>
        new(item.Id, item.ParentId, number, item.Title, item.Presenter, item.PresenterPersonId, item.AllottedMinutes, item.Kind, item.Background,
            item.Decision, item.Status, item.StatusNote, item.IsClosed, item.UpdatedAt > publishedAt, item.ConcurrencyStamp, remarks,
            links, attachments, Layout: item.Layout, Placement: item.Placement);

    /// <summary>
    /// The hearings linked to the items the viewer sees (a closed item's only for who sees it, since the items are
    /// filtered before), by item; a hearing is the council's, so whoever reads the meeting reads it.
    /// </summary>
    private static async Task<ILookup<Guid, ItemHearingView>> LoadHearingsAsync(WorkspaceDbContext db, List<Guid> itemIds, CancellationToken ct)
    {
        var rows = await db.HearingItems.AsNoTracking()
            .Where(l => itemIds.Contains(l.AgendaItemId))
            .Join(db.Hearings, l => l.HearingId, h => h.Id, (l, h) => new { l.AgendaItemId, l.HearingId, h.Title, h.Status, h.Deadline, h.RemarksDeadline })
            .ToListAsync(ct);
        return rows.OrderBy(r => r.Deadline).ThenBy(r => r.Title, StringComparer.Ordinal)
            .ToLookup(r => r.AgendaItemId, r => new ItemHearingView(r.HearingId, r.Title, r.Status, r.Deadline, r.RemarksDeadline));
    }

    /// <summary>Links (in their order) and attachments (oldest first) of the items the reader may see.</summary>
    private static async Task<(ILookup<Guid, ItemLinkView> Links, ILookup<Guid, AttachmentView> Attachments)> LoadMaterialAsync(
        WorkspaceDbContext db, List<Guid> itemIds, CancellationToken ct)
    {
        var links = await db.ItemLinks.AsNoTracking()
            .Where(l => itemIds.Contains(l.AgendaItemId))
            .OrderBy(l => l.Number)
            .ToListAsync(ct);
        var attachments = await db.Attachments.AsNoTracking()
            .Where(a => itemIds.Contains(a.AgendaItemId))
            .ToListAsync(ct);
        return (
            links.ToLookup(l => l.AgendaItemId, l => new ItemLinkView(l.Id, l.Title, l.Url, l.Number)),
            attachments
                .OrderBy(a => a.UploadedAt)
                .ToLookup(a => a.AgendaItemId, a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedAt)));
    }
}
