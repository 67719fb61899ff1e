using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Workspace.Data.Entities;
using Workspace.EndToEndTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workspace.EndToEndTests.Rebuild;

/// <summary>
/// What a rebuilt meeting must show, whatever UI built it: the JSON API, the meeting page (the administration's and a
/// member's) and the stored attendance hold everything the minutes say, and the pages pass axe-core (WCAG 2.1 AA).
/// </summary>
public static class RebuildChecks
{
    private static readonly TimeSpan TextsArrive = TimeSpan.FromSeconds(20);
    private static readonly TimeZoneInfo Copenhagen = TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen");

    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    /// <summary>GET /api/meetings/{id}: time, place, status, and every item's number, title, presenter, status, decision and minutes text.</summary>
    public static async Task ApiShowsTheMinutesAsync(UserSession session, Guid meetingId, RebuildMeeting meeting, MeetingStatus status)
    {
        // Co-edited texts reach the item's row shortly after the last keystroke.
        var json = await session.GetMeetingJsonAsync(meetingId);
        var deadline = DateTime.UtcNow + TextsArrive;
        while (!TextsArrived(json, meeting) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            json = await session.GetMeetingJsonAsync(meetingId);
        }

        Assert.Equal(meeting.Title, json.GetProperty("title").GetString());
        Assert.Equal(Instant(meeting.Date, meeting.Starts), json.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(Instant(meeting.Date, meeting.Ends), json.GetProperty("endsAt").GetDateTimeOffset());
        Assert.Equal(meeting.Place, json.GetProperty("place").GetString());
        Assert.Equal((int)status, json.GetProperty("status").GetInt32());

        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(meeting.AllItems().Select(i => $"{i.Number} {i.Title}"), items.Select(i => $"{i.GetProperty("number").GetString()} {i.GetProperty("title").GetString()}"));
        foreach (var (expected, actual) in meeting.AllItems().Zip(items))
        {
            var number = expected.Number;
            Assert.True(Same(expected.Decision, Text(actual, "decision")), $"Decision of {number}: expected «{expected.Decision}», got «{Text(actual, "decision")}»");
            Assert.True(Same(expected.Minutes, Text(actual, "minutes")), $"Minutes of {number}: expected «{expected.Minutes}», got «{Text(actual, "minutes")}»");
            Assert.True(Same(expected.Presenter, Text(actual, "presenter")), $"Presenter of {number}: expected «{expected.Presenter}», got «{Text(actual, "presenter")}»");
            Assert.Equal((int)ItemKindOf(expected.Kind), actual.GetProperty("kind").GetInt32());
            if (expected.WithdrawnBecause is { } reason)
            {
                Assert.Equal((int)AgendaItemStatus.Withdrawn, actual.GetProperty("status").GetInt32());
                Assert.Equal(reason, Text(actual, "statusNote"));
            }
            else
            {
                Assert.NotEqual((int)AgendaItemStatus.Withdrawn, actual.GetProperty("status").GetInt32());
            }
        }
    }

    /// <summary>
    /// The meeting page as the administration sees it: heading, time, place, status, each item with its presenter, decision,
    /// minutes text and withdrawal, and the reasons given with apologies.
    /// </summary>
    public static async Task PageShowsTheMinutesAsync(UserSession session, Guid meetingId, RebuildMeeting meeting, string statusLabel)
    {
        await session.OpenMeetingAsync(meetingId);
        var page = session.Page;
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(meeting.Title);
        await Expect(page.Locator("#main")).ToContainTextAsync(TimeText(meeting));
        await Expect(page.Locator("#main")).ToContainTextAsync(meeting.Place);
        await Expect(page.Locator("#main .mud-chip").GetByText(statusLabel, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-testid=agenda-item]")).ToHaveCountAsync(meeting.AllItems().Count());
        foreach (var item in meeting.AllItems())
        {
            var card = session.AgendaItem(item.Number);
            await Expect(card).ToContainTextAsync(item.Title);
            if (item.Presenter is not null)
            {
                await Expect(card).ToContainTextAsync(item.Presenter);
            }
            if (item.Decision is not null)
            {
                await Expect(card.Locator("section.decision")).ToContainTextAsync(item.Decision);
            }
            foreach (var line in Lines(item.Minutes))
            {
                await Expect(card.Locator("[data-testid=item-minutes]")).ToContainTextAsync(line);
            }
            if (item.WithdrawnBecause is not null)
            {
                await Expect(card).ToContainTextAsync("Udgår");
                await Expect(card).ToContainTextAsync(item.WithdrawnBecause);
            }
        }
        foreach (var person in meeting.People.Where(p => p.ApologyReason is not null))
        {
            await Expect(page.Locator($"[data-testid=attendance] [data-testid=attendee][data-person='{person.Name}']")).ToContainTextAsync(person.ApologyReason!);
        }
    }

    /// <summary>What the app stored: everyone's presence, the reasons given with apologies, the guests and the minute-taker.</summary>
    public static async Task AttendanceIsStoredAsync(CouncilArrangement database, Guid meetingId, RebuildMeeting meeting)
    {
        var stored = await database.AttendanceAsync(meetingId);
        foreach (var person in meeting.People)
        {
            Assert.True(stored.Presence.TryGetValue(person.Name, out var presence), $"No attendance stored for {person.Name}.");
            Assert.Equal(PresenceOf(person.Attendance), presence);
            Assert.Equal(person.ApologyReason, stored.Notes.GetValueOrDefault(person.Name));
        }
        Assert.Equal(meeting.Guests.Order(), stored.Guests.Order());
        Assert.Equal(meeting.MinuteTaker, stored.MinuteTaker);
    }

    /// <summary>A member's view of the attendance: each person with their presence, the guest and the minute-taker.</summary>
    public static async Task MemberSeesTheAttendanceAsync(UserSession member, Guid meetingId, RebuildMeeting meeting)
    {
        await member.OpenMeetingAsync(meetingId);
        foreach (var person in meeting.People)
        {
            await Expect(member.Page.Locator($"[data-testid=attendance] [data-testid=attendee][data-person='{person.Name}']"))
                .ToContainTextAsync(PresenceLabel(person.Attendance));
        }
        foreach (var guest in meeting.Guests)
        {
            await Expect(member.Page.Locator("[data-testid=attendance]")).ToContainTextAsync(guest);
        }
        await Expect(member.Page.Locator("[data-testid=attendance]")).ToContainTextAsync(meeting.MinuteTaker);
    }

    public static async Task NoAccessibilityViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(Wcag21AA);
        var report = string.Join("\n", result.Violations.Select(violation =>
            $"- {violation.Id} ({violation.Impact}): {violation.Help}\n" + string.Join("\n",
                violation.Nodes.Select(node => $"    {node.Target}: {node.Html}"))));
        Assert.True(result.Violations.Length == 0, $"axe found {result.Violations.Length} violation(s) on {page.Url}:\n{report}");
    }

    /// <summary>"torsdag den 30. november 2017 kl. 15.30–17.30", as the meeting page shows it.</summary>
    public static string TimeText(RebuildMeeting meeting)
    {
        var danish = System.Globalization.CultureInfo.GetCultureInfo("da-DK");
        return $"{meeting.Date.ToString("dddd 'den' d. MMMM yyyy", danish)} kl. {meeting.Starts:HH.mm}–{meeting.Ends:HH.mm}";
    }

    public static string PresenceLabel(AttendanceKind attendance) => attendance switch
    {
        AttendanceKind.Present => "Til stede",
        AttendanceKind.Apologies => "Afbud",
        _ => "Uden afbud",
    };

    private static PresenceStatus PresenceOf(AttendanceKind attendance) => attendance switch
    {
        AttendanceKind.Present => PresenceStatus.Present,
        AttendanceKind.Apologies => PresenceStatus.Apologies,
        _ => PresenceStatus.AbsentWithoutNotice,
    };

    private static AgendaItemKind ItemKindOf(ItemKind kind) => Enum.Parse<AgendaItemKind>(kind.ToString());

    private static bool TextsArrived(JsonElement json, RebuildMeeting meeting)
    {
        var items = json.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("number").GetString()!);
        return meeting.AllItems().All(i => items.TryGetValue(i.Number, out var item)
            && Same(i.Decision, Text(item, "decision")) && Same(i.Minutes, Text(item, "minutes")));
    }

    private static string? Text(JsonElement item, string property) =>
        item.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>Equal texts, ignoring line-ending style and trailing white space (a textarea may normalise both).</summary>
    private static bool Same(string? expected, string? actual) =>
        Normalised(expected) == Normalised(actual);

    private static string Normalised(string? text) => string.IsNullOrWhiteSpace(text) ? "" : text.Replace("\r\n", "\n").Trim();

    /// <summary>The lines of a minutes text as the rendered Markdown shows them (list markers gone).</summary>
    private static IEnumerable<string> Lines(string? text) =>
        Normalised(text).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.StartsWith("- ", StringComparison.Ordinal) ? line[2..] : line);

    private static DateTimeOffset Instant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        return new DateTimeOffset(local, Copenhagen.GetUtcOffset(local));
    }
}
