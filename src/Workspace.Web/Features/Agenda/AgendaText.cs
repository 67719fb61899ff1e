using System.Text.RegularExpressions;
using Workspace.Data.Entities;
using Workspace.Web.Features.Meetings;

namespace Workspace.Web.Features.Agenda;

/// <summary>What one line of a typed agenda becomes.</summary>
public enum AgendaLineShape
{
    Item,
    SubItem,
    Section,
    Pause,
}

/// <summary>One entry read from a typed agenda; <see cref="Line"/> is its line in the text, from 1.</summary>
public sealed record AgendaTextEntry(int Line, AgendaLineShape Shape, string Title, AgendaItemKind Kind, int? AllottedMinutes = null, string? Presenter = null);

/// <summary>A line the agenda text cannot use, with the resource key of the reason.</summary>
public sealed record AgendaTextError(int Line, string MessageKey);

public sealed record AgendaTextParse(IReadOnlyList<AgendaTextEntry> Entries, IReadOnlyList<AgendaTextError> Errors)
{
    public bool IsValid => Errors.Count == 0 && Entries.Count > 0;
}

/// <summary>
/// Reads an agenda typed or pasted as text, one entry a line (the rules are the dialog's help text, AgendaText.Help):
/// <list type="bullet">
/// <item>"1. Title", "1) Title" or a line without a number is an item; "3a Title", "a) Title", "- Title" or an indented line
/// is a sub-item of the item above. The typed numbers only say where a line belongs: the agenda numbers itself.</item>
/// <item>A line ending in ":" is a section heading ("Beslutningspunkter:"); "Pause" is a pause, without a number.</item>
/// <item>At the end of a line: "v. Name" (or "v/ Name") the presenter, "(15 min.)" the minutes, "(beslutning)" the kind.</item>
/// <item>Without a kind in brackets, a word of the title names it (godkendelse/beslutning, orientering, drøftelse, høring,
/// arbejdsmøde), else the heading above it does, else it is an information item.</item>
/// </list>
/// </summary>
public static partial class AgendaText
{
    public const int TextMax = 20_000;
    public const int EntriesMax = 200;

    /// <summary>The field name a line's error travels under in an <see cref="Access.InputValidationException"/>.</summary>
    public static string LineField(int line) => $"Line{line}";

    public static AgendaTextParse Parse(string? text)
    {
        var entries = new List<AgendaTextEntry>();
        var errors = new List<AgendaTextError>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(entries, errors);
        }
        if (text.Length > TextMax)
        {
            return new(entries, [new(0, "Agenda.Text.TooLong")]);
        }

        var lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var hasItem = false;
        AgendaItemKind? sectionKind = null;
        for (var index = 0; index < lines.Length; index++)
        {
            var lineNumber = index + 1;
            var raw = lines[index];
            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }
            if (entries.Count == EntriesMax)
            {
                errors.Add(new(lineNumber, "Agenda.Text.TooMany"));
                break;
            }
            var line = Read(raw);
            if (line.Shape == AgendaLineShape.Section)
            {
                sectionKind = KindFromWords(line.Title);
                hasItem = false;
            }
            else if (line.Shape == AgendaLineShape.Pause)
            {
                hasItem = false;
            }
            var entry = new AgendaTextEntry(lineNumber, line.Shape, line.Title,
                line.Shape switch
                {
                    AgendaLineShape.Pause => AgendaItemKind.Break,
                    AgendaLineShape.Section => AgendaItemKind.Information,
                    _ => line.Kind ?? KindFromWords(line.Title) ?? sectionKind ?? AgendaItemKind.Information,
                },
                line.Shape == AgendaLineShape.Section ? null : line.Minutes,
                line.Shape is AgendaLineShape.Item or AgendaLineShape.SubItem ? line.Presenter : null);
            var error = ErrorOf(entry, line, hasItem);
            if (error is not null)
            {
                errors.Add(new(lineNumber, error));
            }
            if (entry.Shape == AgendaLineShape.Item)
            {
                hasItem = true;
            }
            entries.Add(entry);
        }
        return new(entries, errors);
    }

    /// <summary>The kind a title's own words name, if any: the first such word counts ("Oplæg og drøftelse" is a discussion).</summary>
    public static AgendaItemKind? KindFromWords(string title) =>
        KindWord().Match(title) is { Success: true } match ? KindOf(match.Value) : null;

    private static string? ErrorOf(AgendaTextEntry entry, Line line, bool hasItem)
    {
        if (entry.Title.Length == 0)
        {
            return "Agenda.Text.NoTitle";
        }
        if (entry.Title.Length > AgendaItemInput.TitleMax)
        {
            return "Agenda.Text.TitleTooLong";
        }
        if (entry.Presenter is { Length: > AgendaItemInput.PresenterMax })
        {
            return "Agenda.Text.PresenterTooLong";
        }
        if (line.Minutes is > AgendaItemInput.MinutesMax)
        {
            return "Agenda.Text.MinutesRange";
        }
        if (entry.Shape == AgendaLineShape.SubItem && !hasItem)
        {
            return "Agenda.Text.SubItemWithoutItem";
        }
        if (entry.Shape == AgendaLineShape.Pause && line.MarkedAsSub)
        {
            return "Agenda.Text.PauseNotSubItem";
        }
        return null;
    }

    private sealed record Line(AgendaLineShape Shape, string Title, AgendaItemKind? Kind, int? Minutes, string? Presenter, bool MarkedAsSub);

    private static Line Read(string raw)
    {
        var indented = raw.StartsWith('\t') || raw.StartsWith("  ", StringComparison.Ordinal);
        var text = raw.Trim();
        var numbered = false;
        var markedAsSub = false;
        if (Numbered().Match(text) is { Success: true } number)
        {
            numbered = true;
            markedAsSub = number.Groups["letter"].Success;
            text = number.Groups["rest"].Value;
        }
        else if (Lettered().Match(text) is { Success: true } lettered)
        {
            markedAsSub = true;
            text = lettered.Groups["rest"].Value;
        }
        else if (Bullet().Match(text) is { Success: true } bullet)
        {
            markedAsSub = true;
            text = bullet.Groups["rest"].Value;
        }
        else
        {
            markedAsSub = indented;
        }

        if (!numbered && !markedAsSub && text.EndsWith(':'))
        {
            return new(AgendaLineShape.Section, Clean(text.TrimEnd(':')), null, null, null, false);
        }

        // From the end: "(beslutning)" and "(15 min.)" in either order, then "v. Name".
        AgendaItemKind? kind = null;
        int? minutes = null;
        for (var changed = true; changed;)
        {
            changed = false;
            if (minutes is null && MinutesAtEnd().Match(text) is { Success: true } m)
            {
                minutes = int.TryParse(m.Groups["minutes"].Value, out var value) ? value : int.MaxValue;
                text = text[..m.Index];
                changed = true;
            }
            if (kind is null && KindAtEnd().Match(text) is { Success: true } k)
            {
                kind = KindOf(k.Groups["kind"].Value);
                text = text[..k.Index];
                changed = true;
            }
        }
        string? presenter = null;
        if (PresenterPart().Match(text) is { Success: true } p)
        {
            presenter = Clean(p.Groups["presenter"].Value);
            text = text[..p.Index];
        }
        var title = Clean(text.TrimEnd(':'));
        if (Pause().IsMatch(title))
        {
            return new(AgendaLineShape.Pause, title, null, minutes, null, markedAsSub);
        }
        return new(markedAsSub ? AgendaLineShape.SubItem : AgendaLineShape.Item, title, kind, minutes, presenter, markedAsSub);
    }

    private static string Clean(string text) => Spaces().Replace(text, " ").Trim().TrimEnd(',', '–', '-').Trim();

    private static AgendaItemKind KindOf(string word)
    {
        var lower = word.ToLowerInvariant();
        return lower.StartsWith("beslutning", StringComparison.Ordinal) || lower.StartsWith("godkendelse", StringComparison.Ordinal) ? AgendaItemKind.Decision
            : lower.StartsWith("drøftelse", StringComparison.Ordinal) ? AgendaItemKind.Discussion
            : lower.StartsWith("høring", StringComparison.Ordinal) ? AgendaItemKind.Hearing
            : lower.StartsWith("arbejdsmøde", StringComparison.Ordinal) ? AgendaItemKind.WorkingSession
            : AgendaItemKind.Information;
    }

    // "1. ", "1) ", "12 ", "3a ", "3a. ", "3 a) ": a main item's number, with a letter for a sub-item. Two digits at most, so
    // that a title starting with a year ("2026 budget") is not read as a number.
    [GeneratedRegex(@"^(?<number>\d{1,2})(?:\s?(?<letter>[a-zæøå])(?=[.)\s]))?(?:[.)]\s*|\s+)(?<rest>.*)$")]
    private static partial Regex Numbered();

    [GeneratedRegex(@"^(?<letter>[a-zæøå])[.)]\s+(?<rest>.*)$")]
    private static partial Regex Lettered();

    [GeneratedRegex(@"^[-–•*·]\s+(?<rest>.*)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"[\s,]*\(\s*(?<minutes>\d{1,6})\s*min(?:utter|\.)?\s*\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex MinutesAtEnd();

    [GeneratedRegex(@"[\s,]*[\(\[]\s*(?<kind>(?:beslutning|orientering|drøftelse)(?:spunkt)?|godkendelse|høring|arbejdsmøde)\s*[\)\]]\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex KindAtEnd();

    [GeneratedRegex(@"\s+v(?:\.|/)\s*(?<presenter>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex PresenterPart();

    [GeneratedRegex(@"^pause$", RegexOptions.IgnoreCase)]
    private static partial Regex Pause();

    [GeneratedRegex(@"\b(?:beslutning|godkendelse|orientering|drøftelse|høring|arbejdsmøde)\w*", RegexOptions.IgnoreCase)]
    private static partial Regex KindWord();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
