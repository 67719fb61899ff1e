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
/// without the standard agenda, item by item in the minutes' order, each item's decision and minutes text written in its
/// form before the first save. Attendance is everyone present at once, then the exceptions, an apology with its reason.
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

    /// <summary>The minutes' agenda item by item, each with its texts in the item form, the sub-items under theirs, and the withdrawn item.</summary>
    public async Task BuildAgendaAsync()
    {
        foreach (var item in meeting.Agenda)
        {
            await AddItemAsync(item);
            foreach (var sub in item.SubItems)
            {
                await AddSubItemAsync(item, sub);
            }
        }
        foreach (var item in meeting.AllItems().Where(i => i.WithdrawnBecause is not null))
        {
            await WithdrawAsync(item);
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
        await act.ClickAsync(minuteTaker, "Referent");
        await act.ClickAsync(OpenOption(meeting.MinuteTaker), meeting.MinuteTaker);
        await Expect(minuteTaker).ToContainTextAsync(meeting.MinuteTaker);
        foreach (var person in members)
        {
            await Expect(Attendee(person.Name).GetByRole(AriaRole.Combobox)).ToContainTextAsync(RebuildChecks.PresenceLabel(person.Attendance));
        }
    }

    private async Task StatusAsync(string label) =>
        await Expect(Page.Locator("#main .mud-chip").GetByText(label, new() { Exact = true })).ToBeVisibleAsync();

    private async Task AddSubItemAsync(RebuildItem parent, RebuildItem sub)
    {
        await OpenActionsAsync(parent.Number);
        await act.ClickAsync(Page.GetByRole(AriaRole.Menuitem, new() { Name = "Tilføj underpunkt", Exact = true }), "Tilføj underpunkt");
        await FillItemFormAsync(sub);
        await Expect(Item(sub.Number)).ToContainTextAsync(sub.Title);
    }

    /// <summary>A new item goes last on an agenda without standard items, so it takes its number in the minutes.</summary>
    private async Task AddItemAsync(RebuildItem item)
    {
        await act.ClickAsync(Page.Locator("[data-testid=add-item]"), "Nyt punkt");
        await FillItemFormAsync(item);
        await Expect(Item(item.Number)).ToContainTextAsync(item.Title);
    }

    /// <summary>The new item's form: title, kind if not the default, presenter, decision and minutes text, save.</summary>
    private async Task FillItemFormAsync(RebuildItem item)
    {
        var titleField = Dialog.Locator("input[data-testid=item-title], [data-testid=item-title] input").First;
        await Expect(titleField).ToBeVisibleAsync();
        // The form does not keep the focus in its title field (README.md), so the field is filled directly.
        await act.FillAsync(titleField, item.Title, "title");
        if (item.Kind != ItemKind.Information)
        {
            await act.ClickAsync(Dialog.Locator(".mud-select").First, "Type");
            await act.ClickAsync(OpenOption(KindLabel(item.Kind)), KindLabel(item.Kind));
            await Expect(Page.Locator(".mud-popover-open .mud-list")).ToHaveCountAsync(0);
        }
        if (item.Presenter is not null)
        {
            await act.FillAsync(Dialog.Locator("input[data-testid=item-presenter], [data-testid=item-presenter] input").First, item.Presenter, "presenter");
        }
        foreach (var (field, text) in new[] { ("decision", item.Decision), ("minutes", item.Minutes) }.Where(t => t.Item2 is not null))
        {
            await act.FillAsync(Dialog.Locator($"textarea[data-testid=item-{(field == "minutes" ? "minutes-text" : field)}]"), text!, $"{field} of {item.Number}");
        }
        await act.ClickAsync(Dialog.Locator("[data-testid=item-save]"), "save");
        await Expect(Dialog).ToHaveCountAsync(0);
    }

    private async Task WithdrawAsync(RebuildItem item)
    {
        await OpenActionsAsync(item.Number);
        await act.ClickAsync(Page.GetByRole(AriaRole.Menuitem, new() { Name = "Lad punktet udgå …", Exact = true }), "Lad punktet udgå");
        await act.FillAsync(Dialog.GetByLabel("Begrundelse"), item.WithdrawnBecause!, "reason");
        await act.ClickAsync(Dialog.Locator("[data-testid=withdraw-save]"), "confirm");
        await Expect(Dialog).ToHaveCountAsync(0);
        await Expect(Item(item.Number)).ToContainTextAsync("Udgår");
    }

    /// <summary>One person's presence with its select; "Afbud" opens the reason (optional) and is registered with its button.</summary>
    private async Task RegisterAsync(RebuildPerson person)
    {
        var row = Attendee(person.Name);
        var label = RebuildChecks.PresenceLabel(person.Attendance);
        await act.ClickAsync(row.Locator(".presence-select"), $"presence of {person.Name}");
        await act.ClickAsync(OpenOption(label), label);
        if (person.Attendance == AttendanceKind.Apologies)
        {
            var form = row.Locator("[data-testid=apologies-form]");
            await Expect(form).ToBeVisibleAsync();
            if (person.ApologyReason is not null)
            {
                await act.FillAsync(form.Locator("input"), person.ApologyReason, $"reason of {person.Name}");
            }
            await act.ClickAsync(form.Locator("[data-testid=register-apologies]"), "Registrér afbud");
            await Expect(form).ToHaveCountAsync(0);
        }
        await Expect(row.GetByRole(AriaRole.Combobox)).ToContainTextAsync(label);
    }

    private async Task OpenActionsAsync(string number)
    {
        await act.ClickAsync(Item(number).GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex($"^Handlinger for punkt {number} ") }), $"actions of {number}");
        await Expect(Page.GetByRole(AriaRole.Menuitem).First).ToBeVisibleAsync();
    }

    private ILocator OpenOption(string label) =>
        Page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = label, Exact = true });

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
