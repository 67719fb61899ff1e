using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Workspace.Web.Components.Shared;
using Workspace.Web.Resources;

namespace Workspace.UnitTests.Shared;

public sealed class CopenhagenTimeTests : IDisposable
{
    private readonly CultureInfo _previousCulture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _previousUiCulture = CultureInfo.CurrentUICulture;
    private readonly ServiceProvider _services;
    private readonly CopenhagenTime _time;

    public CopenhagenTimeTests()
    {
        _services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        _time = new CopenhagenTime(_services.GetRequiredService<IStringLocalizer<SharedResource>>());
        UseCulture("da-DK");
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _previousCulture;
        CultureInfo.CurrentUICulture = _previousUiCulture;
        _services.Dispose();
    }

    private static void UseCulture(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }

    [Fact]
    public void Winter_instant_is_shown_in_danish_at_copenhagen_standard_time()
    {
        // Arrange
        var instant = new DateTimeOffset(2025, 11, 27, 15, 0, 0, TimeSpan.Zero);

        // Act
        var text = _time.DateAndTime(instant);

        // Assert
        Assert.Equal("torsdag den 27. november 2025 kl. 16.00", text);
    }

    [Fact]
    public void Summer_instant_is_shown_at_copenhagen_summer_time()
    {
        // Arrange
        var instant = new DateTimeOffset(2026, 6, 11, 14, 0, 0, TimeSpan.Zero);

        // Act
        var text = _time.DateAndTime(instant);

        // Assert
        Assert.Equal("torsdag den 11. juni 2026 kl. 16.00", text);
    }

    [Fact]
    public void Local_summer_time_becomes_utc_two_hours_earlier()
    {
        // Act
        var instant = _time.FromLocal(new DateTime(2026, 6, 11), new TimeSpan(16, 0, 0));

        // Assert
        Assert.Equal(new DateTimeOffset(2026, 6, 11, 14, 0, 0, TimeSpan.Zero), instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }

    [Fact]
    public void Local_winter_time_becomes_utc_one_hour_earlier()
    {
        // Act
        var instant = _time.FromLocal(new DateTime(2025, 11, 27), new TimeSpan(16, 0, 0));

        // Assert
        Assert.Equal(new DateTimeOffset(2025, 11, 27, 15, 0, 0, TimeSpan.Zero), instant);
    }

    [Fact]
    public void Local_time_round_trips_through_utc()
    {
        // Arrange
        var date = new DateTime(2026, 3, 26);
        var timeOfDay = new TimeSpan(17, 30, 0);

        // Act
        var local = _time.ToLocal(_time.FromLocal(date, timeOfDay));

        // Assert
        Assert.Equal(date + timeOfDay, local);
    }

    [Fact]
    public void Range_on_one_day_shows_the_date_once()
    {
        // Arrange
        var start = new DateTimeOffset(2025, 11, 27, 15, 0, 0, TimeSpan.Zero);
        var end = start.AddHours(2);

        // Act
        var text = _time.Range(start, end);

        // Assert
        Assert.Equal("torsdag den 27. november 2025 kl. 16.00–18.00", text);
    }

    [Fact]
    public void Time_is_shown_with_a_danish_period()
    {
        // Act
        var text = _time.Time(new DateTimeOffset(2026, 6, 11, 15, 5, 0, TimeSpan.Zero));

        // Assert
        Assert.Equal("17.05", text);
    }

    [Fact]
    public void English_culture_uses_the_english_format()
    {
        // Arrange
        UseCulture("en");
        var instant = new DateTimeOffset(2025, 11, 27, 15, 0, 0, TimeSpan.Zero);

        // Act
        var text = _time.DateAndTime(instant);

        // Assert
        Assert.Equal("Thursday 27 November 2025 at 16:00", text);
    }
}
