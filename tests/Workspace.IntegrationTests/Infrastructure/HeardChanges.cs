using System.Collections.Concurrent;
using Workspace.Web.Collaboration;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Infrastructure;

/// <summary>
/// The changes a meeting's subscribers hear, gathered for a test. The notifier tells them on the thread pool after the
/// publisher has returned (<c>DeliveryLane</c>), so a test waits for the change it expects; the changes of one meeting
/// are heard in the order they were published, so once a later one is heard the earlier ones are too.
/// </summary>
public sealed class HeardChanges : IDisposable
{
    private readonly ConcurrentQueue<MeetingChange> _heard = new();
    private readonly IDisposable _subscription;

    public HeardChanges(IMeetingNotifier notifier, Guid meetingId) =>
        _subscription = notifier.Subscribe(meetingId, change =>
        {
            _heard.Enqueue(change);
            return Task.CompletedTask;
        });

    /// <summary>Every change heard so far, in the order heard.</summary>
    public IReadOnlyList<MeetingChange> All => [.. _heard];

    /// <summary>The first change heard that matches; fails the test when none arrives within ten seconds.</summary>
    public async Task<MeetingChange> WaitForAsync(Func<MeetingChange, bool> match)
    {
        await Eventually.TrueAsync(() => _heard.Any(match), "The expected change was not heard.");
        return _heard.First(match);
    }

    public void Dispose() => _subscription.Dispose();
}
