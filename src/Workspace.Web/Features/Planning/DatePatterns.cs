namespace Workspace.Web.Features.Planning;

/// <summary>Fills an annual plan with dates; the secretary can then remove or add single dates.</summary>
public static class DatePatterns
{
    public const int MaxWeeks = 26;

    /// <summary>The same weekday every <paramref name="weeks"/> weeks from <paramref name="start"/>, only the dates inside <paramref name="year"/>.</summary>
    public static IReadOnlyList<DateOnly> EveryNWeeks(DateOnly start, int weeks, int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weeks, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(weeks, MaxWeeks);
        var step = 7 * weeks;
        var first = start;
        var yearStart = new DateOnly(year, 1, 1);
        if (first < yearStart)
        {
            // Jump to the first date of the pattern on or after 1 January.
            var behind = yearStart.DayNumber - first.DayNumber;
            first = first.AddDays((behind + step - 1) / step * step);
        }
        var dates = new List<DateOnly>();
        for (var date = first; date.Year == year; date = date.AddDays(step))
        {
            dates.Add(date);
        }
        return dates;
    }

    /// <summary>The first <paramref name="weekday"/> of each month of <paramref name="year"/>, without the months in <paramref name="skipMonths"/> (July, the summer break).</summary>
    public static IReadOnlyList<DateOnly> FirstWeekdayOfEachMonth(int year, DayOfWeek weekday, IReadOnlyCollection<int> skipMonths)
    {
        var dates = new List<DateOnly>();
        for (var month = 1; month <= 12; month++)
        {
            if (skipMonths.Contains(month))
            {
                continue;
            }
            var first = new DateOnly(year, month, 1);
            dates.Add(first.AddDays(((int)weekday - (int)first.DayOfWeek + 7) % 7));
        }
        return dates;
    }
}
