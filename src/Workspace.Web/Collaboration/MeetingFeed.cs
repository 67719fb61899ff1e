using Workspace.Web.Features.Access;

namespace Workspace.Web.Collaboration;

/// <summary>
/// A meeting's changes as one viewer may hear of them: the feed of the meeting page's circuit and of every hub
/// connection. Each change is checked against the viewer's current rights when it arrives (<see cref="LiveAccess"/>):
/// news of an item the viewer cannot read (a remark on a closed item, with its writer's name) is not told; a change to
/// such an item's place on the agenda is told without the item; a viewer who lost the meeting hears once that access
/// ended and nothing after that, until they may read it again.
/// </summary>
public sealed class MeetingFeed(IMeetingNotifier notifier, LiveAccess access)
{
    /// <summary>
    /// Subscribes the viewer. Their rights are read first, so that the first change costs no read of its own (a
    /// hundred open tabs of one person share that read, and the next changes cost none while the rights stand).
    /// </summary>
    public async Task<IDisposable> SubscribeAsync(Guid meetingId, WorkspaceUser viewer, Func<MeetingChange, Task> onChange)
    {
        await access.ReaderAsync(viewer, meetingId);
        return Subscribe(meetingId, viewer, onChange);
    }

    private IDisposable Subscribe(Guid meetingId, WorkspaceUser viewer, Func<MeetingChange, Task> onChange)
    {
        var lostAccess = false;
        return notifier.Subscribe(meetingId, async change =>
        {
            if (change.Kind is MeetingChangeKind.PresenceChanged or MeetingChangeKind.Resync)
            {
                // Presence carries nobody's data (receivers ask for it with their rights); a resync asks for a reload.
                await onChange(change);
                return;
            }
            var reader = await access.ReaderAsync(viewer, meetingId);
            if (!reader.CanRead)
            {
                if (!lostAccess)
                {
                    lostAccess = true;
                    await onChange(new MeetingChange(meetingId, MeetingChangeKind.AccessEnded, null, null, null));
                }
                return;
            }
            lostAccess = false;
            if (For(reader, change) is { } seen)
            {
                await onChange(seen);
            }
        });
    }

    /// <summary>The change as the reader may see it, or null when it is none of their business.</summary>
    private static MeetingChange? For(MeetingReader reader, MeetingChange change)
    {
        if (!reader.CanRead)
        {
            return null;
        }
        if (change.AgendaItemId is not { } itemId || reader.CanReadItem(itemId))
        {
            return change;
        }
        // An item the reader cannot see (closed, or just closed): its agenda may have moved, or the meeting moved on to it;
        // nothing else is theirs.
        return change.Kind is MeetingChangeKind.AgendaChanged or MeetingChangeKind.MeetingChanged or MeetingChangeKind.RunChanged
            ? change with { AgendaItemId = null }
            : null;
    }
}
