using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Workspace.Web.Collaboration;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Features.Access;
using Workspace.Web.Hubs;

namespace Workspace.Web.Features.Hearings;

/// <summary>
/// The co-edited response of a hearing (<c>hearing:{id}:response</c>) over <c>/hubs/meeting</c>, with the same engine
/// and bridge as item texts. Who may follow it: everyone who reads the hearing; who may change it: the administration
/// and the chair while it is open or drafted (<see cref="HearingRights.CanEditResponse"/>). The rights are read again on
/// every submission and fetch, and the holders are checked again whenever the council's memberships change
/// (<see cref="LiveAccess.Changed"/>), so one who lost the council leaves the text's group at once.
/// </summary>
public sealed class HearingTexts : IDisposable
{
    private readonly HearingService _hearings;
    private readonly TextDocumentService _documents;
    private readonly IHubContext<MeetingHub, IMeetingClient> _hub;
    private readonly LiveAccess _access;
    private readonly ILogger<HearingTexts> _logger;
    private readonly ConcurrentDictionary<(string Connection, string Document), Holder> _open = new();
    private readonly ConcurrentDictionary<Guid, byte> _readersToTell = new();
    private readonly HearingNotifier _notifier;

    /// <summary>Readers of the hearing page hear of the text at most this often while it is being written.</summary>
    private static readonly TimeSpan ReaderUpdateDelay = TimeSpan.FromMilliseconds(700);

    public HearingTexts(HearingService hearings, TextDocumentService documents, IHubContext<MeetingHub, IMeetingClient> hub, LiveAccess access,
        HearingNotifier notifier, ILogger<HearingTexts> logger)
    {
        _notifier = notifier;
        _hearings = hearings;
        _documents = documents;
        _hub = hub;
        _access = access;
        _logger = logger;
        access.Changed += OnAccessChanged;
    }

    public async Task<OpenTextResult> OpenAsync(string connectionId, WorkspaceUser user, Guid hearingId, CancellationToken ct)
    {
        var documentId = TextDocumentIds.ForHearingResponse(hearingId);
        var (status, rights) = await _hearings.ResponseAccessAsync(user, hearingId, ct);
        var canEdit = rights.CanEditResponse(status);
        // Joined before the text is read, so no operation falls in between.
        _open[(connectionId, documentId)] = new Holder(connectionId, user, hearingId, canEdit);
        await _hub.Groups.AddToGroupAsync(connectionId, TextBroadcast.Group(documentId), ct);
        var snapshot = await _documents.GetAsync(documentId, "", ct);
        return new OpenTextResult(documentId, snapshot.Text, snapshot.Revision, canEdit);
    }

    public async Task<TextSubmitResult> SubmitAsync(string connectionId, WorkspaceUser user, string documentId, long baseRevision, TextOperation operation,
        string clientId, long clientSeq, CancellationToken ct)
    {
        var holder = _open.GetValueOrDefault((connectionId, documentId)) ?? throw new NotFoundException();
        var canEdit = await CheckAsync(holder, ct) ?? throw new NotFoundException();
        if (!canEdit || user.PersonId is not { } personId)
        {
            throw new AccessDeniedException();
        }
        var result = await _documents.SubmitAsync(documentId, baseRevision, operation, personId, clientId, clientSeq, ct);
        if (!result.Repeated)
        {
            TellReaders(holder.HearingId);
        }
        return result;
    }

    /// <summary>
    /// The hearing page's readers see the passages and which remarks are used: they read the hearing again once a burst
    /// of typing has settled for a moment, not on every keystroke.
    /// </summary>
    private void TellReaders(Guid hearingId)
    {
        if (!_readersToTell.TryAdd(hearingId, 0))
        {
            return;
        }
        _ = Task.Delay(ReaderUpdateDelay).ContinueWith(_ =>
        {
            _readersToTell.TryRemove(hearingId, out byte _);
            _notifier.Publish(new HearingChange(hearingId, null, null, false));
        }, TaskScheduler.Default);
    }

    public async Task<IReadOnlyList<TextRevision>> SinceAsync(string connectionId, string documentId, long revision, CancellationToken ct)
    {
        var holder = _open.GetValueOrDefault((connectionId, documentId)) ?? throw new NotFoundException();
        _ = await CheckAsync(holder, ct) ?? throw new NotFoundException();
        return await _documents.OperationsSinceAsync(documentId, revision, ct);
    }

    public void Disconnected(string connectionId)
    {
        foreach (var key in _open.Keys.Where(k => k.Connection == connectionId))
        {
            _open.TryRemove(key, out _);
        }
    }

    public void Dispose() => _access.Changed -= OnAccessChanged;

    /// <summary>Null when the holder may no longer read the hearing (then it has left the group and been told); else whether it may edit.</summary>
    private async Task<bool?> CheckAsync(Holder holder, CancellationToken ct)
    {
        var documentId = TextDocumentIds.ForHearingResponse(holder.HearingId);
        bool canEdit;
        try
        {
            var (status, rights) = await _hearings.ResponseAccessAsync(holder.User, holder.HearingId, ct);
            canEdit = rights.CanEditResponse(status);
        }
        catch (NotFoundException)
        {
            if (_open.TryRemove((holder.ConnectionId, documentId), out _))
            {
                await _hub.Groups.RemoveFromGroupAsync(holder.ConnectionId, TextBroadcast.Group(documentId), ct);
                await _hub.Clients.Client(holder.ConnectionId).TextAccessChanged(new TextAccessNotice(documentId, false, false, TextAccessReasons.NoAccess));
            }
            return null;
        }
        if (canEdit != holder.CanEdit && _open.TryUpdate((holder.ConnectionId, documentId), holder with { CanEdit = canEdit }, holder))
        {
            await _hub.Clients.Client(holder.ConnectionId).TextAccessChanged(new TextAccessNotice(documentId, true, canEdit,
                canEdit ? TextAccessReasons.Editable : TextAccessReasons.ReadOnly));
        }
        return canEdit;
    }

    /// <summary>The hearing's state changed (e.g. sent for approval): its holders learn at once whether they may still write.</summary>
    public void HearingChanged(Guid hearingId) => _ = CheckHoldersAsync(h => h.HearingId == hearingId);

    private void OnAccessChanged(Guid? meetingId) => _ = CheckHoldersAsync(_ => true);

    private async Task CheckHoldersAsync(Func<Holder, bool> which)
    {
        try
        {
            await Task.Yield();
            foreach (var holder in _open.Values.Where(which).ToList())
            {
                await CheckAsync(holder, CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
            // The next message checks again.
            _logger.LogWarning(ex, "Could not check the open hearing responses against the current rights");
        }
    }

    private sealed record Holder(string ConnectionId, WorkspaceUser User, Guid HearingId, bool CanEdit);
}
