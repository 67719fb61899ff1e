using Workspace.Web.Components.Shared;

namespace Workspace.Web.Features.Members;

/// <summary>
/// A seat counts on the days its term covers: lists for a meeting hold the people whose term covers the meeting's
/// date (in Copenhagen), and the council's current lists those whose term covers today. An open end counts as open.
/// </summary>
public static class Term
{
    public static bool Covers(DateOnly? start, DateOnly? end, DateOnly day) =>
        (start is null || start.Value <= day) && (end is null || end.Value >= day);

    /// <summary>Whether any day of the term falls in the calendar year.</summary>
    public static bool Overlaps(DateOnly? start, DateOnly? end, int year) =>
        (start is null || start.Value.Year <= year) && (end is null || end.Value.Year >= year);

    /// <summary>The Copenhagen calendar day of an instant: a meeting at 00.30 local time belongs to that day, not the UTC one.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, CopenhagenTime.Zone).DateTime);
}
