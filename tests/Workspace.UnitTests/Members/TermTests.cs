using Workspace.Web.Features.Members;

namespace Workspace.UnitTests.Members;

public sealed class TermTests
{
    private static readonly DateOnly Start = new(2026, 1, 1);
    private static readonly DateOnly End = new(2029, 12, 31);

    [Theory]
    [InlineData("2025-12-31", false)]
    [InlineData("2026-01-01", true)]
    [InlineData("2029-12-31", true)]
    [InlineData("2030-01-01", false)]
    public void Term_covers_its_first_and_last_day_and_nothing_outside(string day, bool covered) =>
        Assert.Equal(covered, Term.Covers(Start, End, DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Open_ends_cover_every_day_on_their_side() =>
        Assert.True(Term.Covers(null, null, new DateOnly(1990, 1, 1)) && Term.Covers(Start, null, new DateOnly(2100, 1, 1)));

    [Fact]
    public void Meeting_day_is_the_Copenhagen_day_not_the_UTC_day()
    {
        // 23.30 UTC on 31 December is 00.30 on 1 January in Copenhagen.
        var instant = new DateTimeOffset(2025, 12, 31, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2026, 1, 1), Term.DayOf(instant));
    }

    [Theory]
    [InlineData(2025, false)]
    [InlineData(2026, true)]
    [InlineData(2029, true)]
    [InlineData(2030, false)]
    public void Term_overlaps_the_years_it_touches(int year, bool overlaps) =>
        Assert.Equal(overlaps, Term.Overlaps(Start, End, year));
}
