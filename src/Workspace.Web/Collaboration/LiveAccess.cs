using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Collaboration;

/// <summary>What one person may see and do at one meeting right now, for the live channel's every message.</summary>
public sealed record MeetingReader(Guid MeetingId, MeetingStatus Status, CouncilRights Rights, IReadOnlySet<Guid> ReadableItems)
{
    public static MeetingReader Nobody(Guid meetingId) => new(meetingId, MeetingStatus.Draft, CouncilRights.None, new HashSet<Guid>());

    public bool CanRead => Rights.CanRead;

    /// <summary>The item is on this meeting and the reader sees it (closed items only for those who see closed items).</summary>
    public bool CanReadItem(Guid itemId) => Rights.CanRead && ReadableItems.Contains(itemId);

    /// <summary>The administration writes an item's texts until the meeting is closed or cancelled.</summary>
    public bool CanEditTexts => Rights.CanManage && Status is not (MeetingStatus.Closed or MeetingStatus.Cancelled);

    /// <summary>
    /// Whether the reader may write this text now: the administration every text (<see cref="CanEditTexts"/>); the chair
    /// also the decision while the meeting runs, as the chair writes it live from the controls (#13).
    /// </summary>
    public bool CanEditText(CoEditing.ItemText text) =>
        CanEditTexts || (Rights.IsChair && Status == MeetingStatus.InProgress && text == CoEditing.ItemText.Decision);
}

/// <summary>
/// The current rights of readers of the live channel (hub messages, pushes, presence, the circuits' change feed), so
/// that every message is decided on the current state and not on what was true when a connection opened.
/// Reading them for every keystroke would cost the database a query per operation, so they are kept per person and
/// meeting and thrown away the moment anything that decides them changes: the meeting (status), its agenda (closed
/// items), its attendance (a substitute's call-in) or the council's memberships (<see cref="MeetingChangeKind.AccessChanged"/>).
/// Those changes reach every node through <see cref="IMeetingNotifier.Delivering"/>; a short lifetime covers a change
/// missed while the bus was down.
/// </summary>
public sealed class LiveAccess : IDisposable
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 20_000;

    private readonly IDbContextFactory<WorkspaceDbContext> _dbFactory;
    private readonly CouncilAccess _access;
    private readonly IMeetingNotifier _notifier;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<Guid, long> _generations = new();
    private readonly ConcurrentDictionary<(Guid? Person, int Roles, Guid Meeting), Entry> _readers = new();
    private long _epoch;

    public LiveAccess(IDbContextFactory<WorkspaceDbContext> dbFactory, CouncilAccess access, IMeetingNotifier notifier, TimeProvider clock)
    {
        _dbFactory = dbFactory;
        _access = access;
        _notifier = notifier;
        _clock = clock;
        notifier.Delivering += OnDelivering;
    }

    /// <summary>
    /// Raised after the rights at a meeting may have changed (its id), or at every meeting (null), once the cached
    /// rights are gone: holders of open texts check them again.
    /// </summary>
    public event Action<Guid?>? Changed;

    /// <summary>Grows whenever the rights at the meeting may have changed; equal versions mean nothing to check again.</summary>
    public (long Epoch, long Generation) Version(Guid meetingId) =>
        (Interlocked.Read(ref _epoch), _generations.GetValueOrDefault(meetingId));

    public async ValueTask<MeetingReader> ReaderAsync(WorkspaceUser user, Guid meetingId, CancellationToken ct = default)
    {
        var key = (user.PersonId, RolesOf(user), meetingId);
        var version = Version(meetingId);
        if (_readers.TryGetValue(key, out var cached) && cached.Version == version && _clock.GetUtcNow() - cached.ReadAt < MaxAge
            && !cached.Reader.Value.IsFaulted)
        {
            return await cached.Reader.Value.WaitAsync(ct);
        }
        if (_readers.Count >= MaxEntries)
        {
            _readers.Clear();
        }
        // One read for all who ask at once (a hundred tabs of one person after a change); the version is taken before
        // the read, so a change during it makes the entry stale at once.
        var entry = new Entry(new Lazy<Task<MeetingReader>>(() => LoadAsync(user, meetingId)), version, _clock.GetUtcNow());
        var used = cached is not null && _readers.TryUpdate(key, entry, cached) ? entry : _readers.GetOrAdd(key, entry);
        if (used != entry && (used.Version != version || used.Reader.Value.IsFaulted))
        {
            // Someone else's entry, but older than what this caller must see: read for this caller alone.
            used = entry;
            _readers[key] = entry;
        }
        return await used.Reader.Value.WaitAsync(ct);
    }

    /// <summary>The meeting an item is on, or null when there is no such item.</summary>
    public async Task<Guid?> MeetingOfItemAsync(Guid itemId, CancellationToken ct = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        return await db.AgendaItems.Where(i => i.Id == itemId).Select(i => (Guid?)i.MeetingId).SingleOrDefaultAsync(ct);
    }

    public void Dispose() => _notifier.Delivering -= OnDelivering;

    private async Task<MeetingReader> LoadAsync(WorkspaceUser user, Guid meetingId)
    {
        // Shared by several callers, so no caller's cancellation ends it.
        var ct = CancellationToken.None;
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.AsNoTracking().SingleOrDefaultAsync(m => m.Id == meetingId, ct);
        if (meeting is null)
        {
            return MeetingReader.Nobody(meetingId);
        }
        var rights = await _access.RightsAtMeetingAsync(db, user, meeting, ct);
        if (!rights.CanRead)
        {
            return new MeetingReader(meetingId, meeting.Status, rights, new HashSet<Guid>());
        }
        var items = await db.AgendaItems
            .Where(i => i.MeetingId == meetingId && (rights.CanSeeClosedItems || !i.IsClosed))
            .Select(i => i.Id)
            .ToListAsync(ct);
        return new MeetingReader(meetingId, meeting.Status, rights, items.ToHashSet());
    }

    private void OnDelivering(MeetingChange change)
    {
        switch (change.Kind)
        {
            case MeetingChangeKind.Resync when change.MeetingId == Guid.Empty:
                Interlocked.Increment(ref _epoch);
                _readers.Clear();
                Changed?.Invoke(null);
                break;
            case MeetingChangeKind.MeetingChanged or MeetingChangeKind.AgendaChanged or MeetingChangeKind.AttendanceChanged
                or MeetingChangeKind.AccessChanged or MeetingChangeKind.Resync:
                _generations.AddOrUpdate(change.MeetingId, 1, (_, generation) => generation + 1);
                foreach (var key in _readers.Keys.Where(k => k.Meeting == change.MeetingId))
                {
                    _readers.TryRemove(key, out _);
                }
                Changed?.Invoke(change.MeetingId);
                break;
        }
    }

    private static int RolesOf(WorkspaceUser user) =>
        (user.IsInRole(WorkspaceRoles.Administration) ? 1 : 0) | (user.IsInRole(WorkspaceRoles.Member) ? 2 : 0) | (user.IsInRole(WorkspaceRoles.Substitute) ? 4 : 0);

    private sealed record Entry(Lazy<Task<MeetingReader>> Reader, (long Epoch, long Generation) Version, DateTimeOffset ReadAt);
}
