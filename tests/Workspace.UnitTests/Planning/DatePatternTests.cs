using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Planning;
using Workspace.Web.Resources;

namespace Workspace.UnitTests.Planning;

public sealed class DatePatternTests
{
    [Fact]
    public void Every_n_weeks_repeats_the_weekday_of_the_start_date_until_the_year_ends()
    {
        // Arrange: Thursday 14 January 2027, every 8 weeks
        var start = new DateOnly(2027, 1, 14);

        // Act
        var dates = DatePatterns.EveryNWeeks(start, 8, 2027);

        // Assert
        Assert.Equal(
            [new(2027, 1, 14), new(2027, 3, 11), new(2027, 5, 6), new(2027, 7, 1), new(2027, 8, 26), new(2027, 10, 21), new(2027, 12, 16)],
            dates);
        Assert.All(dates, d => Assert.Equal(DayOfWeek.Thursday, d.DayOfWeek));
    }

    [Fact]
    public void Every_n_weeks_from_a_start_in_the_year_before_gives_only_the_dates_inside_the_year()
    {
        // Arrange: Tuesday 15 December 2026, every 2 weeks: 29 Dec 2026, then 12 Jan 2027 ...
        var start = new DateOnly(2026, 12, 15);

        // Act
        var dates = DatePatterns.EveryNWeeks(start, 2, 2027);

        // Assert
        Assert.Equal(new DateOnly(2027, 1, 12), dates[0]);
        Assert.Equal(new DateOnly(2027, 12, 28), dates[^1]);
        Assert.All(dates, d => Assert.Equal(2027, d.Year));
        Assert.All(dates, d => Assert.Equal(DayOfWeek.Tuesday, d.DayOfWeek));
        Assert.Equal(26, dates.Count);
    }

    [Fact]
    public void Every_n_weeks_from_a_start_after_the_year_gives_nothing()
    {
        // Act
        var dates = DatePatterns.EveryNWeeks(new DateOnly(2028, 1, 6), 4, 2027);

        // Assert
        Assert.Empty(dates);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(DatePatterns.MaxWeeks + 1)]
    public void Every_n_weeks_refuses_a_step_out_of_range(int weeks)
    {
        // Act and assert
        Assert.Throws<ArgumentOutOfRangeException>(() => DatePatterns.EveryNWeeks(new DateOnly(2027, 1, 5), weeks, 2027));
    }

    [Fact]
    public void Every_n_weeks_across_summer_time_keeps_the_meetings_at_four_in_copenhagen()
    {
        // Arrange: every 2 weeks from 18 March 2027; summer time starts on 28 March 2027
        using var services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        var time = new CopenhagenTime(services.GetRequiredService<IStringLocalizer<SharedResource>>());
        var dates = DatePatterns.EveryNWeeks(new DateOnly(2027, 3, 18), 2, 2027).Take(2).ToList();

        // Act
        var starts = dates.Select(d => time.FromLocal(d.ToDateTime(TimeOnly.MinValue), new TimeSpan(16, 0, 0))).ToList();

        // Assert: the same wall-clock time, one hour earlier in UTC after the change
        Assert.Equal([new DateOnly(2027, 3, 18), new DateOnly(2027, 4, 1)], dates);
        Assert.Equal(new DateTimeOffset(2027, 3, 18, 15, 0, 0, TimeSpan.Zero), starts[0]);
        Assert.Equal(new DateTimeOffset(2027, 4, 1, 14, 0, 0, TimeSpan.Zero), starts[1]);
        Assert.All(starts, s => Assert.Equal(new TimeSpan(16, 0, 0), time.ToLocal(s).TimeOfDay));
    }

    [Fact]
    public void First_weekday_of_each_month_skips_july()
    {
        // Act
        var dates = DatePatterns.FirstWeekdayOfEachMonth(2027, DayOfWeek.Tuesday, [7]);

        // Assert
        Assert.Equal(11, dates.Count);
        Assert.DoesNotContain(dates, d => d.Month == 7);
        Assert.All(dates, d => Assert.Equal(DayOfWeek.Tuesday, d.DayOfWeek));
        Assert.All(dates, d => Assert.InRange(d.Day, 1, 7));
        Assert.Equal(new DateOnly(2027, 1, 5), dates[0]);
        Assert.Equal(new DateOnly(2027, 6, 1), dates[5]);
        Assert.Equal(new DateOnly(2027, 8, 3), dates[6]);
        Assert.Equal(new DateOnly(2027, 12, 7), dates[^1]);
    }

    [Fact]
    public void First_weekday_of_a_month_that_starts_on_that_weekday_is_the_first()
    {
        // Act: 1 March 2027 is a Monday
        var dates = DatePatterns.FirstWeekdayOfEachMonth(2027, DayOfWeek.Monday, []);

        // Assert
        Assert.Equal(12, dates.Count);
        Assert.Contains(new DateOnly(2027, 3, 1), dates);
        Assert.All(dates, d => Assert.Equal(2027, d.Year));
    }
}
