using Microsoft.Extensions.Logging.Abstractions;
using Workspace.Web.Collaboration;

namespace Workspace.UnitTests.Collaboration;

/// <summary>Subscribers hear a change in the order they subscribed; the room screen asks to hear it before every open page.</summary>
public sealed class MeetingNotifierOrderTests
{
    [Fact]
    public void A_subscriber_that_asks_to_be_first_hears_a_change_before_those_that_subscribed_earlier()
    {
        // Arrange: two pages open, then the room screen
        using var notifier = new MeetingNotifier(new SingleNodeBus(), NullLogger<MeetingNotifier>.Instance);
        var meeting = Guid.NewGuid();
        var heard = new List<string>();
        Func<MeetingChange, Task> Listener(string who) => _ =>
        {
            heard.Add(who);
            return Task.CompletedTask;
        };
        using var page1 = notifier.Subscribe(meeting, Listener("page 1"));
        using var page2 = notifier.Subscribe(meeting, Listener("page 2"));
        using var screen = notifier.Subscribe(meeting, Listener("screen"), first: true);
        using var page3 = notifier.Subscribe(meeting, Listener("page 3"));

        // Act
        notifier.Publish(new MeetingChange(meeting, MeetingChangeKind.RunChanged, Guid.NewGuid(), null, null));

        // Assert
        Assert.Equal(["screen", "page 1", "page 2", "page 3"], heard);
    }
}
