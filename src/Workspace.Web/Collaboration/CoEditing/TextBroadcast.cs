using Microsoft.AspNetCore.SignalR;
using Workspace.Web.Hubs;

namespace Workspace.Web.Collaboration.CoEditing;

/// <summary>Hears of every batch of operations this node stored on one text, in revision order.</summary>
public interface ITextCommitListener
{
    Task CommittedAsync(IReadOnlyList<TextRevision> revisions);
}

/// <summary>
/// Sends stored operations to the clients of the text: this node's through its hub group, the other nodes' through the
/// cluster bus. A batch goes out as one message, so a hundred authors typing at once cost one message per recipient
/// per stored batch, not one per keystroke.
/// </summary>
public sealed class TextBroadcast : ITextCommitListener, IDisposable
{
    private const string Topic = "text-operations";
    private readonly IHubContext<MeetingHub, IMeetingClient> _hub;
    private readonly IClusterBus _bus;
    private readonly IDisposable _fromOtherNodes;

    public TextBroadcast(IHubContext<MeetingHub, IMeetingClient> hub, IClusterBus bus)
    {
        _hub = hub;
        _bus = bus;
        _fromOtherNodes = bus.Subscribe<TextRevision[]>(Topic, revisions => _ = SendToClientsAsync(revisions));
    }

    public static string Group(string documentId) => "text:" + documentId;

    public async Task CommittedAsync(IReadOnlyList<TextRevision> revisions)
    {
        if (revisions.Count == 0)
        {
            return;
        }
        _bus.Publish(Topic, revisions.ToArray());
        await SendToClientsAsync(revisions);
    }

    private Task SendToClientsAsync(IReadOnlyList<TextRevision> revisions) =>
        _hub.Clients.Group(Group(revisions[0].DocumentId)).TextsChanged(revisions);

    public void Dispose() => _fromOtherNodes.Dispose();
}
