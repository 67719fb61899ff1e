using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Workspace.Web.Collaboration.Presence;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Meetings;
using Workspace.Web.Features.Remarks;

namespace Workspace.Web.Hubs;

/// <summary>What the hub pushes to its clients.</summary>
public interface IMeetingClient
{
    /// <summary>Something changed at a meeting the client joined (agenda, status, remarks, attendance, presence ...).</summary>
    Task MeetingChanged(MeetingChangeMessage change);
}

public sealed record MeetingChangeMessage(Guid MeetingId, string Kind, Guid? AgendaItemId, Guid? ActorId, string? ActorName);

/// <summary>
/// The live meeting for clients that are not Blazor circuits: a room display, an integration, the benchmark.
/// Every method goes through the same feature services as the pages, so the same rights apply.
/// </summary>
[Authorize(Policy = WorkspacePolicies.WorkspaceUser, AuthenticationSchemes = CookieAuthenticationDefaults.AuthenticationScheme)]
public sealed class MeetingHub(
    MeetingService meetings,
    RemarkService remarks,
    PresenceService presence,
    HubMeetingSubscriptions subscriptions) : Hub<IMeetingClient>
{
    private WorkspaceUser User => WorkspaceUser.From(Context.User!);

    /// <summary>Joins a meeting the user may read: returns it as the meeting page shows it, then pushes its changes.</summary>
    public async Task<MeetingDetails> JoinMeeting(Guid meetingId)
    {
        var meeting = await meetings.GetMeetingAsync(User, meetingId, Context.ConnectionAborted);
        subscriptions.Subscribe(Context.ConnectionId, meetingId);
        if (User.PersonId is { } personId)
        {
            presence.Join(Context.ConnectionId, meetingId, personId, User.Name);
        }
        return meeting;
    }

    public Task LeaveMeeting(Guid meetingId)
    {
        subscriptions.Unsubscribe(Context.ConnectionId, meetingId);
        presence.Leave(Context.ConnectionId);
        return Task.CompletedTask;
    }

    /// <summary>The meeting again, e.g. after a reconnect or a change notice.</summary>
    public Task<MeetingDetails> GetMeeting(Guid meetingId) => meetings.GetMeetingAsync(User, meetingId, Context.ConnectionAborted);

    public async Task<IReadOnlyList<PresencePerson>> GetPresence(Guid meetingId)
    {
        await meetings.GetMeetingAsync(User, meetingId, Context.ConnectionAborted);
        return presence.Who(meetingId);
    }

    public void Viewing(Guid? agendaItemId) => presence.Viewing(Context.ConnectionId, agendaItemId);

    public void Typing(Guid agendaItemId, string field) => presence.Typing(Context.ConnectionId, agendaItemId, field);

    public Task<RemarkView> AddRemark(Guid agendaItemId, string text) =>
        remarks.AddAsync(User, agendaItemId, new RemarkInput { Text = text }, Context.ConnectionAborted);

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        subscriptions.UnsubscribeAll(Context.ConnectionId);
        presence.Leave(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
