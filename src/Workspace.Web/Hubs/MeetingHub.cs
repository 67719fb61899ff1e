using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Workspace.Web.Collaboration.CoEditing;
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

    /// <summary>
    /// Sequenced operations on a co-edited text the client opened, consecutive and oldest first (its own ones too: they
    /// are its acknowledgements).
    /// </summary>
    Task TextsChanged(IReadOnlyList<TextRevision> revisions);
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
    HubMeetingSubscriptions subscriptions,
    ItemTexts texts,
    TextDocumentService documents) : Hub<IMeetingClient>
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

    /// <summary>
    /// Opens a co-edited text of an item ("background", "decision", "minutes") and sends its operations from now on.
    /// The connection joins the text's group before the text is read, so no operation falls in between.
    /// </summary>
    public async Task<OpenTextResult> OpenText(Guid agendaItemId, string field)
    {
        var text = ParseField(field);
        var rights = await texts.RightsAsync(User, agendaItemId, text, Context.ConnectionAborted);
        var documentId = TextDocumentIds.ForItem(agendaItemId, text);
        await Groups.AddToGroupAsync(Context.ConnectionId, TextBroadcast.Group(documentId), Context.ConnectionAborted);
        var (opened, _) = await texts.OpenAsync(User, agendaItemId, text, Context.ConnectionAborted);
        Context.Items[documentId] = rights;
        return opened;
    }

    /// <summary>Submits an operation made on <paramref name="baseRevision"/>; a repeat (same client and sequence number) changes nothing.</summary>
    public Task<TextSubmitResult> SubmitText(string documentId, long baseRevision, TextOperation operation, string clientId, long clientSeq) =>
        Context.Items.TryGetValue(documentId, out var rights) && rights is ItemTextRights opened
            ? texts.SubmitAsync(User, opened, baseRevision, operation, clientId, clientSeq, Context.ConnectionAborted)
            : throw new NotFoundException();

    /// <summary>The operations after a revision, for a client that missed some (after a reconnect).</summary>
    public Task<IReadOnlyList<TextRevision>> TextSince(string documentId, long revision) =>
        Context.Items.ContainsKey(documentId)
            ? documents.OperationsSinceAsync(documentId, revision, Context.ConnectionAborted)
            : throw new NotFoundException();

    private static ItemText ParseField(string field) => field switch
    {
        "background" => ItemText.Background,
        "decision" => ItemText.Decision,
        "minutes" => ItemText.Minutes,
        _ => throw new NotFoundException(),
    };

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        subscriptions.UnsubscribeAll(Context.ConnectionId);
        presence.Leave(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
