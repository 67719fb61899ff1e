using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workspace.EndToEndTests.Rebuild;

/// <summary>
/// How a careful secretary rebuilds <see cref="RebuildMeeting"/> with the UI after issue #11, one method per phase. Every UI
/// action goes through <see cref="ActionCounter"/>; the waits between them (for the server's answer) are not actions. Only
/// this class knows how to work the UI: when the UI changes, the steps change here, and the fixture, the counter and the
/// checks (what the pages show) stay.
/// </summary>
/// <remarks>
/// The fewest actions this UI allows: the meeting is dated in the past and recorded as held straight away (no publish,
/// held, close). A held meeting's agenda is the record (its order is fixed, nothing is deleted), so the agenda is built
/// without the standard agenda: pasted as text in the minutes' order, then each item's decision and minutes text written in
/// its form, from item to item with "Gem og næste punkt". Attendance is everyone present at once, then one click for each
/// exception, an apology with its reason; the minute-taker is one choice of a native select.
/// </remarks>
public sealed class RebuildSteps(ActionCounter act, RebuildMeeting meeting)
{
    private IPage Page => act.Page;

    private ILocator Dialog => Page.GetByRole(AriaRole.Dialog);

    private ILocator Item(string number) => Page.Locator($"[data-testid=agenda-item][data-item-number='{number}']");

    private ILocator Attendee(string name) => Page.Locator($"[data-testid=attendance] [data-testid=attendee][data-person='{name}']");

    /// <summary>From the home page: the council, "Nyt møde", the form, and yes, a held meeting is recorded. Returns the new meeting's id.</summary>
    public async Task<Guid> CreateMeetingAsync()
    {
        await act.ClickAsync(Page.Locator("#main").GetByRole(AriaRole.Link, new() { Name = meeting.Council, Exact = true }), "the council on the home page");
        await act.ClickAsync(Page.Locator("[data-testid=new-meeting]"), "Nyt møde");
        await Expect(Dialog.GetByLabel("Titel", new() { Exact = true })).ToBeVisibleAsync();
        await act.FillAsync(Dialog.GetByLabel("Titel", new() { Exact = true }), meeting.Title, "title");
        // Typed the short Danish way, as the minutes' header says it.
        await act.FillAsync(Dialog.Locator("input[data-testid=meeting-date], [data-testid=meeting-date] input").First, meeting.Date.ToString("d.M.yy"), "date");
        await act.FillAsync(Dialog.Locator("input[data-testid=meeting-start], [data-testid=meeting-start] input").First, meeting.Starts.ToString("HH.mm"), "start");
        await act.FillAsync(Dialog.Locator("input[data-testid=meeting-end], [data-testid=meeting-end] input").First, meeting.Ends.ToString("HH.mm"), "end");
        await act.FillAsync(Dialog.GetByLabel("Sted", new() { Exact = true }), meeting.Place, "place");
        // A held meeting's agenda is the record: its order is fixed and nothing is deleted, so the standard agenda (with
        // the approvals the other way round, news from the members and the follow-up status the minutes do not have)
        // could not be made into the minutes' agenda.
        await act.ClickAsync(Dialog.Locator("[data-testid=use-template]"), "Brug standarddagsordenen off");
        await act.ClickAsync(Dialog.GetByRole(AriaRole.Button, new() { Name = "Gem", Exact = true }), "save");
        await Expect(Page.Locator("[data-testid=confirm-consequences]")).ToContainTextAsync("afholdt");
        await act.ClickAsync(Page.Locator("[data-testid=confirm-step]"), "Ja, registrér afholdt møde");
        await Page.WaitForURLAsync("**/meetings/*");
        await StatusAsync("Afholdt");
        return Guid.Parse(new Uri(Page.Url).Segments[^1].TrimEnd('/'));
    }

    /// <summary>
    /// The minutes' agenda pasted as text in one field (numbers, sub-items, presenters and kinds as the minutes write them),
    /// checked in the preview and created in one save; then each item's decision and minutes text in its form, going from
    /// item to item with "Gem og næste punkt"; last, the withdrawn item.
    /// </summary>
    public async Task BuildAgendaAsync()
    {
        await act.ClickAsync(Page.Locator("[data-testid=add-from-text]"), "Indsæt dagsorden");
        var field = Dialog.Locator("textarea[data-testid=agenda-text]");
        await Expect(field).ToBeFocusedAsync();
        await act.FillAsync(field, AgendaAsText(), "the agenda as text");
        // The preview shows every line as it will be numbered before anything is saved.
        await Expect(Dialog.Locator("[data-testid=agenda-text-row][data-new=true]")).ToHaveCountAsync(meeting.AllItems().Count());
        foreach (var item in meeting.AllItems())
        {
            await Expect(Dialog.Locator("[data-testid=agenda-text-preview]")).ToContainTextAsync($"{item.Number}. {item.Title}");
        }
        await act.ClickAsync(Dialog.Locator("[data-testid=agenda-text-save]"), "Opret på dagsordenen");
        await Expect(Dialog).ToHaveCountAsync(0);
        foreach (var item in meeting.AllItems())
        {
            await Expect(Item(item.Number)).ToContainTextAsync(item.Title);
        }

        await WriteTextsAsync();
        foreach (var item in meeting.AllItems().Where(i => i.WithdrawnBecause is not null))
        {
            await WithdrawAsync(item);
        }
    }

    /// <summary>"1. Title v. Presenter (kind)", sub-items as "3a. Title": how a secretary types the minutes' agenda.</summary>
    private string AgendaAsText() => string.Join("\n", meeting.AllItems().Select(item =>
        $"{item.Number}. {item.Title}"
        + (item.Presenter is null ? "" : $" v. {item.Presenter}")
        + (item.Kind == KindFromTheTitle(item) ? "" : $" ({KindLabel(item.Kind).ToLowerInvariant()})")));

    /// <summary>The kind the app reads from a title's words (godkendelse, drøftelse ...), else an information item.</summary>
    private static ItemKind KindFromTheTitle(RebuildItem item) =>
        item.Title.StartsWith("Godkendelse", StringComparison.Ordinal) ? ItemKind.Decision
        : item.Title.Contains("drøftelse", StringComparison.OrdinalIgnoreCase) ? ItemKind.Discussion
        : ItemKind.Information;

    /// <summary>
    /// The texts, item after item: the first item's pencil, its texts (saved as typed, co-edited), "Gem og næste punkt" to
    /// the next item's form, and "Gem" on the last.
    /// </summary>
    private async Task WriteTextsAsync()
    {
        var items = meeting.AllItems().ToList();
        var first = items.FindIndex(i => i.Decision is not null || i.Minutes is not null);
        var last = items.FindLastIndex(i => i.Decision is not null || i.Minutes is not null);
        await act.ClickAsync(Item(items[first].Number).GetByRole(AriaRole.Button, new() { Name = $"Redigér punkt {items[first].Number}", Exact = true }),
            $"Redigér {items[first].Number}");
        for (var index = first; index <= last; index++)
        {
            var item = items[index];
            await Expect(Dialog.Locator("input[data-testid=item-title], [data-testid=item-title] input").First).ToHaveValueAsync(item.Title);
            foreach (var (field, text) in new[] { ("decision", item.Decision), ("minutes", item.Minutes) }.Where(t => t.Item2 is not null))
            {
                // The text is ready once it says "Gemt" (it is read from the server first); what is typed is stored as typed, and
                // the card behind the dialog shows it once the server has it.
                await Expect(Dialog.Locator($"[data-testid=coedit-state-{field}]")).ToHaveTextAsync("Gemt");
                await act.FillAsync(Dialog.Locator($"textarea[data-testid=coedit-{field}]"), text!, $"{field} of {item.Number}");
                var shown = text!.Split('\n')[0].TrimStart('-', ' ');
                await Expect(Item(item.Number).Locator(field == "decision" ? "section.decision" : "[data-testid=item-minutes]")).ToContainTextAsync(shown);
            }
            if (index < last)
            {
                await act.ClickAsync(Dialog.Locator("[data-testid=item-save-next]"), "Gem og næste punkt");
            }
            else
            {
                await act.ClickAsync(Dialog.Locator("[data-testid=item-save]"), "save");
                await Expect(Dialog).ToHaveCountAsync(0);
            }
        }
    }

    /// <summary>
    /// Everyone present at once, then the exceptions: apologies (with the reason given), absent without notice, the
    /// administration; the guest and the minute-taker.
    /// </summary>
    public async Task RegisterAttendanceAsync()
    {
        await act.ClickAsync(Page.Locator("[data-testid=register-all-present]"), "Registrér alle som mødt");
        await Expect(Page.Locator("[data-testid=attendance-status]")).ToContainTextAsync("Registreret som mødt");
        var members = meeting.People.Where(p => p.Seat == Seat.Member).ToList();
        foreach (var person in meeting.People.Where(p => p.Seat == Seat.Administration || p.Attendance != AttendanceKind.Present))
        {
            await RegisterAsync(person);
        }
        foreach (var guest in meeting.Guests)
        {
            await act.FillAsync(Page.GetByLabel("Gæst", new() { Exact = true }), guest, "guest");
            await act.ClickAsync(Page.Locator("[data-testid=add-guest]"), "Tilføj gæst");
            await Expect(Page.Locator("[data-testid=attendance] .attendee-list li").Filter(new() { HasText = guest })).ToBeVisibleAsync();
        }
        var minuteTaker = Page.Locator("[data-testid=attendance]").GetByRole(AriaRole.Combobox, new() { Name = "Referent", Exact = true });
        await act.SelectOptionAsync(minuteTaker, meeting.MinuteTaker, "Referent");
        await Expect(minuteTaker.Locator("option:checked")).ToHaveTextAsync(meeting.MinuteTaker);
        foreach (var person in members)
        {
            await Expect(Attendee(person.Name).GetByRole(AriaRole.Button, new() { Name = RebuildChecks.PresenceLabel(person.Attendance), Exact = true }))
                .ToHaveAttributeAsync("aria-pressed", "true");
        }
    }

    private async Task StatusAsync(string label) =>
        await Expect(Page.Locator("#main .mud-chip").GetByText(label, new() { Exact = true })).ToBeVisibleAsync();

    private async Task WithdrawAsync(RebuildItem item)
    {
        await OpenActionsAsync(item.Number);
        await act.ClickAsync(Page.GetByRole(AriaRole.Menuitem, new() { Name = "Lad punktet udgå …", Exact = true }), "Lad punktet udgå");
        await act.FillAsync(Dialog.GetByLabel("Begrundelse"), item.WithdrawnBecause!, "reason");
        await act.ClickAsync(Dialog.Locator("[data-testid=withdraw-save]"), "confirm");
        await Expect(Dialog).ToHaveCountAsync(0);
        await Expect(Item(item.Number)).ToContainTextAsync("Udgår");
    }

    /// <summary>One click on the person's presence; apologies with a reason get it typed and saved under the name.</summary>
    private async Task RegisterAsync(RebuildPerson person)
    {
        var row = Attendee(person.Name);
        var label = RebuildChecks.PresenceLabel(person.Attendance);
        var button = row.Locator("[data-testid=presence-choice]").GetByRole(AriaRole.Button, new() { Name = label, Exact = true });
        await act.ClickAsync(button, $"{label} for {person.Name}");
        await Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
        if (person.ApologyReason is not null)
        {
            var form = row.Locator("[data-testid=apologies-form]");
            await act.FillAsync(form.Locator("input"), person.ApologyReason, $"reason of {person.Name}");
            await act.ClickAsync(form.Locator("[data-testid=save-apologies-reason]"), "Gem begrundelse");
            await Expect(form).ToHaveCountAsync(0);
        }
    }

    private async Task OpenActionsAsync(string number)
    {
        await act.ClickAsync(Item(number).GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex($"^Handlinger for punkt {number} ") }), $"actions of {number}");
        await Expect(Page.GetByRole(AriaRole.Menuitem).First).ToBeVisibleAsync();
    }

    private static string KindLabel(ItemKind kind) => kind switch
    {
        ItemKind.Decision => "Beslutning",
        ItemKind.Discussion => "Drøftelse",
        ItemKind.Hearing => "Høring",
        ItemKind.WorkingSession => "Arbejdsmøde",
        ItemKind.Break => "Pause",
        _ => "Orientering",
    };
}
