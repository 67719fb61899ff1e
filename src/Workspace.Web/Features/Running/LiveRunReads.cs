using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Web.Collaboration;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.Running;

/// <summary>The run of a meeting as stored after a change, the same for every reader (no rights in it).</summary>
public sealed record StoredRun(Guid MeetingId, Data.Entities.MeetingStatus Status, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt,
    CurrentItem? Current, bool CurrentIsClosed);

/// <summary>
/// Reads the run state once per change on this node, so that a hundred open pages following the chair cost one query,
/// not a hundred (as <see cref="Meetings.LiveItemReads"/> does for texts and remarks). Each page makes its own view with
/// the viewer's current rights (<see cref="LiveAccess"/>): a closed current item stays unnamed for those who may not
/// read it, and the controls are only for those who control the meeting now.
/// </summary>
public sealed class LiveRunReads(IDbContextFactory<WorkspaceDbContext> dbFactory, LiveAccess access, TimeProvider clock)
{
    private readonly ConditionalWeakTable<MeetingChange, Lazy<Task<StoredRun?>>> _runs = new();

    /// <summary>The viewer's run state after <paramref name="change"/>; null when the viewer may not read the meeting.</summary>
    public async Task<MeetingRunState?> StateAsync(MeetingChange change, WorkspaceUser viewer)
    {
        var reader = await access.ReaderAsync(viewer, change.MeetingId);
        if (!reader.CanRead)
        {
            return null;
        }
        var stored = await _runs.GetValue(change, c => new Lazy<Task<StoredRun?>>(() => ReadAsync(c.MeetingId))).Value;
        return stored is null ? null : ViewFor(stored, reader.Rights);
    }

    /// <summary>One viewer's view of a stored run: the title of a closed item only for those who see closed items.</summary>
    public static MeetingRunState ViewFor(StoredRun run, CouncilRights rights)
    {
        var current = run.Current is { } item && run.CurrentIsClosed && !rights.CanSeeClosedItems ? item with { Title = null } : run.Current;
        return new MeetingRunState(run.MeetingId, run.Status, run.StartedAt, run.EndedAt, current, rights.CanControl);
    }

    private async Task<StoredRun?> ReadAsync(Guid meetingId)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var meeting = await db.Meetings.AsNoTracking()
            .Where(m => m.Id == meetingId)
            .Select(m => new { m.Status, m.StartedAt, m.EndedAt, m.CurrentItemId, m.CurrentItemSince })
            .SingleOrDefaultAsync();
        if (meeting is null)
        {
            return null;
        }
        CurrentItem? current = null;
        var closed = false;
        if (meeting.CurrentItemId is { } currentId)
        {
            var items = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == meetingId).ToListAsync();
            current = MeetingRunService.CurrentOf(items, currentId, meeting.CurrentItemSince, canSeeClosed: true, clock.GetUtcNow());
            closed = items.FirstOrDefault(i => i.Id == currentId)?.IsClosed ?? false;
        }
        return new StoredRun(meetingId, meeting.Status, meeting.StartedAt, meeting.EndedAt, current, closed);
    }
}
