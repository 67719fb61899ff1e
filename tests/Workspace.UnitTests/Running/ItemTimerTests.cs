using Workspace.Data.Entities;
using Workspace.Web.Features.Running;

namespace Workspace.UnitTests.Running;

public sealed class ItemTimerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(30, 0, TimerPhase.Normal)]
    [InlineData(30, 27 * 60, TimerPhase.Normal)]
    [InlineData(30, 28 * 60, TimerPhase.NearEnd)]
    [InlineData(30, 30 * 60 - 1, TimerPhase.NearEnd)]
    [InlineData(30, 30 * 60, TimerPhase.Over)]
    [InlineData(30, 45 * 60, TimerPhase.Over)]
    [InlineData(5, 3 * 60, TimerPhase.Normal)]
    [InlineData(5, 4 * 60, TimerPhase.NearEnd)]
    public void Phase_turns_amber_in_the_last_fifth_at_most_two_minutes_and_red_past_the_end(int allottedMinutes, int usedSeconds, TimerPhase expected)
    {
        // Arrange & Act
        var timer = ItemTimer.Of(allottedMinutes, 0, usedSeconds, null, Now);

        // Assert
        Assert.Equal(expected, timer.Phase);
    }

    [Fact]
    public void An_item_without_allotted_time_only_counts()
    {
        // Act
        var timer = ItemTimer.Of(null, 0, 600, null, Now);

        // Assert
        Assert.Equal(TimerPhase.Unlimited, timer.Phase);
        Assert.Null(timer.Allotted);
        Assert.Null(timer.Remaining);
        Assert.Equal(TimeSpan.FromMinutes(10), timer.Used);
    }

    [Fact]
    public void Extension_adds_to_the_allotted_time_and_turns_red_back()
    {
        // Arrange: 10 minutes allotted, 11 used
        var over = ItemTimer.Of(10, 0, 11 * 60, null, Now);

        // Act
        var extended = ItemTimer.Of(10, 5, 11 * 60, null, Now);
        var extendedWithoutAllotted = ItemTimer.Of(null, 5, 60, null, Now);

        // Assert
        Assert.Equal(TimerPhase.Over, over.Phase);
        Assert.Equal(TimeSpan.FromMinutes(-1), over.Remaining);
        Assert.Equal(TimeSpan.FromMinutes(15), extended.Allotted);
        Assert.Equal(TimeSpan.FromMinutes(4), extended.Remaining);
        Assert.Equal(TimerPhase.Normal, extended.Phase);
        Assert.Equal(TimeSpan.FromMinutes(5), extendedWithoutAllotted.Allotted);
    }

    [Fact]
    public void A_running_timer_counts_the_time_since_it_started_on_top_of_what_was_used()
    {
        // Arrange: 2 minutes used before, running for 90 seconds
        var timer = ItemTimer.Of(20, 0, 120, Now.AddSeconds(-90), Now);

        // Assert
        Assert.True(timer.IsRunning);
        Assert.Equal(TimeSpan.FromSeconds(210), timer.Used);
        Assert.Equal(TimeSpan.FromSeconds(120), timer.UsedBeforeRun);
    }

    [Fact]
    public void A_paused_timer_stands_still()
    {
        // Arrange
        var paused = ItemTimer.Of(20, 0, 300, null, Now);

        // Act
        var later = paused.At(Now.AddMinutes(10));

        // Assert
        Assert.False(paused.IsRunning);
        Assert.Equal(TimeSpan.FromMinutes(5), later.Used);
        Assert.Same(paused, later);
    }

    [Fact]
    public void At_moves_a_running_timer_on_without_a_new_read_and_changes_phase()
    {
        // Arrange: 10 minutes allotted, started now with nothing used
        var timer = ItemTimer.Of(10, 0, 0, Now, Now);

        // Act
        var nearEnd = timer.At(Now.AddMinutes(8).AddSeconds(30));
        var over = timer.At(Now.AddMinutes(12));
        var before = timer.At(Now.AddMinutes(-1));

        // Assert
        Assert.Equal(TimerPhase.Normal, timer.Phase);
        Assert.Equal(TimerPhase.NearEnd, nearEnd.Phase);
        Assert.Equal(TimeSpan.FromSeconds(90), nearEnd.Remaining);
        Assert.Equal(TimerPhase.Over, over.Phase);
        Assert.Equal(TimeSpan.FromMinutes(-2), over.Remaining);
        Assert.Equal(TimeSpan.Zero, before.Used);
    }

    [Fact]
    public void Negative_stored_seconds_count_as_none()
    {
        // Act
        var timer = ItemTimer.Of(10, 0, -50, null, Now);

        // Assert
        Assert.Equal(TimeSpan.Zero, timer.Used);
    }

    [Fact]
    public void Of_an_item_reads_its_allotted_minutes_extension_and_start()
    {
        // Arrange
        var item = new AgendaItem { Title = "Høring", AllottedMinutes = 15, TimerExtraMinutes = 1, TimerUsedSeconds = 60, TimerStartedAt = Now.AddMinutes(-1) };

        // Act
        var timer = ItemTimer.Of(item, Now);

        // Assert
        Assert.Equal(TimeSpan.FromMinutes(16), timer.Allotted);
        Assert.Equal(TimeSpan.FromMinutes(2), timer.Used);
        Assert.Equal(TimeSpan.FromMinutes(14), timer.Remaining);
    }
}
