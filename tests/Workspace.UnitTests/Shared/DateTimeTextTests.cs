using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Workspace.Web.Components.Shared;

namespace Workspace.UnitTests.Shared;

/// <summary>Dates and times typed the Danish way are understood, and anything else is refused rather than guessed.</summary>
public sealed class DateTimeTextTests
{
    private static readonly Config Cases = Config.QuickThrowOnFailure.WithMaxTest(500);

    [Theory]
    [InlineData("14-10-2021")]
    [InlineData("14.10.2021")]
    [InlineData("14/10/2021")]
    [InlineData("14.10.21")]
    [InlineData("14-10-21")]
    [InlineData(" 14.10.2021 ")]
    [InlineData("2021-10-14")]
    public void Danish_date_formats_are_understood(string typed)
    {
        Assert.True(DateTimeText.TryParseDate(typed, out var date));
        Assert.Equal(new DateTime(2021, 10, 14), date);
    }

    [Fact]
    public void Single_digit_day_and_month_are_understood()
    {
        Assert.True(DateTimeText.TryParseDate("1.2.2026", out var date));
        Assert.Equal(new DateTime(2026, 2, 1), date);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("14102021")]
    [InlineData("14.10")]
    [InlineData("14.10.2021.")]
    [InlineData("14.10-2021")]
    [InlineData("32.10.2021")]
    [InlineData("29.02.2023")]
    [InlineData("14.13.2021")]
    [InlineData("0.10.2021")]
    [InlineData("14. oktober 2021")]
    [InlineData("i morgen")]
    [InlineData("10/14/2021")]
    public void Anything_else_is_refused_as_a_date(string? typed) =>
        Assert.False(DateTimeText.TryParseDate(typed, out _));

    [Fact]
    public void A_leap_day_is_a_date_in_a_leap_year()
    {
        Assert.True(DateTimeText.TryParseDate("29.02.2024", out var date));
        Assert.Equal(new DateTime(2024, 2, 29), date);
    }

    [Theory]
    [InlineData("16", 16, 0)]
    [InlineData("16.00", 16, 0)]
    [InlineData("16:00", 16, 0)]
    [InlineData("16,30", 16, 30)]
    [InlineData("kl. 16", 16, 0)]
    [InlineData("Kl. 16.30", 16, 30)]
    [InlineData("kl 9", 9, 0)]
    [InlineData("kl.17", 17, 0)]
    [InlineData("1600", 16, 0)]
    [InlineData("930", 9, 30)]
    [InlineData("0", 0, 0)]
    [InlineData("23.59", 23, 59)]
    [InlineData(" 8.15 ", 8, 15)]
    public void Danish_time_formats_are_understood(string typed, int hours, int minutes)
    {
        Assert.True(DateTimeText.TryParseTime(typed, out var time));
        Assert.Equal(new TimeSpan(hours, minutes, 0), time);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("24")]
    [InlineData("24.00")]
    [InlineData("16.60")]
    [InlineData("1660")]
    [InlineData("16.5")]
    [InlineData("kl.")]
    [InlineData("16-18")]
    [InlineData("fire")]
    [InlineData("16.00.00")]
    [InlineData("12345")]
    [InlineData("4 pm")]
    public void Anything_else_is_refused_as_a_time(string? typed) =>
        Assert.False(DateTimeText.TryParseTime(typed, out _));

    [Fact]
    public void Fields_show_dates_and_times_the_Danish_way()
    {
        Assert.Equal("04.03.2026", DateTimeText.FormatDate(new DateTime(2026, 3, 4)));
        Assert.Equal("09.05", DateTimeText.FormatTime(new TimeSpan(9, 5, 0)));
    }

    [Fact]
    public void Every_date_reads_back_from_each_separator_and_from_what_the_field_shows()
    {
        // Arrange
        var dates = from offset in Gen.Choose(0, 365 * 200)
                    from separator in Gen.Elements("-", ".", "/")
                    select (date: new DateTime(1950, 1, 1).AddDays(offset), separator);

        // Act and assert
        Prop.ForAll(dates.ToArbitrary(), c =>
        {
            var typed = c.date.ToString($"d{c.separator}M{c.separator}yyyy", CultureInfo.InvariantCulture);
            Assert.True(DateTimeText.TryParseDate(typed, out var parsed));
            Assert.Equal(c.date, parsed);
            Assert.True(DateTimeText.TryParseDate(DateTimeText.FormatDate(c.date), out var shown));
            Assert.Equal(c.date, shown);
        }).Check(Cases);
    }

    [Fact]
    public void Every_clock_time_reads_back_in_each_way_of_typing_it()
    {
        // Arrange
        var times = from hours in Gen.Choose(0, 23)
                    from minutes in Gen.Choose(0, 59)
                    from pattern in Gen.Elements("{0}.{1:00}", "{0}:{1:00}", "kl. {0}.{1:00}", "{0}{1:00}", "{0:00}{1:00}")
                    select (time: new TimeSpan(hours, minutes, 0), pattern);

        // Act and assert
        Prop.ForAll(times.ToArbitrary(), c =>
        {
            var typed = string.Format(CultureInfo.InvariantCulture, c.pattern, c.time.Hours, c.time.Minutes);
            Assert.True(DateTimeText.TryParseTime(typed, out var parsed), typed);
            Assert.Equal(c.time, parsed);
            Assert.True(DateTimeText.TryParseTime(DateTimeText.FormatTime(c.time), out var shown));
            Assert.Equal(c.time, shown);
        }).Check(Cases);
    }

    [Fact]
    public void No_text_outside_the_formats_is_taken_for_a_time_past_midnight()
    {
        // Arrange: any short text; whatever is understood is a real clock time.
        var texts = Gen.Elements("0", "1", "2", "5", "9", ".", ":", ",", "k", "l", " ", "x").ArrayOf().Select(string.Concat);

        // Act and assert
        Prop.ForAll(texts.ToArbitrary(), text =>
        {
            if (DateTimeText.TryParseTime(text, out var time))
            {
                Assert.InRange(time, TimeSpan.Zero, new TimeSpan(23, 59, 0));
            }
        }).Check(Cases);
    }
}
