namespace Workspace.Web.Collaboration;

public enum MeetingChangeKind
{
    MeetingChanged,
    AgendaChanged,
    RemarkAdded,
    RemarkChanged,
    RemarkDeleted,
    AttendanceChanged,
    PresenceChanged,
    /// <summary>A co-edited text of an item was stored in the item (shown to readers).</summary>
    TextChanged,
    /// <summary>Who may read the meeting changed (a membership was added, changed or ended): readers check their rights again.</summary>
    AccessChanged,
    /// <summary>Only from <see cref="MeetingFeed"/>, to one viewer: they may no longer read the meeting, and hear nothing more of it.</summary>
    AccessEnded,
    /// <summary>Another node's changes may have been missed (the bus was down): reload everything.</summary>
    Resync,
    /// <summary>A follow-up made on the item changed, or (on a later meeting) the status item's list did.</summary>
    FollowUpsChanged,
    /// <summary>The running meeting moved: its current item, an item's timer or handled mark. When the current item moved,
    /// it carries the new one, so that pages can mark it before reading the run; a viewer who may not read that item hears
    /// the change without it (<see cref="MeetingFeed"/>). Every viewer reads the state with their own rights (a closed
    /// current item stays unnamed to those who may not see it).</summary>
    RunChanged,
    /// <summary>An item's list of speakers changed (a request, the floor given, the list closed).</summary>
    SpeakersChanged,
    /// <summary>A vote or election changed (opened, a vote counted, closed); never says who voted what.</summary>
    PollChanged,
    /// <summary>A hearing discussed at the item changed (linked, unlinked, its title, deadlines or status): its card lists it.</summary>
    HearingsChanged,
}

/// <summary>
/// Something changed at a meeting; subscribers reload the part they show: an item's text (<see cref="Field"/>, the
/// <c>ItemText</c> name), an item's remarks (<see cref="RemarkId"/>), the attendance, or the whole meeting. The change
/// carries ids, not data: every subscriber reads what it may see.
/// </summary>
public sealed record MeetingChange(Guid MeetingId, MeetingChangeKind Kind, Guid? AgendaItemId, Guid? ActorId, string? ActorName,
    string? Field = null, Guid? RemarkId = null);

/// <summary>
/// Tells everyone looking at a meeting that it changed. Components subscribe when they show a meeting
/// and dispose the subscription when they go (eShop's OrderStatusNotificationService pattern).
/// </summary>
public interface IMeetingNotifier
{
    /// <summary>
    /// Subscribers hear a change in the order they subscribed, except those that ask to be <paramref name="first"/>: the
    /// room screen, which the whole room looks at, should not wait behind every open page.
    /// </summary>
    IDisposable Subscribe(Guid meetingId, Func<MeetingChange, Task> onChange, bool first = false);

    /// <summary>
    /// Hands the change to the meeting's subscribers on a thread-pool thread, after the meeting's earlier changes, and
    /// returns at once: the publisher waits for none of them.
    /// </summary>
    void Publish(MeetingChange change);

    /// <summary>Tells only this node's subscribers (for news each node already hears by other means, like presence).</summary>
    void PublishLocally(MeetingChange change);

    /// <summary>
    /// Raised on this node for every change, from this node or another, before any subscriber hears of it (so caches of
    /// rights are stale before a subscriber asks them), and with <see cref="MeetingChangeKind.Resync"/> and an empty
    /// meeting id when changes may have been missed.
    /// </summary>
    event Action<MeetingChange>? Delivering;
}

/// <summary>
/// Delivers changes to this node's subscribers at once (<see cref="LocalSubscribers{TChange}"/>: each in its own culture, on
/// the thread pool, one change after the other) and through the <see cref="IClusterBus"/> to the other nodes' subscribers.
/// When the bus comes back after an outage, every subscriber is told to reload (<see cref="MeetingChangeKind.Resync"/>).
/// </summary>
public sealed class MeetingNotifier : IMeetingNotifier, IDisposable
{
    private const string Topic = "meeting-changes";
    private readonly LocalSubscribers<MeetingChange> _subscribers;
    private readonly IClusterBus _bus;
    private readonly ILogger<MeetingNotifier> _logger;
    private readonly IDisposable _fromOtherNodes;

    public MeetingNotifier(IClusterBus bus, ILogger<MeetingNotifier> logger)
    {
        _bus = bus;
        _logger = logger;
        _subscribers = new LocalSubscribers<MeetingChange>((ex, change) =>
            logger.LogWarning(ex, "A subscriber of meeting {MeetingId} failed to handle {Kind}", change.MeetingId, change.Kind));
        _fromOtherNodes = bus.Subscribe<MeetingChange>(Topic, DeliverLocally);
        bus.Reconnected += ResyncEveryone;
    }

    public IDisposable Subscribe(Guid meetingId, Func<MeetingChange, Task> onChange, bool first = false) =>
        _subscribers.Subscribe(meetingId, onChange, first);

    public void Publish(MeetingChange change)
    {
        DeliverLocally(change);
        _bus.Publish(Topic, change);
    }

    /// <summary>Only to this node's subscribers: presence, which each node sends to the others in its own messages.</summary>
    public void PublishLocally(MeetingChange change) => DeliverLocally(change);

    private void ResyncEveryone()
    {
        RaiseDelivering(new MeetingChange(Guid.Empty, MeetingChangeKind.Resync, null, null, null));
        foreach (var meetingId in _subscribers.Ids)
        {
            DeliverLocally(new MeetingChange(meetingId, MeetingChangeKind.Resync, null, null, null));
        }
    }

    public event Action<MeetingChange>? Delivering;

    public void Dispose()
    {
        _fromOtherNodes.Dispose();
        _bus.Reconnected -= ResyncEveryone;
    }

    private void DeliverLocally(MeetingChange change)
    {
        RaiseDelivering(change);
        _subscribers.Tell(change.MeetingId, change);
    }

    private void RaiseDelivering(MeetingChange change)
    {
        try
        {
            Delivering?.Invoke(change);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "An observer of meeting {MeetingId} failed to handle {Kind}", change.MeetingId, change.Kind);
        }
    }
}
