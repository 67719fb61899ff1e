using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Collaboration;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Meetings;

namespace Workspace.Web.Features.Running;

/// <summary>
/// Runs a meeting on the day: start and end it, move the current item, the item's timer and its handled mark. Only the
/// administration and the council's chair (<see cref="CouncilRights.CanControl"/>), checked on the current state at
/// every call. Moves say which item they start from, so two controllers pressing "next" at once move one step, not two.
/// </summary>
public sealed class MeetingRunService(
    IDbContextFactory<WorkspaceDbContext> dbFactory,
    CouncilAccess access,
    IMeetingNotifier notifier,
    TimeProvider clock)
{
    public const int ExtendMinutesMax = 60;

    public async Task<MeetingRunState> StateAsync(WorkspaceUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct) ?? throw new NotFoundException();
        var rights = await access.RightsAtMeetingAsync(db, user, meeting, ct);
        if (!rights.CanRead)
        {
            throw new NotFoundException();
        }
        CurrentItem? current = null;
        if (meeting.CurrentItemId is { } currentId)
        {
            var items = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == meetingId).ToListAsync(ct);
            current = CurrentOf(items, currentId, meeting.CurrentItemSince, rights.CanSeeClosedItems, clock.GetUtcNow());
        }
        return new MeetingRunState(meetingId, meeting.Status, meeting.StartedAt, meeting.EndedAt, current, rights.CanControl);
    }

    /// <summary>Starts a published meeting ("i gang") at its first item, whose timer starts.</summary>
    public async Task StartAsync(WorkspaceUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (meeting, _) = await access.ControlledMeetingAsync(db, user, meetingId, ct);
        if (meeting.Status != MeetingStatus.Published)
        {
            throw Invalid("Run.CannotStart");
        }
        var now = clock.GetUtcNow();
        meeting.Status = MeetingStatus.InProgress;
        meeting.StartedAt = now;
        meeting.EndedAt = null;
        var items = await db.AgendaItems.Where(i => i.MeetingId == meetingId).ToListAsync(ct);
        if (Steps(items).FirstOrDefault() is { } first)
        {
            MakeCurrent(meeting, null, first, now);
        }
        await db.SaveAsAsync(user, ct);
        Notify(meetingId, MeetingChangeKind.MeetingChanged, user);
    }

    /// <summary>Ends the running meeting: it is then held, the running timer stops and nobody is at an item any more.</summary>
    public async Task EndAsync(WorkspaceUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (meeting, _) = await access.ControlledMeetingAsync(db, user, meetingId, ct);
        EnsureRunning(meeting);
        var now = clock.GetUtcNow();
        var items = await db.AgendaItems.Where(i => i.MeetingId == meetingId && i.TimerStartedAt != null).ToListAsync(ct);
        items.ForEach(i => PauseTimer(i, now));
        meeting.Status = MeetingStatus.Held;
        meeting.EndedAt = now;
        meeting.CurrentItemId = null;
        meeting.CurrentItemSince = null;
        await db.SaveAsAsync(user, ct);
        Notify(meetingId, MeetingChangeKind.MeetingChanged, user);
    }

    /// <summary>
    /// Makes an item current. <paramref name="expectedCurrentId"/> is the item the caller saw as current: when someone
    /// else moved meanwhile, the move is refused (a conflict) instead of skipping an item.
    /// </summary>
    public async Task SetCurrentAsync(WorkspaceUser user, Guid meetingId, Guid? expectedCurrentId, Guid itemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await MeetingAtAsync(db, user, meetingId, expectedCurrentId, ct);
        var items = await db.AgendaItems.Where(i => i.MeetingId == meetingId).ToListAsync(ct);
        var item = items.SingleOrDefault(i => i.Id == itemId && i.Layout != AgendaItemLayout.Section) ?? throw new NotFoundException();
        if (item.Id != meeting.CurrentItemId)
        {
            MakeCurrent(meeting, items.SingleOrDefault(i => i.Id == meeting.CurrentItemId), item, clock.GetUtcNow());
            await db.SaveAsAsync(user, ct);
        }
        Notify(meetingId, MeetingChangeKind.RunChanged, user, item.Id);
    }

    /// <summary>The next (+1) or previous (-1) item or pause in agenda order, skipping headings and postponed or withdrawn items.</summary>
    public async Task StepAsync(WorkspaceUser user, Guid meetingId, Guid? expectedCurrentId, int direction, CancellationToken ct = default)
    {
        if (direction is not (1 or -1))
        {
            throw Invalid("Run.BadStep");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await MeetingAtAsync(db, user, meetingId, expectedCurrentId, ct);
        var items = await db.AgendaItems.Where(i => i.MeetingId == meetingId).ToListAsync(ct);
        var steps = Steps(items).ToList();
        var at = steps.FindIndex(i => i.Id == meeting.CurrentItemId);
        var target = at < 0 ? steps.FirstOrDefault() : at + direction is var next && next >= 0 && next < steps.Count ? steps[next] : null;
        if (target is null)
        {
            throw Invalid(direction > 0 ? "Run.NoNextItem" : "Run.NoPreviousItem");
        }
        MakeCurrent(meeting, at < 0 ? null : steps[at], target, clock.GetUtcNow());
        await db.SaveAsAsync(user, ct);
        Notify(meetingId, MeetingChangeKind.RunChanged, user, target.Id);
    }

    public Task StartTimerAsync(WorkspaceUser user, Guid meetingId, Guid itemId, CancellationToken ct = default) =>
        ChangeItemAsync(user, meetingId, itemId, item => item.TimerStartedAt ??= clock.GetUtcNow(), ct);

    public Task PauseTimerAsync(WorkspaceUser user, Guid meetingId, Guid itemId, CancellationToken ct = default) =>
        ChangeItemAsync(user, meetingId, itemId, item => PauseTimer(item, clock.GetUtcNow()), ct);

    /// <summary>Gives the item more time (1 to 60 minutes at a time); the screen turns from red back when time is left again.</summary>
    public Task ExtendTimerAsync(WorkspaceUser user, Guid meetingId, Guid itemId, int minutes, CancellationToken ct = default)
    {
        if (minutes is < 1 or > ExtendMinutesMax)
        {
            throw Invalid("Run.BadExtension");
        }
        return ChangeItemAsync(user, meetingId, itemId, item => item.TimerExtraMinutes = Math.Min(item.TimerExtraMinutes + minutes, 24 * 60), ct);
    }

    /// <summary>Marks an item handled (behandlet) or, by mistake undone, planned again.</summary>
    public Task MarkHandledAsync(WorkspaceUser user, Guid meetingId, Guid itemId, bool handled, CancellationToken ct = default) =>
        ChangeItemAsync(user, meetingId, itemId, item =>
        {
            if (item.Status is not (AgendaItemStatus.Planned or AgendaItemStatus.Handled))
            {
                throw Invalid("Run.NotHandleable");
            }
            item.Status = handled ? AgendaItemStatus.Handled : AgendaItemStatus.Planned;
            if (handled)
            {
                PauseTimer(item, clock.GetUtcNow());
            }
        }, ct, allowHeld: true);

    /// <summary>Items and pauses the meeting moves through, in agenda order.</summary>
    public static IEnumerable<AgendaItem> Steps(IReadOnlyCollection<AgendaItem> items) =>
        AgendaNumbering.InOrder(items)
            .Select(n => n.Item)
            .Where(i => i.Layout != AgendaItemLayout.Section && i.Status is AgendaItemStatus.Planned or AgendaItemStatus.Handled);

    public static CurrentItem? CurrentOf(IReadOnlyCollection<AgendaItem> items, Guid currentId, DateTimeOffset? since, bool canSeeClosed, DateTimeOffset now)
    {
        var numbered = AgendaNumbering.InOrder(items).FirstOrDefault(n => n.Item.Id == currentId);
        if (numbered.Item is not { } item)
        {
            return null;
        }
        var visible = canSeeClosed || !item.IsClosed;
        return new CurrentItem(item.Id, numbered.Number, visible ? item.Title : null, item.Layout, item.Status, since, ItemTimer.Of(item, now));
    }

    private async Task ChangeItemAsync(WorkspaceUser user, Guid meetingId, Guid itemId, Action<AgendaItem> change, CancellationToken ct, bool allowHeld = false)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (meeting, rights) = await access.ControlledMeetingAsync(db, user, meetingId, ct);
        if (!(meeting.Status == MeetingStatus.InProgress || (allowHeld && meeting.Status == MeetingStatus.Held)))
        {
            throw Invalid("Run.NotRunning");
        }
        var item = await db.AgendaItems.SingleOrDefaultAsync(i => i.Id == itemId && i.MeetingId == meetingId, ct);
        if (item is null || (item.IsClosed && !rights.CanSeeClosedItems))
        {
            throw new NotFoundException();
        }
        change(item);
        await db.SaveAsAsync(user, ct);
        Notify(meetingId, MeetingChangeKind.RunChanged, user);
    }

    /// <summary>The previous item's timer stops; the new item's starts unless it is handled already.</summary>
    private static void MakeCurrent(Meeting meeting, AgendaItem? previous, AgendaItem item, DateTimeOffset now)
    {
        if (previous is not null)
        {
            PauseTimer(previous, now);
        }
        meeting.CurrentItemId = item.Id;
        meeting.CurrentItemSince = now;
        if (item.Status != AgendaItemStatus.Handled)
        {
            item.TimerStartedAt ??= now;
        }
    }

    private static void PauseTimer(AgendaItem item, DateTimeOffset now)
    {
        if (item.TimerStartedAt is { } since)
        {
            var seconds = Math.Max(0, (long)(now - since).TotalSeconds);
            item.TimerUsedSeconds = (int)Math.Min(int.MaxValue, item.TimerUsedSeconds + seconds);
            item.TimerStartedAt = null;
        }
    }

    /// <summary>The running meeting the user controls, still at the item the caller saw as current (else a conflict).</summary>
    private async Task<Meeting> MeetingAtAsync(WorkspaceDbContext db, WorkspaceUser user, Guid meetingId, Guid? expectedCurrentId, CancellationToken ct)
    {
        var (meeting, _) = await access.ControlledMeetingAsync(db, user, meetingId, ct);
        EnsureRunning(meeting);
        return meeting.CurrentItemId == expectedCurrentId ? meeting : throw new ConcurrencyConflictException();
    }

    private static void EnsureRunning(Meeting meeting)
    {
        if (meeting.Status != MeetingStatus.InProgress)
        {
            throw Invalid("Run.NotRunning");
        }
    }

    private static InputValidationException Invalid(string key) => new([new FieldError("Run", key)]);

    private void Notify(Guid meetingId, MeetingChangeKind kind, WorkspaceUser user, Guid? currentItemId = null) =>
        notifier.Publish(new MeetingChange(meetingId, kind, currentItemId, user.PersonId, user.Name));
}
