using System.Globalization;
using Microsoft.Extensions.Localization;
using Workspace.Web.Resources;

namespace Workspace.Web.Components.Shared;

/// <summary>
/// Instants are stored in UTC and shown in Europe/Copenhagen, Danish style ("torsdag den 27. november 2025 kl. 16.00").
/// Summer time comes from the time zone database, never by hand.
/// </summary>
public sealed class CopenhagenTime(IStringLocalizer<SharedResource> localizer)
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    public DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone).DateTime;

    /// <summary>The UTC instant of a Copenhagen wall-clock date and time.</summary>
    public DateTimeOffset FromLocal(DateTime date, TimeSpan timeOfDay)
    {
        var local = DateTime.SpecifyKind(date.Date + timeOfDay, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>"torsdag den 27. november 2025 kl. 16.00"</summary>
    public string DateAndTime(DateTimeOffset instant) => Format(instant, "Format.DateAndTime");

    /// <summary>"torsdag den 27. november 2025 kl. 16.00–18.00"</summary>
    public string Range(DateTimeOffset start, DateTimeOffset end) =>
        ToLocal(start).Date == ToLocal(end).Date
            ? $"{DateAndTime(start)}–{Time(end)}"
            : $"{DateAndTime(start)} – {DateAndTime(end)}";

    /// <summary>"27. nov. 2025"</summary>
    public string ShortDate(DateTimeOffset instant) => Format(instant, "Format.ShortDate");

    /// <summary>"16.00"</summary>
    public string Time(DateTimeOffset instant) => Format(instant, "Format.Time");

    private string Format(DateTimeOffset instant, string patternKey) =>
        ToLocal(instant).ToString(localizer[patternKey].Value, CultureInfo.CurrentCulture);
}
