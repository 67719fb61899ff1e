using Workspace.Web.Collaboration;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.FollowUps;

/// <summary>
/// The follow-ups of the meeting a circuit shows, read once for all its cards (one query when the page opens, not one
/// per item) and again when the meeting page hears <see cref="MeetingChangeKind.FollowUpsChanged"/> through its feed,
/// which has already dropped news of items the viewer may not see. Each card's component listens to <see cref="Changed"/>.
/// </summary>
public sealed class FollowUpBoard(FollowUpService followUps)
{
    private Guid _meetingId;
    private WorkspaceUser _user = WorkspaceUser.Anonymous;
    private Task<MeetingFollowUps>? _current;

    /// <summary>Raised (in the circuit) after the follow-ups were read again.</summary>
    public event Func<Task>? Changed;

    /// <summary>The meeting page says which meeting it shows, and to whom, before its cards ask.</summary>
    public void Show(Guid meetingId, WorkspaceUser user)
    {
        if (_meetingId != meetingId || _user != user)
        {
            (_meetingId, _user, _current) = (meetingId, user, null);
        }
    }

    /// <summary>The shown meeting's follow-ups, read on the first ask.</summary>
    public Task<MeetingFollowUps> CurrentAsync()
    {
        if (_meetingId == Guid.Empty)
        {
            return Task.FromResult(MeetingFollowUps.Empty(Guid.Empty));
        }
        if (_current is null || _current.IsFaulted)
        {
            _current = ReadAsync(_user, _meetingId);
        }
        return _current;
    }

    /// <summary>Reads again after a change, or after the viewer changed the follow-ups themselves, and tells the cards.</summary>
    public async Task RefreshAsync()
    {
        if (_meetingId == Guid.Empty)
        {
            return;
        }
        _current = ReadAsync(_user, _meetingId);
        await _current;
        if (Changed is { } changed)
        {
            foreach (var handler in changed.GetInvocationList().Cast<Func<Task>>())
            {
                await handler();
            }
        }
    }

    private async Task<MeetingFollowUps> ReadAsync(WorkspaceUser user, Guid meetingId)
    {
        try
        {
            var read = await followUps.ForMeetingAsync(user, meetingId);
            // Every open page of the meeting reads the same follow-ups: keep one instance of each for all of them.
            return read with
            {
                Items = SharedInstances.Each(read.Items),
                StatusList = read.StatusList is { } list
                    ? list with { Open = SharedInstances.Each(list.Open), EndedSinceLastMeeting = SharedInstances.Each(list.EndedSinceLastMeeting) }
                    : null,
            };
        }
        catch (NotFoundException)
        {
            return MeetingFollowUps.Empty(meetingId);
        }
    }
}
