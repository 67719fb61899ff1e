using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Workspace.Web.Features.Access;
using Workspace.Web.Hubs;

namespace Workspace.Web.Collaboration.CoEditing;

/// <summary>Why a client's access to an open text changed (sent with <see cref="TextAccessNotice"/>).</summary>
public static class TextAccessReasons
{
    /// <summary>The item became closed, and the reader does not see closed items.</summary>
    public const string ItemClosed = "item-closed";
    /// <summary>The meeting or its item is no longer theirs to read (membership ended, call-in withdrawn, item removed ...).</summary>
    public const string NoAccess = "no-access";
    public const string MeetingClosed = "meeting-closed";
    public const string MeetingCancelled = "meeting-cancelled";
    /// <summary>The reader may read the text but not change it.</summary>
    public const string ReadOnly = "read-only";
    /// <summary>The reader may change the text (again).</summary>
    public const string Editable = "editable";
}

/// <summary>What a client may do with a text it opened, now: sent when that changes.</summary>
public sealed record TextAccessNotice(string DocumentId, bool CanRead, bool CanEdit, string Reason);

/// <summary>
/// The texts this node's hub connections have open, with who opened them. Pushes of a text's operations go to a hub
/// group; before a push, and as soon as the rights at a meeting may have changed, the holders are checked against the
/// current rights (<see cref="LiveAccess"/>): one who may no longer read the text leaves its group at once and is told
/// why; one who may no longer change it is told it is read-only.
/// </summary>
public sealed class OpenTexts : IDisposable
{
    private readonly LiveAccess _access;
    private readonly IHubContext<MeetingHub, IMeetingClient> _hub;
    private readonly ILogger<OpenTexts> _logger;
    private readonly ConcurrentDictionary<(string Connection, string Document), OpenText> _open = new();
    // The meeting of every text opened on this node, so a push finds it without going through every open text.
    private readonly ConcurrentDictionary<string, Guid> _meetingOfText = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, Check> _checks = new();

    public OpenTexts(LiveAccess access, IHubContext<MeetingHub, IMeetingClient> hub, ILogger<OpenTexts> logger)
    {
        _access = access;
        _hub = hub;
        _logger = logger;
        access.Changed += OnAccessChanged;
    }

    public async Task OpenedAsync(string connectionId, WorkspaceUser user, ItemTextRights rights)
    {
        var documentId = TextDocumentIds.ForItem(rights.ItemId, rights.Text);
        // Joined before anything is read, so no operation falls in between; checked again by the caller after reading.
        _open[(connectionId, documentId)] = new OpenText(connectionId, user, rights.MeetingId, rights.ItemId, rights.Text, rights.CanEdit);
        _meetingOfText[documentId] = rights.MeetingId;
        await _hub.Groups.AddToGroupAsync(connectionId, TextBroadcast.Group(documentId));
    }

    public OpenText? Find(string connectionId, string documentId) => _open.GetValueOrDefault((connectionId, documentId));

    /// <summary>The connection no longer gets the text's operations (and is told why, unless it is gone).</summary>
    public async Task CloseAsync(string connectionId, string documentId, string? reason = null)
    {
        if (!_open.TryRemove((connectionId, documentId), out _))
        {
            return;
        }
        await _hub.Groups.RemoveFromGroupAsync(connectionId, TextBroadcast.Group(documentId));
        if (reason is not null)
        {
            await _hub.Clients.Client(connectionId).TextAccessChanged(new TextAccessNotice(documentId, false, false, reason));
        }
    }

    /// <summary>A closed connection's texts (SignalR drops its groups itself).</summary>
    public void Disconnected(string connectionId)
    {
        foreach (var key in _open.Keys.Where(k => k.Connection == connectionId))
        {
            _open.TryRemove(key, out _);
        }
    }

    /// <summary>
    /// Before a text's operations are pushed: when the rights at its meeting may have changed since its holders were
    /// last checked, they are checked now, so the push reaches only those who may read it in the current state.
    /// </summary>
    public Task EnsureCurrentAsync(string documentId) =>
        _meetingOfText.TryGetValue(documentId, out var meetingId) ? CheckMeetingAsync(meetingId) : Task.CompletedTask;

    /// <summary>What the holder may do with the text now, told to the client when it changed since the last check.</summary>
    public async Task<(bool CanRead, bool CanEdit)> CheckAsync(OpenText open, CancellationToken ct = default)
    {
        var reader = await _access.ReaderAsync(open.User, open.MeetingId, ct);
        if (!reader.CanReadItem(open.ItemId))
        {
            // Still a reader of the meeting who does not see closed items: the item was closed (or removed, told alike).
            var reason = reader.CanRead && !reader.Rights.CanSeeClosedItems ? TextAccessReasons.ItemClosed : TextAccessReasons.NoAccess;
            await CloseAsync(open.ConnectionId, open.DocumentId, reason);
            return (false, false);
        }
        var canEdit = reader.CanEditText(open.Text);
        if (canEdit != open.CanEdit && _open.TryUpdate((open.ConnectionId, open.DocumentId), open with { CanEdit = canEdit }, open))
        {
            var reason = canEdit ? TextAccessReasons.Editable : reader.Status switch
            {
                Data.Entities.MeetingStatus.Closed => TextAccessReasons.MeetingClosed,
                Data.Entities.MeetingStatus.Cancelled => TextAccessReasons.MeetingCancelled,
                _ => TextAccessReasons.ReadOnly,
            };
            await _hub.Clients.Client(open.ConnectionId).TextAccessChanged(new TextAccessNotice(open.DocumentId, true, canEdit, reason));
        }
        return (true, canEdit);
    }

    public void Dispose() => _access.Changed -= OnAccessChanged;

    private void OnAccessChanged(Guid? meetingId)
    {
        var meetings = meetingId is { } one ? [one] : _open.Values.Select(o => o.MeetingId).Distinct().ToList();
        foreach (var meeting in meetings)
        {
            _ = CheckMeetingInBackgroundAsync(meeting);
        }
    }

    private async Task CheckMeetingInBackgroundAsync(Guid meetingId)
    {
        try
        {
            await CheckMeetingAsync(meetingId);
        }
        catch (Exception ex)
        {
            // The next push or message checks again.
            _logger.LogWarning(ex, "Could not check the open texts of meeting {MeetingId} against the current rights", meetingId);
        }
    }

    /// <summary>Checks every holder of the meeting's texts once per version of its rights; callers at the same version share the check.</summary>
    private Task CheckMeetingAsync(Guid meetingId)
    {
        var version = _access.Version(meetingId);
        while (true)
        {
            if (_checks.TryGetValue(meetingId, out var existing) && existing.Version == version && !existing.Task.IsFaulted)
            {
                return existing.Task;
            }
            var check = new Check(version, new Lazy<Task>(() => CheckHoldersAsync(meetingId)));
            var added = existing is null ? _checks.TryAdd(meetingId, check) : _checks.TryUpdate(meetingId, check, existing);
            if (added)
            {
                return check.Task;
            }
        }
    }

    private async Task CheckHoldersAsync(Guid meetingId)
    {
        await Task.Yield();
        foreach (var open in _open.Values.Where(o => o.MeetingId == meetingId).ToList())
        {
            await CheckAsync(open);
        }
    }

    public sealed record OpenText(string ConnectionId, WorkspaceUser User, Guid MeetingId, Guid ItemId, ItemText Text, bool CanEdit)
    {
        public string DocumentId { get; } = TextDocumentIds.ForItem(ItemId, Text);
    }

    private sealed record Check((long Epoch, long Generation) Version, Lazy<Task> Lazy)
    {
        public Task Task => Lazy.Value;
    }
}
