namespace Workspace.EndToEndTests.Infrastructure;

/// <summary>
/// Today as the app counts it: in Europe/Copenhagen. The test machine runs in UTC, so between 23:00 and 24:00 UTC
/// (22:00 in summer) its own <see cref="DateTime.Today"/> is a day behind the app's, and "14 dage tilbage" reads 13.
/// </summary>
public static class DanishDate
{
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public static DateTime Today => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Copenhagen).Date;
}
