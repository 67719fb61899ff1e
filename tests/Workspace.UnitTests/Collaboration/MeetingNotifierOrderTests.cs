using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Workspace.Web.Collaboration;

namespace Workspace.UnitTests.Collaboration;

/// <summary>
/// Subscribers hear a change in the order they subscribed, the room screen before every open page; on the thread pool, so
/// the publisher waits for none of them; and each subscriber its changes in the order they came.
/// </summary>
public sealed class MeetingNotifierOrderTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_subscriber_that_asks_to_be_first_hears_a_change_before_those_that_subscribed_earlier()
    {
        // Arrange: two pages open, then the room screen
        using var notifier = new MeetingNotifier(new SingleNodeBus(), NullLogger<MeetingNotifier>.Instance);
        var meeting = Guid.NewGuid();
        var heard = new ConcurrentQueue<string>();
        var allHeard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<MeetingChange, Task> Listener(string who) => _ =>
        {
            heard.Enqueue(who);
            if (heard.Count == 4)
            {
                allHeard.TrySetResult();
            }
            return Task.CompletedTask;
        };
        using var page1 = notifier.Subscribe(meeting, Listener("page 1"));
        using var page2 = notifier.Subscribe(meeting, Listener("page 2"));
        using var screen = notifier.Subscribe(meeting, Listener("screen"), first: true);
        using var page3 = notifier.Subscribe(meeting, Listener("page 3"));

        // Act
        notifier.Publish(new MeetingChange(meeting, MeetingChangeKind.RunChanged, Guid.NewGuid(), null, null));

        // Assert
        await allHeard.Task.WaitAsync(Wait, Ct);
        Assert.Equal(["screen", "page 1", "page 2", "page 3"], heard);
    }

    [Fact]
    public async Task The_publisher_does_not_wait_for_its_subscribers()
    {
        // Arrange: a page busy with a synchronous read (as SQLite's are) when the change comes
        using var notifier = new MeetingNotifier(new SingleNodeBus(), NullLogger<MeetingNotifier>.Instance);
        var meeting = Guid.NewGuid();
        using var reading = new ManualResetEventSlim();
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var page = notifier.Subscribe(meeting, _ =>
        {
            heard.TrySetResult();
            reading.Wait(Wait);
            return Task.CompletedTask;
        });

        try
        {
            // Act: published from a thread of its own, as a hub call is
            var published = Task.Run(() => notifier.Publish(new MeetingChange(meeting, MeetingChangeKind.RemarkAdded, Guid.NewGuid(), null, null)), Ct);

            // Assert: the publisher is done while the page is still reading
            await published.WaitAsync(TimeSpan.FromSeconds(2), Ct);
            await heard.Task.WaitAsync(TimeSpan.FromSeconds(2), Ct);
            Assert.False(reading.IsSet);
        }
        finally
        {
            reading.Set();
        }
    }

    [Fact]
    public async Task A_subscriber_is_told_its_changes_in_the_order_they_came_even_while_it_still_works_on_the_first()
    {
        // Arrange: a page that notes each change as it is told (as InvokeAsync queues it) and then works a while on a remark
        using var notifier = new MeetingNotifier(new SingleNodeBus(), NullLogger<MeetingNotifier>.Instance);
        var meeting = Guid.NewGuid();
        var told = new ConcurrentQueue<MeetingChangeKind>();
        var allTold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var page = notifier.Subscribe(meeting, async change =>
        {
            told.Enqueue(change.Kind);
            if (told.Count == 3)
            {
                allTold.TrySetResult();
            }
            if (change.Kind == MeetingChangeKind.RemarkAdded)
            {
                await Task.Delay(200, Ct);
            }
        });

        // Act: three changes from three threads, one after the other
        foreach (var kind in new[] { MeetingChangeKind.RemarkAdded, MeetingChangeKind.TextChanged, MeetingChangeKind.RunChanged })
        {
            await Task.Run(() => notifier.Publish(new MeetingChange(meeting, kind, Guid.NewGuid(), null, null)), Ct);
        }

        // Assert
        await allTold.Task.WaitAsync(Wait, Ct);
        Assert.Equal([MeetingChangeKind.RemarkAdded, MeetingChangeKind.TextChanged, MeetingChangeKind.RunChanged], told);
    }

    [Fact]
    public async Task A_page_closed_while_earlier_changes_are_told_is_not_told_the_later_ones()
    {
        // Arrange: the room screen still busy with the first change when the second comes and a page closes
        using var notifier = new MeetingNotifier(new SingleNodeBus(), NullLogger<MeetingNotifier>.Instance);
        var meeting = Guid.NewGuid();
        using var busy = new ManualResetEventSlim();
        var screenHeard = new ConcurrentQueue<MeetingChangeKind>();
        var pageHeard = new ConcurrentQueue<MeetingChangeKind>();
        var screenBusy = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var screenHeardBoth = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var screen = notifier.Subscribe(meeting, change =>
        {
            screenHeard.Enqueue(change.Kind);
            if (change.Kind == MeetingChangeKind.RemarkAdded)
            {
                screenBusy.TrySetResult();
                busy.Wait(Wait, Ct);
            }
            else
            {
                screenHeardBoth.TrySetResult();
            }
            return Task.CompletedTask;
        }, first: true);
        var page = notifier.Subscribe(meeting, change =>
        {
            pageHeard.Enqueue(change.Kind);
            return Task.CompletedTask;
        });

        // Act
        notifier.Publish(new MeetingChange(meeting, MeetingChangeKind.RemarkAdded, Guid.NewGuid(), null, null));
        await screenBusy.Task.WaitAsync(Wait, Ct);
        notifier.Publish(new MeetingChange(meeting, MeetingChangeKind.RunChanged, Guid.NewGuid(), null, null));
        page.Dispose();
        busy.Set();

        // Assert
        await screenHeardBoth.Task.WaitAsync(Wait, Ct);
        Assert.Equal([MeetingChangeKind.RemarkAdded, MeetingChangeKind.RunChanged], screenHeard);
        Assert.Equal([MeetingChangeKind.RemarkAdded], pageHeard);
    }
}
