using Microsoft.AspNetCore.Components.Server.Circuits;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Collaboration.Presence;

/// <summary>
/// The presence of one browser tab (one Blazor circuit): the meeting page joins, components report where the user
/// looks and types, and the circuit's connection events hide the person at once when the tab closes or the network drops.
/// </summary>
public sealed class CircuitPresence(PresenceService presence) : CircuitHandler
{
    private readonly string _key = $"circuit-{Guid.NewGuid():N}";
    private Guid? _meetingId;
    private WorkspaceUser _user = WorkspaceUser.Anonymous;

    public void Join(Guid meetingId, WorkspaceUser user)
    {
        if (user.PersonId is not { } personId)
        {
            return;
        }
        (_meetingId, _user) = (meetingId, user);
        presence.Join(_key, meetingId, personId, user.Name);
    }

    public void Leave(Guid meetingId)
    {
        if (_meetingId == meetingId)
        {
            _meetingId = null;
            presence.Leave(_key);
        }
    }

    /// <summary>Where the user looks; an item they may not read (the id comes from the browser) is not shown.</summary>
    public Task ViewingAsync(Guid? itemId) => IgnoringRefusalsAsync(presence.ViewingAsync(_key, _user, itemId));

    public Task TypingAsync(Guid itemId, string field) => IgnoringRefusalsAsync(presence.TypingAsync(_key, _user, itemId, field));

    private static async Task IgnoringRefusalsAsync(Task report)
    {
        try
        {
            await report;
        }
        catch (Exception ex) when (ex is NotFoundException or InputValidationException)
        {
            // Refused by the rules (an item of another meeting or closed to the user): presence shows nothing of it.
        }
    }

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
