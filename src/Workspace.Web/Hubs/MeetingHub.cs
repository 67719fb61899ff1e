using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Workspace.Web.Collaboration;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Collaboration.Presence;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Meetings;
using Workspace.Web.Features.Remarks;
using Workspace.Web.Features.Votes;

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

    /// <summary>What the client may do with a text it opened changed: read-only now, or no longer readable (it left the text).</summary>
    Task TextAccessChanged(TextAccessNotice notice);
}

/// <summary>A change as a hub client hears of it; <see cref="Field"/> names the text and <see cref="RemarkId"/> the remark, where one changed.</summary>
public sealed record MeetingChangeMessage(Guid MeetingId, string Kind, Guid? AgendaItemId, Guid? ActorId, string? ActorName,
    string? Field = null, Guid? RemarkId = null);

/// <summary>
/// The live meeting for clients that are not Blazor circuits: a room display, an integration, the benchmark.
/// Every method goes through the same feature services as the pages, so the same rights apply, and every message is
/// decided on the current rights (<see cref="LiveAccess"/>), not on those the connection had when it opened.
/// </summary>
[Authorize(Policy = WorkspacePolicies.WorkspaceUser, AuthenticationSchemes = CookieAuthenticationDefaults.AuthenticationScheme)]
public sealed class MeetingHub(
    MeetingService meetings,
    RemarkService remarks,
    PresenceService presence,
    HubMeetingSubscriptions subscriptions,
    ItemTexts texts,
    OpenTexts openTexts,
    LiveAccess access,
    TextDocumentService documents,
    PollService polls,
    Features.Hearings.HearingTexts hearingTexts) : Hub<IMeetingClient>
{
    private WorkspaceUser User => WorkspaceUser.From(Context.User!);

    /// <summary>Joins a meeting the user may read: returns it as the meeting page shows it, then pushes its changes.</summary>
    public async Task<MeetingDetails> JoinMeeting(Guid meetingId)
    {
        var meeting = await meetings.GetMeetingAsync(User, meetingId, Context.ConnectionAborted);
        await subscriptions.SubscribeAsync(Context.ConnectionId, meetingId, User);
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

    /// <summary>Who is on the meeting; where they look and type only on items the caller may read.</summary>
    public async Task<IReadOnlyList<PresencePerson>> GetPresence(Guid meetingId)
    {
        var reader = await access.ReaderAsync(User, meetingId, Context.ConnectionAborted);
        return reader.CanRead ? presence.Who(reader) : throw new NotFoundException();
    }

    public Task Viewing(Guid? agendaItemId) => presence.ViewingAsync(Context.ConnectionId, User, agendaItemId, Context.ConnectionAborted);

    public Task Typing(Guid agendaItemId, string field) => presence.TypingAsync(Context.ConnectionId, User, agendaItemId, field, Context.ConnectionAborted);

    public Task<RemarkView> AddRemark(Guid agendaItemId, string text) =>
        remarks.AddAsync(User, agendaItemId, new RemarkInput { Text = text }, Context.ConnectionAborted);

    /// <summary>Votes in an open poll (the same service and rights as the meeting page): only a member or stepping-in substitute present now.</summary>
    public Task<VoteReceipt> CastVote(Guid pollId, int choice) => polls.VoteAsync(User, pollId, choice, Context.ConnectionAborted);

    /// <summary>A poll as the caller may see it: progress while open, the result once closed.</summary>
    public Task<PollView> GetPoll(Guid pollId) => polls.PollAsync(User, pollId, Context.ConnectionAborted);

    /// <summary>The polls on the running meeting's current item.</summary>
    public Task<PollBoard> GetPolls(Guid meetingId) => polls.BoardAsync(User, meetingId, Context.ConnectionAborted);

    /// <summary>The chair's controls for a client that is not a page (a tablet app, the benchmark): the same service and rights.</summary>
    public Task<Guid> CreatePoll(Guid meetingId, PollInput input) => polls.CreateAsync(User, meetingId, input, Context.ConnectionAborted);

    public Task OpenPoll(Guid pollId) => polls.OpenAsync(User, pollId, Context.ConnectionAborted);

    public Task<PollView> ClosePoll(Guid pollId) => polls.CloseAsync(User, pollId, Context.ConnectionAborted);

    /// <summary>
    /// Opens a co-edited text of an item ("background", "decision", "minutes") and sends its operations from now on,
    /// for as long as the user may read it. The connection joins the text's group before the text is read, so no
    /// operation falls in between.
    /// </summary>
    public async Task<OpenTextResult> OpenText(Guid agendaItemId, string field)
    {
        if (field == "response")
        {
            // A hearing's joint response: the id is the hearing's (see Features/Hearings/HearingTexts).
            return await hearingTexts.OpenAsync(Context.ConnectionId, User, agendaItemId, Context.ConnectionAborted);
        }
        var text = ParseField(field);
        var rights = await texts.RightsAsync(User, agendaItemId, text, Context.ConnectionAborted);
        await openTexts.OpenedAsync(Context.ConnectionId, User, rights);
        try
        {
            // Reads the rights again: a change between the check above and joining the group is not missed.
            return await texts.OpenAsync(User, rights.MeetingId, agendaItemId, text, Context.ConnectionAborted);
        }
        catch
        {
            await openTexts.CloseAsync(Context.ConnectionId, rights.DocumentId);
            throw;
        }
    }

    /// <summary>Submits an operation made on <paramref name="baseRevision"/>; a repeat (same client and sequence number) changes nothing.</summary>
    public async Task<TextSubmitResult> SubmitText(string documentId, long baseRevision, TextOperation operation, string clientId, long clientSeq)
    {
        if (TextDocumentIds.TryParseHearingResponse(documentId, out _))
        {
            return await hearingTexts.SubmitAsync(Context.ConnectionId, User, documentId, baseRevision, operation, clientId, clientSeq, Context.ConnectionAborted);
        }
        var rights = await CurrentRightsAsync(documentId);
        return await texts.SubmitAsync(User, rights, baseRevision, operation, clientId, clientSeq, Context.ConnectionAborted);
    }

    /// <summary>The operations after a revision, for a client that missed some (after a reconnect).</summary>
    public async Task<IReadOnlyList<TextRevision>> TextSince(string documentId, long revision)
    {
        if (TextDocumentIds.TryParseHearingResponse(documentId, out _))
        {
            return await hearingTexts.SinceAsync(Context.ConnectionId, documentId, revision, Context.ConnectionAborted);
        }
        await CurrentRightsAsync(documentId);
        return await documents.OperationsSinceAsync(documentId, revision, Context.ConnectionAborted);
    }

    /// <summary>The rights on a text this connection opened, as they are now; a text it may no longer read is closed for it.</summary>
    private async Task<ItemTextRights> CurrentRightsAsync(string documentId)
    {
        var open = openTexts.Find(Context.ConnectionId, documentId) ?? throw new NotFoundException();
        var (canRead, canEdit) = await openTexts.CheckAsync(open, Context.ConnectionAborted);
        return canRead ? new ItemTextRights(open.MeetingId, open.ItemId, open.Text, canEdit) : throw new NotFoundException();
    }

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
        openTexts.Disconnected(Context.ConnectionId);
        hearingTexts.Disconnected(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
