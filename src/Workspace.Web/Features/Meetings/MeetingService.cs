using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Collaboration;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Access;
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
            .Select(r => new RemarkView(r.Remark.Id, r.Remark.AgendaItemId, r.Remark.AuthorId, r.AuthorName, r.Remark.Text,
                r.Remark.CreatedAt, r.Remark.EditedAt, r.Remark.AuthorId == user.PersonId, r.Remark.ConcurrencyStamp))
            .ToLookup(r => r.AgendaItemId);

        var views = numbered
            .Select(n => ToView(n.Item, n.Number, remarksByItem[n.Item.Id].ToList(), meeting.PublishedAt))
            .ToList();
        return new MeetingDetails(meeting.Id, meeting.CouncilId, meeting.Council!.Name, meeting.Title, meeting.StartsAt, meeting.EndsAt,
            meeting.Place, meeting.OnlineLink, meeting.Status, meeting.Kind, meeting.CancellationReason, meeting.ConcurrencyStamp,
            new MeetingRights(rights.CanRemarkAt(meeting.Status), rights.CanManage), views);
    }

    public async Task<Guid> CreateMeetingAsync(WorkspaceUser user, Guid councilId, MeetingInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input.Validate());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        (await access.RightsInAsync(db, user, councilId, ct)).EnsureCanManage();

        var meeting = new Meeting { CouncilId = councilId, Title = input.Title.Trim(), Status = MeetingStatus.Draft };
        Apply(input, meeting);
        if (input.UseAgendaTemplate)
        {
            AgendaTemplates.AddItemsTo(meeting, await AgendaTemplates.EnsureAsync(db, councilId, ct));
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
        InputRules.MaxLength(errors, "Reason", reason, 1000);
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
        await access.ManagedMeetingAsync(db, user, meetingId, ct);
        var lastNumber = await db.AgendaItems
            .Where(i => i.MeetingId == meetingId && i.ParentId == null)
            .MaxAsync(i => (int?)i.Number, ct) ?? 0;
        var item = new AgendaItem { MeetingId = meetingId, Number = lastNumber + 1, Title = input.Title.Trim(), UpdatedAt = clock.GetUtcNow() };
        Apply(input, item);
        db.AgendaItems.Add(item);
        await db.SaveAsAsync(user, ct);
        Notify(meetingId, MeetingChangeKind.AgendaChanged, item.Id, user);
        return item.Id;
    }

    public async Task UpdateItemAsync(WorkspaceUser user, Guid itemId, AgendaItemInput input, Guid concurrencyStamp, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input.Validate());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.AgendaItems.SingleOrDefaultAsync(i => i.Id == itemId, ct) ?? throw new NotFoundException();
        await access.ManagedMeetingAsync(db, user, item.MeetingId, ct);
        db.Entry(item).Property(i => i.ConcurrencyStamp).OriginalValue = concurrencyStamp;
        item.Title = input.Title.Trim();
        Apply(input, item);
        if (db.Entry(item).Properties.Any(p => p.IsModified))
        {
            item.UpdatedAt = clock.GetUtcNow();
        }
        await db.SaveAsAsync(user, ct);
        Notify(item.MeetingId, MeetingChangeKind.AgendaChanged, item.Id, user);
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

    private static void Apply(AgendaItemInput input, AgendaItem item)
    {
        item.Presenter = InputRules.Trimmed(input.Presenter);
        item.AllottedMinutes = input.AllottedMinutes;
        item.Kind = input.Kind;
        item.Background = InputRules.Trimmed(input.Background);
        item.Decision = InputRules.Trimmed(input.Decision);
        item.IsClosed = input.IsClosed;
    }

    private static AgendaItemView ToView(AgendaItem item, string number, IReadOnlyList<RemarkView> remarks, DateTimeOffset? publishedAt) =>
        new(item.Id, item.ParentId, number, item.Title, item.Presenter, item.AllottedMinutes, item.Kind, item.Background,
            item.Decision, item.Status, item.StatusNote, item.IsClosed, item.UpdatedAt > publishedAt, item.ConcurrencyStamp, remarks);
}
