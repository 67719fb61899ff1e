using System.Globalization;

namespace Workspace.Web.Features.Attachments;

/// <summary>File sizes for people: "512 B", "340 kB", "1,2 MB" (the decimal comma comes from the culture).</summary>
public static class FileSizeText
{
    private const double KiloByte = 1024;
    private const double MegaByte = 1024 * 1024;

    public static string Format(long bytes, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        if (bytes < KiloByte)
        {
            return string.Create(culture, $"{bytes} B");
        }
        var kiloBytes = bytes / KiloByte;
        if (Math.Round(kiloBytes, kiloBytes < 10 ? 1 : 0) < KiloByte)
        {
            return Number(kiloBytes, "kB", culture);
        }
        return Number(bytes / MegaByte, "MB", culture);
    }

    /// <summary>One decimal below 10 ("1,2 MB"), whole numbers above ("340 kB").</summary>
    private static string Number(double value, string unit, CultureInfo culture) =>
        value.ToString(value < 9.95 ? "0.#" : "0", culture) + " " + unit;
}
