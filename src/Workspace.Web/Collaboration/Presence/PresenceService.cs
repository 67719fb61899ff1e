using System.Collections.Concurrent;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Collaboration.Presence;

/// <summary>What someone is doing in a text field right now ("Gitte skriver ...").</summary>
public sealed record PresenceTyping(Guid ItemId, string Field);

/// <summary>One person on a meeting page: where they look and whether they type.</summary>
public sealed record PresencePerson(Guid PersonId, string Name, Guid? ViewingItemId, PresenceTyping? Typing)
{
    /// <summary>"GH" for Gitte Holmgaard.</summary>
    /// <summary>The person as a reader sees them: where they look and type only on items the reader may read.</summary>
    public PresencePerson SeenBy(MeetingReader reader) => SeenBy(reader.CanReadItem);

    /// <summary>The person with where they look and type kept only on items <paramref name="canReadItem"/> allows.</summary>
    public PresencePerson SeenBy(Func<Guid, bool> canReadItem) => this with
    {
        ViewingItemId = ViewingItemId is { } viewing && canReadItem(viewing) ? viewing : null,
        Typing = Typing is { } typing && canReadItem(typing.ItemId) ? typing : null,
    };

    public string Initials => string.Concat(Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(2).Select(part => char.ToUpperInvariant(part[0])));
}

/// <summary>
/// Who is on which meeting now, across all nodes. Each open page (a Blazor circuit or a hub connection) is a
/// connection; a person with several tabs shows once. A node sends its own connections to the other nodes on every
/// change and as a heartbeat; another node's entries vanish when its heartbeats stop, so a crashed node's people go too.
/// </summary>
public sealed class PresenceService : BackgroundService
{
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan RemoteExpiry = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan TypingShownFor = TimeSpan.FromSeconds(5);
    private const string Topic = "presence";

    private readonly ConcurrentDictionary<string, Connection> _local = new();
    private readonly ConcurrentDictionary<(string Node, Guid Meeting), RemoteSnapshot> _remote = new();
    private readonly IMeetingNotifier _notifier;
    private readonly LiveAccess _access;
    private readonly IClusterBus _bus;
    private readonly TimeProvider _clock;
    private readonly IDisposable _fromOtherNodes;

    public PresenceService(IMeetingNotifier notifier, LiveAccess access, IClusterBus bus, TimeProvider clock)
    {
        _notifier = notifier;
        _access = access;
        _bus = bus;
        _clock = clock;
        _fromOtherNodes = bus.Subscribe<NodePresence>(Topic, OnRemote);
    }

    public void Join(string connectionKey, Guid meetingId, Guid personId, string name)
    {
        _local[connectionKey] = new Connection(meetingId, personId, name, null, null, DateTimeOffset.MinValue, Suspended: false);
        Changed(meetingId);
    }

    public void Leave(string connectionKey)
    {
        if (_local.TryRemove(connectionKey, out var connection))
        {
            Changed(connection.MeetingId);
        }
    }

    /// <summary>The page's connection dropped (tab closed, network gone): hide it now, not when the circuit expires minutes later.</summary>
    public void Suspend(string connectionKey) => Update(connectionKey, c => c with { Suspended = true });

    public void Resume(string connectionKey) => Update(connectionKey, c => c with { Suspended = false });

    /// <summary>
    /// Where the person looks now (null: no item): only an item of the meeting the connection joined that the person
    /// may read. A connection that joined no meeting shows nowhere.
    /// </summary>
    public async Task ViewingAsync(string connectionKey, WorkspaceUser user, Guid? itemId, CancellationToken ct = default)
    {
        if (itemId is { } id)
        {
            await EnsureReadableAsync(connectionKey, user, id, ct);
        }
        Update(connectionKey, c => c with { ViewingItemId = itemId });
    }

    /// <summary>
    /// Marks the person as typing in a field for a few seconds; each keystroke extends it. Only a field of
    /// <see cref="PresenceFields.All"/> on an item of the joined meeting that the person may read.
    /// </summary>
    public async Task TypingAsync(string connectionKey, WorkspaceUser user, Guid itemId, string field, CancellationToken ct = default)
    {
        if (!PresenceFields.All.Contains(field))
        {
            throw new InputValidationException([new FieldError("field", "Validation.UnknownField")]);
        }
        await EnsureReadableAsync(connectionKey, user, itemId, ct);
        Typing(connectionKey, itemId, field);
    }

    private async Task EnsureReadableAsync(string connectionKey, WorkspaceUser user, Guid itemId, CancellationToken ct)
    {
        if (!_local.TryGetValue(connectionKey, out var connection)
            || connection.PersonId != user.PersonId
            || !(await _access.ReaderAsync(user, connection.MeetingId, ct)).CanReadItem(itemId))
        {
            throw new NotFoundException();
        }
    }

    private void Typing(string connectionKey, Guid itemId, string field)
    {
        var until = _clock.GetUtcNow() + TypingShownFor;
        Update(connectionKey, c => c with { Typing = new PresenceTyping(itemId, field), TypingUntil = until }, notifyWhenSame: false);
    }

    public void StoppedTyping(string connectionKey) => Update(connectionKey, c => c with { Typing = null });

    /// <summary>Everyone on the meeting now as the reader may see them (<see cref="PresencePerson.SeenBy"/>).</summary>
    public IReadOnlyList<PresencePerson> Who(MeetingReader reader) => [.. Who(reader.MeetingId).Select(p => p.SeenBy(reader))];

    /// <summary>Everyone on the meeting now, each person once, in name order, unfiltered (readers get <see cref="Who(MeetingReader)"/>).</summary>
    public IReadOnlyList<PresencePerson> Who(Guid meetingId)
    {
        var now = _clock.GetUtcNow();
        var local = _local.Values
            .Where(c => c.MeetingId == meetingId && !c.Suspended)
            .Select(c => new PresencePerson(c.PersonId, c.Name, c.ViewingItemId, c.TypingUntil > now ? c.Typing : null));
        var remote = _remote
            .Where(r => r.Key.Meeting == meetingId && now - r.Value.ReceivedAt < RemoteExpiry)
            .SelectMany(r => r.Value.People);
        return local.Concat(remote)
            .GroupBy(p => p.PersonId)
            .Select(g => g.FirstOrDefault(p => p.Typing is not null) ?? g.FirstOrDefault(p => p.ViewingItemId is not null) ?? g.First())
            .OrderBy(p => p.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Heartbeat, _clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Tick();
        }
    }

    /// <summary>The heartbeat: tell the other nodes who is here, end typing marks that ran out, drop silent nodes' people.</summary>
    internal void Tick()
    {
        var now = _clock.GetUtcNow();
        foreach (var (key, connection) in _local)
        {
            if (connection.Typing is not null && connection.TypingUntil <= now)
            {
                Update(key, c => c with { Typing = null });
            }
        }
        foreach (var meetingId in _local.Values.Select(c => c.MeetingId).Distinct())
        {
            SendToOtherNodes(meetingId);
        }
        foreach (var (key, snapshot) in _remote)
        {
            if (now - snapshot.ReceivedAt >= RemoteExpiry && _remote.TryRemove(key, out _))
            {
                _notifier.PublishLocally(Change(key.Meeting));
            }
        }
    }

    public override void Dispose()
    {
        _fromOtherNodes.Dispose();
        base.Dispose();
    }

    private void Update(string connectionKey, Func<Connection, Connection> change, bool notifyWhenSame = true)
    {
        while (_local.TryGetValue(connectionKey, out var before))
        {
            var after = change(before);
            if (_local.TryUpdate(connectionKey, after, before))
            {
                if (notifyWhenSame || after with { TypingUntil = before.TypingUntil } != before)
                {
                    Changed(after.MeetingId);
                }
                return;
            }
        }
    }

    private void Changed(Guid meetingId)
    {
        _notifier.PublishLocally(Change(meetingId));
        SendToOtherNodes(meetingId);
    }

    private void SendToOtherNodes(Guid meetingId)
    {
        var now = _clock.GetUtcNow();
        var people = _local.Values
            .Where(c => c.MeetingId == meetingId && !c.Suspended)
            .Select(c => new PresencePerson(c.PersonId, c.Name, c.ViewingItemId, c.TypingUntil > now ? c.Typing : null))
            .ToList();
        _bus.Publish(Topic, new NodePresence(_bus.NodeId, meetingId, people));
    }

    private void OnRemote(NodePresence message)
    {
        var key = (message.NodeId, message.MeetingId);
        var previous = _remote.TryGetValue(key, out var before) ? before.People : [];
        _remote[key] = new RemoteSnapshot(message.People, _clock.GetUtcNow());
        if (!previous.SequenceEqual(message.People))
        {
            _notifier.PublishLocally(Change(message.MeetingId));
        }
    }

    private static MeetingChange Change(Guid meetingId) => new(meetingId, MeetingChangeKind.PresenceChanged, null, null, null);

    private sealed record Connection(Guid MeetingId, Guid PersonId, string Name, Guid? ViewingItemId, PresenceTyping? Typing, DateTimeOffset TypingUntil, bool Suspended);

    private sealed record RemoteSnapshot(IReadOnlyList<PresencePerson> People, DateTimeOffset ReceivedAt);

    /// <summary>One node's people on one meeting.</summary>
    public sealed record NodePresence(string NodeId, Guid MeetingId, List<PresencePerson> People);
}
