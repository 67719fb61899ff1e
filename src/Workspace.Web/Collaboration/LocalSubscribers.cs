using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;

namespace Workspace.Web.Collaboration;

/// <summary>
/// This node's subscribers to the changes of a meeting or a hearing, by its id. Each subscriber hears a change in the
/// culture it had when it subscribed (a change raised by an English reader's circuit or by the bus thread must not render
/// a Danish page in English), on the thread pool, one change after the other (<see cref="DeliveryLane"/>).
/// </summary>
internal sealed class LocalSubscribers<TChange>(Action<Exception, TChange> failed)
{
    private readonly ConcurrentDictionary<Guid, ImmutableList<Subscriber>> _subscribers = new();
    private readonly ConcurrentDictionary<Guid, DeliveryLane> _lanes = new();

    /// <summary>The ids that have (or had) subscribers on this node.</summary>
    public ICollection<Guid> Ids => _subscribers.Keys;

    /// <summary>Subscribers hear a change in the order they subscribed, except those that ask to be <paramref name="first"/>.</summary>
    public IDisposable Subscribe(Guid id, Func<TChange, Task> onChange, bool first = false)
    {
        var subscriber = new Subscriber(onChange, CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        _subscribers.AddOrUpdate(id, _ => [subscriber], (_, list) => first ? list.Insert(0, subscriber) : list.Add(subscriber));
        return new Subscription(() => _subscribers.AddOrUpdate(id, _ => [], (_, list) => list.Remove(subscriber)));
    }

    public void Tell(Guid id, TChange change)
    {
        if (!_subscribers.TryGetValue(id, out var subscribers) || subscribers.IsEmpty)
        {
            return;
        }
        _lanes.GetOrAdd(id, _ => new DeliveryLane()).Hand(() =>
        {
            // Those subscribed when the change's turn comes, not when it was handed over: a page closed while the earlier
            // changes were told is not called with this one.
            foreach (var subscriber in _subscribers.GetValueOrDefault(id, ImmutableList<Subscriber>.Empty))
            {
                _ = NotifyAsync(subscriber, change);
            }
        });
    }

    private async Task NotifyAsync(Subscriber subscriber, TChange change)
    {
        try
        {
            // Culture is async-local: set here, it flows into the subscriber's InvokeAsync and ends with this method.
            CultureInfo.CurrentCulture = subscriber.Culture;
            CultureInfo.CurrentUICulture = subscriber.UiCulture;
            await subscriber.OnChange(change);
        }
        catch (Exception ex)
        {
            failed(ex, change);
        }
    }

    private sealed record Subscriber(Func<TChange, Task> OnChange, CultureInfo Culture, CultureInfo UiCulture);

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
