using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Workspace.Web.Collaboration;
using Workspace.Web.Collaboration.Presence;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Hubs;

/// <summary>
/// Forwards meeting changes to hub connections, each as its user may hear of it now (<see cref="MeetingFeed"/>). Hub
/// instances live for one call, so the subscriptions live here, one per connection and meeting, and end with the
/// connection, or when its user may no longer read the meeting (told once, as <see cref="MeetingChangeKind.AccessEnded"/>).
/// </summary>
public sealed class HubMeetingSubscriptions(MeetingFeed feed, PresenceService presence, IHubContext<MeetingHub, IMeetingClient> hub)
{
    private readonly ConcurrentDictionary<(string Connection, Guid Meeting), IDisposable> _subscriptions = new();

    public async Task SubscribeAsync(string connectionId, Guid meetingId, WorkspaceUser user)
    {
        var key = (connectionId, meetingId);
        if (_subscriptions.ContainsKey(key))
        {
            return;
        }
        var subscription = await feed.SubscribeAsync(meetingId, user, async change =>
        {
            await hub.Clients.Client(connectionId).MeetingChanged(
                new MeetingChangeMessage(change.MeetingId, change.Kind.ToString(), change.AgendaItemId, change.ActorId, change.ActorName,
                    change.Field, change.RemarkId));
            if (change.Kind == MeetingChangeKind.AccessEnded)
            {
                Unsubscribe(connectionId, meetingId);
                presence.Leave(connectionId);
            }
        });
        if (!_subscriptions.TryAdd(key, subscription))
        {
            subscription.Dispose();
        }
    }

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
