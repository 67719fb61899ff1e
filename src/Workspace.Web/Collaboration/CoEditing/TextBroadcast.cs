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
/// per stored batch, not one per keystroke. Before a push, the group's members are checked against the current rights
/// where those may have changed (<see cref="OpenTexts.EnsureCurrentAsync"/>).
/// </summary>
public sealed class TextBroadcast : ITextCommitListener, IDisposable
{
    private const string Topic = "text-operations";
    private readonly IHubContext<MeetingHub, IMeetingClient> _hub;
    private readonly IClusterBus _bus;
    private readonly OpenTexts _openTexts;
    private readonly ILogger<TextBroadcast> _logger;
    private readonly IDisposable _fromOtherNodes;

    public TextBroadcast(IHubContext<MeetingHub, IMeetingClient> hub, IClusterBus bus, OpenTexts openTexts, ILogger<TextBroadcast> logger)
    {
        _hub = hub;
        _bus = bus;
        _openTexts = openTexts;
        _logger = logger;
        _fromOtherNodes = bus.Subscribe<TextRevision[]>(Topic, revisions => _ = SendFromOtherNodeAsync(revisions));
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

    private async Task SendToClientsAsync(IReadOnlyList<TextRevision> revisions)
    {
        await _openTexts.EnsureCurrentAsync(revisions[0].DocumentId);
        await _hub.Clients.Group(Group(revisions[0].DocumentId)).TextsChanged(revisions);
    }

    /// <summary>Nobody awaits a message from the bus: a failure (the rights check's database read) is logged, and clients fetch what they missed with TextSince.</summary>
    private async Task SendFromOtherNodeAsync(IReadOnlyList<TextRevision> revisions)
    {
        try
        {
            await SendToClientsAsync(revisions);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Could not send {Count} operations stored by another node to this node's clients", revisions.Count);
        }
    }

    public void Dispose() => _fromOtherNodes.Dispose();
}
