using Workspace.Web.Collaboration;

namespace Workspace.Web.Features.Hearings;

/// <summary>Something changed on a hearing (a remark, a support, the state); subscribers read it again with their own rights.</summary>
public sealed record HearingChange(Guid HearingId, Guid? ActorId, string? ActorName, bool RemarksChanged);

/// <summary>
/// Tells everyone looking at a hearing that it changed: this node's subscribers at once (<see cref="LocalSubscribers{TChange}"/>),
/// the other nodes' through the <see cref="IClusterBus"/>; when the bus is back after an outage every open hearing page
/// reads again. A hearing is not tied to one meeting, so it has a notifier of its own keyed by the hearing's id. The change
/// carries ids, not data.
/// </summary>
public sealed class HearingNotifier : IDisposable
{
    private const string Topic = "hearing-changes";
    private readonly LocalSubscribers<HearingChange> _subscribers;
    private readonly IClusterBus _bus;
    private readonly IDisposable _fromOtherNodes;

    public HearingNotifier(IClusterBus bus, ILogger<HearingNotifier> logger)
    {
        _bus = bus;
        _subscribers = new LocalSubscribers<HearingChange>((ex, change) =>
            logger.LogWarning(ex, "A subscriber of hearing {HearingId} failed to handle a change", change.HearingId));
        _fromOtherNodes = bus.Subscribe<HearingChange>(Topic, DeliverLocally);
        bus.Reconnected += ResyncEveryone;
    }

    public IDisposable Subscribe(Guid hearingId, Func<HearingChange, Task> onChange) => _subscribers.Subscribe(hearingId, onChange);

    public void Publish(HearingChange change)
    {
        DeliverLocally(change);
        _bus.Publish(Topic, change);
    }

    public void Dispose()
    {
        _fromOtherNodes.Dispose();
        _bus.Reconnected -= ResyncEveryone;
    }

    private void ResyncEveryone()
    {
        foreach (var hearingId in _subscribers.Ids)
        {
            DeliverLocally(new HearingChange(hearingId, null, null, true));
        }
    }

    private void DeliverLocally(HearingChange change) => _subscribers.Tell(change.HearingId, change);
}
