using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace Workspace.Web.Collaboration;

public enum MeetingChangeKind
{
    MeetingChanged,
    AgendaChanged,
    RemarkAdded,
    RemarkChanged,
    RemarkDeleted,
    AttendanceChanged,
}

/// <summary>Something changed at a meeting; subscribers reload what they show.</summary>
public sealed record MeetingChange(Guid MeetingId, MeetingChangeKind Kind, Guid? AgendaItemId, Guid? ActorId, string? ActorName);

/// <summary>
/// Tells everyone looking at a meeting that it changed. Components subscribe when they show a meeting
/// and dispose the subscription when they go (eShop's OrderStatusNotificationService pattern).
/// </summary>
public interface IMeetingNotifier
{
    IDisposable Subscribe(Guid meetingId, Func<MeetingChange, Task> onChange);

    /// <summary>Hands the change to every subscriber without waiting for them: one slow circuit never blocks another.</summary>
    void Publish(MeetingChange change);
}

public sealed class InProcessMeetingNotifier(ILogger<InProcessMeetingNotifier> logger) : IMeetingNotifier
{
    private readonly ConcurrentDictionary<Guid, ImmutableList<Func<MeetingChange, Task>>> _subscribers = new();

    public IDisposable Subscribe(Guid meetingId, Func<MeetingChange, Task> onChange)
    {
        _subscribers.AddOrUpdate(meetingId, _ => [onChange], (_, list) => list.Add(onChange));
        return new Subscription(() => _subscribers.AddOrUpdate(meetingId, _ => [], (_, list) => list.Remove(onChange)));
    }

    public void Publish(MeetingChange change)
    {
        if (!_subscribers.TryGetValue(change.MeetingId, out var handlers))
        {
            return;
        }
        foreach (var handler in handlers)
        {
            _ = NotifyAsync(handler, change);
        }
    }

    private async Task NotifyAsync(Func<MeetingChange, Task> handler, MeetingChange change)
    {
        try
        {
            await handler(change);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "A subscriber of meeting {MeetingId} failed to handle {Kind}", change.MeetingId, change.Kind);
        }
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                unsubscribe();
            }
        }
    }
}
