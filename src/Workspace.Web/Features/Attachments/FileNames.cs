using System.Globalization;
using System.Text;

namespace Workspace.Web.Features.Attachments;

/// <summary>Cleans the name a browser reports for an uploaded file before it is stored and shown.</summary>
public static class FileNames
{
    public const int MaxLength = 200;

    /// <summary>Used when nothing is left of the name.</summary>
    public const string Fallback = "fil";

    private const int MaxExtensionLength = 10;

    /// <summary>
    /// Keeps only the last part of a path (some browsers send "C:\Users\...\x.pdf"); drops control and formatting
    /// characters (a right-to-left override, U+202E, can make "rapport[U+202E]fdp.exe" look like a PDF); turns other
    /// white space into single spaces; trims spaces and dots at the ends; shortens the name to <see cref="MaxLength"/>
    /// characters, keeping the extension.
    /// </summary>
    public static string Sanitize(string? fileName)
    {
        var lastPart = (fileName ?? "").Split('/', '\\')[^1];
        var kept = new StringBuilder(lastPart.Length);
        foreach (var rune in lastPart.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune))
            {
                kept.Append(' ');
            }
            else if (!IsInvisible(rune))
            {
                kept.Append(rune.ToString());
            }
        }
        var name = string.Join(' ', kept.ToString().Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ');
        if (name.Length == 0)
        {
            return Fallback;
        }
        return name.Length <= MaxLength ? name : Shorten(name);
    }

    /// <summary>Control and formatting characters; a broken surrogate pair arrives as the replacement character and goes too.</summary>
    private static bool IsInvisible(Rune rune) =>
        rune == Rune.ReplacementChar
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.PrivateUse;

    private static string Shorten(string name)
    {
        var extension = Path.GetExtension(name);
        if (extension.Length > MaxExtensionLength)
        {
            extension = "";
        }
        var stem = name[..(name.Length - extension.Length)];
        var length = MaxLength - extension.Length;
        // Never cut a character made of two UTF-16 units in half.
        if (char.IsHighSurrogate(stem[length - 1]))
        {
            length--;
        }
        return stem[..length].TrimEnd('.', ' ') + extension;
    }
}
