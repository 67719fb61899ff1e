using Workspace.Data.Entities;
using Workspace.Web.Features.Agenda;

namespace Workspace.UnitTests.Agenda;

public sealed class AgendaTimelineTests
{
    private static readonly DateTimeOffset Start = new(2027, 1, 14, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddHours(2);

    private static TimedItem MainItem(int? minutes, AgendaItemStatus status = AgendaItemStatus.Planned) => new(Guid.NewGuid(), null, minutes, status);

    private static TimedItem Sub(TimedItem parent, int? minutes) => new(Guid.NewGuid(), parent.Id, minutes, AgendaItemStatus.Planned);

    [Fact]
    public void Each_item_starts_when_the_one_before_ends()
    {
        // Arrange
        TimedItem[] items = [MainItem(5), MainItem(30), MainItem(15)];

        // Act
        var timetable = AgendaTimeline.Compute(Start, End, items);

        // Assert
        Assert.Equal(Start, timetable.Slots[items[0].Id].Start);
        Assert.Equal(Start.AddMinutes(5), timetable.Slots[items[1].Id].Start);
        Assert.Equal(Start.AddMinutes(35), timetable.Slots[items[2].Id].Start);
        Assert.Equal(Start.AddMinutes(50), timetable.PlannedEnd);
        Assert.False(timetable.RunsOver);
    }

    [Fact]
    public void Sub_items_run_inside_their_main_item_which_lasts_the_longer_of_its_own_time_and_theirs()
    {
        // Arrange
        var short3 = MainItem(10);
        var long4 = MainItem(60);
        TimedItem[] items = [short3, Sub(short3, 15), Sub(short3, 20), long4, Sub(long4, 10), MainItem(5)];

        // Act
        var timetable = AgendaTimeline.Compute(Start, End, items);

        // Assert
        Assert.Equal(Start.AddMinutes(15), timetable.Slots[items[2].Id].Start);
        Assert.Equal(Start.AddMinutes(35), timetable.Slots[short3.Id].End);
        Assert.Equal(Start.AddMinutes(35), timetable.Slots[items[4].Id].Start);
        Assert.Equal(Start.AddMinutes(95), timetable.Slots[long4.Id].End);
        Assert.Equal(Start.AddMinutes(100), timetable.PlannedEnd);
    }

    [Fact]
    public void Withdrawn_and_postponed_items_take_no_time()
    {
        // Arrange
        var withdrawn = MainItem(30, AgendaItemStatus.Withdrawn);
        TimedItem[] items = [MainItem(10), withdrawn, Sub(withdrawn, 20), MainItem(20, AgendaItemStatus.Postponed), MainItem(10)];

        // Act
        var timetable = AgendaTimeline.Compute(Start, End, items);

        // Assert
        Assert.False(timetable.Slots[withdrawn.Id].TakesTime);
        Assert.False(timetable.Slots[items[2].Id].TakesTime);
        Assert.Equal(Start.AddMinutes(10), timetable.Slots[items[4].Id].Start);
        Assert.Equal(Start.AddMinutes(20), timetable.PlannedEnd);
    }

    [Fact]
    public void Items_without_minutes_take_no_time_but_get_a_clock_time()
    {
        // Arrange
        TimedItem[] items = [MainItem(null), MainItem(10)];

        // Act
        var timetable = AgendaTimeline.Compute(Start, End, items);

        // Assert
        Assert.Equal(Start, timetable.Slots[items[1].Id].Start);
        Assert.True(timetable.Slots[items[0].Id].TakesTime);
    }

    [Fact]
    public void An_agenda_longer_than_the_meeting_runs_over_by_the_difference()
    {
        // Arrange
        TimedItem[] items = [MainItem(60), MainItem(45), MainItem(30)];

        // Act
        var timetable = AgendaTimeline.Compute(Start, End, items);

        // Assert
        Assert.True(timetable.RunsOver);
        Assert.Equal(TimeSpan.FromMinutes(15), timetable.Overrun);
        Assert.True(timetable.Slots[items[2].Id].End > End);
    }

    [Fact]
    public void An_agenda_ending_exactly_at_the_meeting_end_does_not_run_over()
    {
        // Arrange
        TimedItem[] items = [MainItem(60), MainItem(60)];

        // Act
        var timetable = AgendaTimeline.Compute(Start, End, items);

        // Assert
        Assert.False(timetable.RunsOver);
        Assert.Equal(End, timetable.PlannedEnd);
    }
}
