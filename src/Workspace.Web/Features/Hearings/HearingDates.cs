using System.Globalization;

namespace Workspace.Web.Features.Hearings;

/// <summary>Dates of hearings as the pages write them, in the reader's language ("15. december 2026").</summary>
public static class HearingDates
{
    public static string Text(DateOnly date) => date.ToString("d. MMMM yyyy", CultureInfo.CurrentCulture);

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Components.Shared.CopenhagenTime.Zone).DateTime);
}
