using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Workspace.Web.Collaboration;

namespace Workspace.Web.Features.Hearings;

/// <summary>Something changed on a hearing (a remark, a support, the state); subscribers read it again with their own rights.</summary>
public sealed record HearingChange(Guid HearingId, Guid? ActorId, string? ActorName, bool RemarksChanged);

/// <summary>
/// Tells everyone looking at a hearing that it changed: this node's subscribers at once (on the thread pool, one change
/// after the other, see <see cref="DeliveryLane"/>), the other nodes' through the
/// <see cref="IClusterBus"/>; when the bus is back after an outage every open hearing page reads again. A hearing is not
/// tied to one meeting, so it has a notifier of its own keyed by the hearing's id. The change carries ids, not data.
/// </summary>
public sealed class HearingNotifier : IDisposable
{
    private const string Topic = "hearing-changes";
    private readonly ConcurrentDictionary<Guid, ImmutableList<Subscriber>> _subscribers = new();
    private readonly ConcurrentDictionary<Guid, DeliveryLane> _lanes = new();
    private readonly IClusterBus _bus;
    private readonly ILogger<HearingNotifier> _logger;
    private readonly IDisposable _fromOtherNodes;

    public HearingNotifier(IClusterBus bus, ILogger<HearingNotifier> logger)
    {
        _bus = bus;
        _logger = logger;
        _fromOtherNodes = bus.Subscribe<HearingChange>(Topic, DeliverLocally);
        bus.Reconnected += ResyncEveryone;
    }

    public IDisposable Subscribe(Guid hearingId, Func<HearingChange, Task> onChange)
    {
        var subscriber = new Subscriber(onChange, CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        _subscribers.AddOrUpdate(hearingId, _ => [subscriber], (_, list) => list.Add(subscriber));
        return new Subscription(() => _subscribers.AddOrUpdate(hearingId, _ => [], (_, list) => list.Remove(subscriber)));
    }

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
        foreach (var hearingId in _subscribers.Keys)
        {
            DeliverLocally(new HearingChange(hearingId, null, null, true));
        }
    }

    private void DeliverLocally(HearingChange change)
    {
        if (_subscribers.TryGetValue(change.HearingId, out var subscribers) && !subscribers.IsEmpty)
        {
            _lanes.GetOrAdd(change.HearingId, _ => new DeliveryLane()).Hand(() =>
            {
                foreach (var subscriber in subscribers)
                {
                    _ = NotifyAsync(subscriber, change);
                }
            });
        }
    }

    private async Task NotifyAsync(Subscriber subscriber, HearingChange change)
    {
        try
        {
            CultureInfo.CurrentCulture = subscriber.Culture;
            CultureInfo.CurrentUICulture = subscriber.UiCulture;
            await subscriber.OnChange(change);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "A subscriber of hearing {HearingId} failed to handle a change", change.HearingId);
        }
    }

    private sealed record Subscriber(Func<HearingChange, Task> OnChange, CultureInfo Culture, CultureInfo UiCulture);

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                unsubscribe();
            }
        }
    }
}
