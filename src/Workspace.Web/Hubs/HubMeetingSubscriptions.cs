using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Workspace.Web.Collaboration;

namespace Workspace.Web.Hubs;

/// <summary>
/// Forwards meeting changes to hub connections. Hub instances live for one call, so the subscriptions live here,
/// one per connection and meeting, and end with the connection.
/// </summary>
public sealed class HubMeetingSubscriptions(IMeetingNotifier notifier, IHubContext<MeetingHub, IMeetingClient> hub)
{
    private readonly ConcurrentDictionary<(string Connection, Guid Meeting), IDisposable> _subscriptions = new();

    public void Subscribe(string connectionId, Guid meetingId) =>
        _subscriptions.GetOrAdd((connectionId, meetingId), key => notifier.Subscribe(key.Meeting, change =>
            hub.Clients.Client(key.Connection).MeetingChanged(
                new MeetingChangeMessage(change.MeetingId, change.Kind.ToString(), change.AgendaItemId, change.ActorId, change.ActorName))));

    public void Unsubscribe(string connectionId, Guid meetingId)
    {
        if (_subscriptions.TryRemove((connectionId, meetingId), out var subscription))
        {
            subscription.Dispose();
        }
    }

    public void UnsubscribeAll(string connectionId)
    {
        foreach (var key in _subscriptions.Keys.Where(k => k.Connection == connectionId))
        {
            Unsubscribe(key.Connection, key.Meeting);
        }
    }
}
