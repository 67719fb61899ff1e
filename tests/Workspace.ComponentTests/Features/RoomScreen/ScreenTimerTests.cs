using Workspace.ComponentTests.Infrastructure;
using Workspace.Web.Features.RoomScreen;
using Workspace.Web.Features.Running;

namespace Workspace.ComponentTests.Features.RoomScreen;

/// <summary>The room screen's item timer: amber near the end, red past it, always in words too (colour is never alone).</summary>
public sealed class ScreenTimerTests : ComponentTestContext
{
    [Theory]
    [InlineData(5 * 60, "Normal", "5:00 af 20:00", "15:00 tilbage")]
    [InlineData(18 * 60 + 30, "NearEnd", "18:30 af 20:00", "Snart slut: 1:30 tilbage")]
    [InlineData(23 * 60 + 15, "Over", "23:15 af 20:00", "Tiden er overskredet med 3:15")]
    public void The_timer_shows_used_of_allotted_with_its_phase_in_colour_and_words(int usedSeconds, string phase, string clock, string words)
    {
        // Arrange: paused, so the clock does not move while the test reads it
        var timer = ItemTimer.Of(20, 0, usedSeconds, null, DateTimeOffset.UtcNow);

        // Act
        var cut = Render<ScreenTimer>(p => p.Add(x => x.Timer, timer));

        // Assert
        var box = cut.Find("[data-testid=screen-timer]");
        Assert.Equal(phase, box.GetAttribute("data-phase"));
        Assert.Contains($"screen-timer--{phase.ToLowerInvariant()}", box.ClassList);
        Assert.Equal(clock, cut.Find("[data-testid=screen-timer-used]").TextContent.Trim());
        Assert.Equal($"{words} (sat på pause)", cut.Find("[data-testid=screen-timer-words]").TextContent.Trim());
    }

    [Fact]
    public void An_extension_moves_the_end_and_a_running_timer_says_no_pause()
    {
        // Arrange: 19 minutes used of 20 + 5, running since a minute ago
        var timer = ItemTimer.Of(20, 5, 18 * 60, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);

        // Act
        var cut = Render<ScreenTimer>(p => p.Add(x => x.Timer, timer));

        // Assert
        Assert.Equal("Normal", cut.Find("[data-testid=screen-timer]").GetAttribute("data-phase"));
        Assert.StartsWith("19:0", cut.Find("[data-testid=screen-timer-used]").TextContent.Trim());
        Assert.EndsWith("af 25:00", cut.Find("[data-testid=screen-timer-used]").TextContent.Trim());
        Assert.DoesNotContain("pause", cut.Find("[data-testid=screen-timer-words]").TextContent);
    }
}
