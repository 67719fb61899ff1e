using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Localization;
using MudBlazor;
using Workspace.Data.Entities;
using Workspace.Web.Collaboration;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Access;
using Workspace.Web.Resources;

namespace Workspace.Web.Features.Speakers;

public sealed partial class SpeakersPanel : IAsyncDisposable
{
    [Inject]
    private SpeakerListService Speakers { get; set; } = default!;

    [Inject]
    private MeetingFeed Feed { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The running meeting; the panel shows the list of the item it is at.</summary>
    [Parameter, EditorRequired]
    public Guid MeetingId { get; set; }

    /// <summary>The meeting's status: while it runs the panel is the live list, once held the record of who spoke.</summary>
    [Parameter, EditorRequired]
    public MeetingStatus Status { get; set; }

    private WorkspaceUser _user = WorkspaceUser.Anonymous;
    private SpeakerListView? _list;
    private ValueList<SpeakerRecordItem> _record = ValueList<SpeakerRecordItem>.Empty;
    private string _announcement = "";
    private AttendanceChannel _channel = AttendanceChannel.Online;
    private IDisposable? _subscription;
    private Guid _subscribedTo;
    private readonly SemaphoreSlim _loading = new(1, 1);

    protected override async Task OnParametersSetAsync()
    {
        _user = WorkspaceUser.From((await AuthenticationState).User);
        if (Status == MeetingStatus.Held)
        {
            _subscription?.Dispose();
            (_subscription, _subscribedTo, _list) = (null, Guid.Empty, null);
            try
            {
                _record = await Speakers.RecordAsync(_user, MeetingId);
            }
            catch (NotFoundException)
            {
                _record = ValueList<SpeakerRecordItem>.Empty;
            }
            return;
        }
        if (_subscribedTo != MeetingId)
        {
            _subscription?.Dispose();
            _subscribedTo = MeetingId;
            _list = null;
            _subscription = await Feed.SubscribeAsync(MeetingId, _user, OnChangeAsync);
        }
        await ReloadAsync(announce: false);
    }

    private Task OnChangeAsync(MeetingChange change) => change.Kind switch
    {
        MeetingChangeKind.SpeakersChanged or MeetingChangeKind.RunChanged or MeetingChangeKind.MeetingChanged or MeetingChangeKind.AgendaChanged
            or MeetingChangeKind.AttendanceChanged or MeetingChangeKind.AccessChanged or MeetingChangeKind.Resync or MeetingChangeKind.AccessEnded
            => InvokeAsync(async () =>
            {
                if (await ReloadAsync(announce: true, change))
                {
                    StateHasChanged();
                }
            }),
        _ => Task.CompletedTask,
    };

    /// <summary>
    /// Reads the list again (after another's change, the read this node's pages share); false when nothing shown changed.
    /// Changes one at a time, in the order they came.
    /// </summary>
    private async Task<bool> ReloadAsync(bool announce, MeetingChange? change = null)
    {
        await _loading.WaitAsync();
        try
        {
            SpeakerListView? fresh;
            try
            {
                fresh = change is null ? await Speakers.CurrentAsync(_user, MeetingId) : await Speakers.CurrentAfterAsync(change, _user);
            }
            catch (NotFoundException)
            {
                fresh = null;
            }
            if (Equals(fresh, _list))
            {
                return false;
            }
            if (announce && SpeakerAnnouncement.Between(_list, fresh, L) is { Length: > 0 } said)
            {
                _announcement = said;
            }
            _list = fresh;
            return true;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>After an action of the chair's controls: read again and say what changed.</summary>
    private async Task ChangedHereAsync()
    {
        await ReloadAsync(announce: true);
        StateHasChanged();
    }

    /// <summary>Runs the viewer's own action; a refusal is said in Danish and the list is read again, so nothing shown is stale.</summary>
    private async Task RunAsync(Func<WorkspaceUser, Task> action)
    {
        try
        {
            await action(_user);
        }
        catch (InputValidationException ex)
        {
            Snackbar.Add(L[ex.Errors[0].MessageKey], Severity.Warning);
        }
        catch (ConcurrencyConflictException)
        {
            Snackbar.Add(L["Speakers.Conflict"], Severity.Warning);
        }
        catch (Exception ex) when (ex is AccessDeniedException or NotFoundException)
        {
            Snackbar.Add(L["Form.NotAllowed"], Severity.Error);
        }
        await ReloadAsync(announce: true);
    }

    /// <summary>Whom a reply would answer now: the one speaking, else the last who spoke; never oneself.</summary>
    private static SpeakerEntry? ReplyTarget(SpeakerListView list)
    {
        var target = list.Speaking ?? list.Spoken.LastOrDefault();
        return target is not null && target.PersonId != list.MyPersonId ? target : null;
    }

    public ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        _loading.Dispose();
        return ValueTask.CompletedTask;
    }
}
