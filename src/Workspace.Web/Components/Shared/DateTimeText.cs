using System.Globalization;
using System.Text.RegularExpressions;

namespace Workspace.Web.Components.Shared;

/// <summary>
/// Dates and times as people type them in Denmark: "14-10-2021", "14.10.2021", "14/10/2021", "14.10.21", ISO "2021-10-14";
/// "16", "16.00", "16:30", "kl. 16", "1600", "930". Anything else is refused, so a form can say so instead of emptying the field.
/// </summary>
public static partial class DateTimeText
{
    public const string DateFormatKey = "Validation.DateFormat";
    public const string TimeFormatKey = "Validation.TimeFormat";

    /// <summary>How a date is shown in a field: "14.10.2021".</summary>
    public static string FormatDate(DateTime date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>How a time is shown in a field: "16.00".</summary>
    public static string FormatTime(TimeSpan time) => $"{time.Hours:00}.{time.Minutes:00}";

    public static bool TryParseDate(string? text, out DateTime date)
    {
        date = default;
        var trimmed = text?.Trim() ?? "";
        var iso = IsoDate().Match(trimmed);
        if (iso.Success)
        {
            return TryMake(Number(iso, "year"), Number(iso, "month"), Number(iso, "day"), out date);
        }
        var danish = DanishDate().Match(trimmed);
        if (!danish.Success)
        {
            return false;
        }
        var year = Number(danish, "year");
        // Two-digit years are this century: meetings are planned and recorded within a few years of now.
        if (danish.Groups["year"].Value.Length == 2)
        {
            year += 2000;
        }
        return TryMake(year, Number(danish, "month"), Number(danish, "day"), out date);
    }

    public static bool TryParseTime(string? text, out TimeSpan time)
    {
        time = default;
        var trimmed = text?.Trim() ?? "";
        var match = ClockTime().Match(trimmed);
        if (!match.Success)
        {
            return false;
        }
        int hours, minutes;
        if (match.Groups["compact"].Success)
        {
            // "930" and "1600": the last two digits are the minutes.
            var digits = match.Groups["compact"].Value;
            hours = int.Parse(digits[..^2], CultureInfo.InvariantCulture);
            minutes = int.Parse(digits[^2..], CultureInfo.InvariantCulture);
        }
        else
        {
            hours = Number(match, "hours");
            minutes = match.Groups["minutes"].Success ? Number(match, "minutes") : 0;
        }
        if (hours > 23 || minutes > 59)
        {
            return false;
        }
        time = new TimeSpan(hours, minutes, 0);
        return true;
    }

    private static bool TryMake(int year, int month, int day, out DateTime date)
    {
        date = default;
        if (year is < 1900 or > 2999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
        return true;
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    // One separator used throughout, so "14.10-2021" is refused as a likely typo.
    [GeneratedRegex(@"^(?<day>\d{1,2})(?<sep>[-./])(?<month>\d{1,2})\k<sep>(?<year>\d{4}|\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DanishDate();

    [GeneratedRegex(@"^(?<year>\d{4})-(?<month>\d{1,2})-(?<day>\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?:kl\.?\s*)?(?:(?<compact>\d{3,4})|(?<hours>\d{1,2})(?:[.:,](?<minutes>\d{2}))?)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ClockTime();
}
