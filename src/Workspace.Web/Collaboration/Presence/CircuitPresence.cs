using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Workspace.Web.Collaboration.Presence;

/// <summary>
/// The presence of one browser tab (one Blazor circuit): the meeting page joins, components report where the user
/// looks and types, and the circuit's connection events hide the person at once when the tab closes or the network drops.
/// </summary>
public sealed class CircuitPresence(PresenceService presence) : CircuitHandler
{
    private readonly string _key = $"circuit-{Guid.NewGuid():N}";
    private Guid? _meetingId;

    public void Join(Guid meetingId, Guid personId, string name)
    {
        _meetingId = meetingId;
        presence.Join(_key, meetingId, personId, name);
    }

    public void Leave(Guid meetingId)
    {
        if (_meetingId == meetingId)
        {
            _meetingId = null;
            presence.Leave(_key);
        }
    }

    public void Viewing(Guid? itemId) => presence.Viewing(_key, itemId);

    public void Typing(Guid itemId, string field) => presence.Typing(_key, itemId, field);

    public void StoppedTyping() => presence.StoppedTyping(_key);

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        presence.Suspend(_key);
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        presence.Resume(_key);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        presence.Leave(_key);
        return Task.CompletedTask;
    }
}
