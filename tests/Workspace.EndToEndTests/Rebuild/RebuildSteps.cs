using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workspace.EndToEndTests.Rebuild;

/// <summary>
/// How a careful secretary rebuilds <see cref="RebuildMeeting"/> with the UI as it is on main on 2 December 2026
/// (the baseline of issue #11), one method per phase. Every UI action goes through <see cref="ActionCounter"/>; the
/// waits between them (for the server's answer) are not actions. Only this class knows how to work the UI: when the UI
/// changes, the steps change here, and the fixture, the counter and the checks (what the pages show) stay.
/// </summary>
/// <remarks>
/// The fewest actions today's UI allows: the standard agenda is used (and put in the minutes' order), new items land
/// after its end items, which are dragged back to the end (one action each; the arrow keys on the move handle take one
/// per place), each person's presence is one select, and an item's decision and minutes text are written in its
/// co-edited texts. The window is made as tall as the page for each drag, so that it starts and ends in view.
/// </remarks>
public sealed class RebuildSteps(ActionCounter act, RebuildMeeting meeting)
{
    /// <summary>What the minutes hold that this UI has no place for: the checks leave it out. README.md lists every gap.</summary>
    public static NoPlace NoPlaceFor => NoPlace.ApologyReasons;

    /// <summary>Today's standard agenda of the demo council, as every new meeting gets it.</summary>
    private static readonly string[] StandardAgenda =
        ["Godkendelse af dagsorden", "Godkendelse af referat fra sidste møde", "Nyt fra formanden", "Nyt fra medlemmerne", "Næste møde", "Eventuelt"];

    /// <summary>The standard items placed at the end (AtEnd): every new item lands after them.</summary>
    private static readonly string[] EndItems = ["Næste møde", "Eventuelt"];

    private IPage Page => act.Page;

    private ILocator Dialog => Page.GetByRole(AriaRole.Dialog);

    private ILocator Item(string number) => Page.Locator($"[data-testid=agenda-item][data-item-number='{number}']");

    private ILocator Attendee(string name) => Page.Locator($"[data-testid=attendance] [data-testid=attendee][data-person='{name}']");

    /// <summary>From the home page: the council, "Nyt møde", the form. Returns the new meeting's id.</summary>
    public async Task<Guid> CreateMeetingAsync()
    {
        await act.ClickAsync(Page.Locator("#main").GetByRole(AriaRole.Link, new() { Name = meeting.Council, Exact = true }), "the council on the home page");
        await act.ClickAsync(Page.Locator("[data-testid=new-meeting]"), "Nyt møde");
        await Expect(Dialog.GetByLabel("Titel", new() { Exact = true })).ToBeVisibleAsync();
        await act.FillAsync(Dialog.GetByLabel("Titel", new() { Exact = true }), meeting.Title, "title");
        await act.FillAsync(Dialog.GetByLabel("Dato", new() { Exact = true }), meeting.Date.ToString("dd.MM.yyyy"), "date");
        await act.FillAsync(Dialog.GetByLabel("Start", new() { Exact = true }), meeting.Starts.ToString("HH:mm"), "start");
        await act.FillAsync(Dialog.GetByLabel("Slut", new() { Exact = true }), meeting.Ends.ToString("HH:mm"), "end");
        await act.FillAsync(Dialog.GetByLabel("Sted", new() { Exact = true }), meeting.Place, "place");
        await act.ClickAsync(Dialog.GetByRole(AriaRole.Button, new() { Name = "Gem", Exact = true }), "save");
        await Page.WaitForURLAsync("**/meetings/*");
        await Expect(Item("1")).ToBeVisibleAsync();
        return Guid.Parse(new Uri(Page.Url).Segments[^1].TrimEnd('/'));
    }

    /// <summary>The standard agenda put in the minutes' order, sub-items, the meeting's own items, the withdrawn item.</summary>
    public async Task BuildAgendaAsync()
    {
        var shown = StandardAgenda.ToList();
        // The minutes approve the last minutes before the agenda; the standard agenda has them the other way round.
        await DragOntoAsync(shown, meeting.Item("1").Title, shown[0]);
        // The chair's item has the minutes' title.
        var chair = meeting.Item("3");
        await RenameAsync(shown, "Nyt fra formanden", chair.Title);
        // No news from the members at this meeting.
        await DeleteAsync(shown, "Nyt fra medlemmerne");

        foreach (var sub in chair.SubItems)
        {
            await AddSubItemAsync(chair, sub);
        }

        var ownItems = meeting.Agenda.Where(i => !shown.Contains(i.Title)).ToList();
        foreach (var item in ownItems)
        {
            await AddItemAsync(shown, item);
        }
        // New items landed after "Næste møde" and "Eventuelt"; those two go back to the end, the last first.
        foreach (var (end, index) in EndItems.Reverse().Select((end, index) => (end, index)))
        {
            await DragOntoAsync(shown, end, shown[^(index + 1)]);
        }
        foreach (var item in meeting.AllItems().Where(i => i.WithdrawnBecause is not null))
        {
            await WithdrawAsync(item);
        }
    }

    /// <summary>
    /// Each person's presence, the guests and the minute-taker. The secretary has no place for an apology's reason today
    /// (only a member answering their own invitation writes one), so <see cref="RebuildPerson.ApologyReason"/> is left out.
    /// </summary>
    public async Task RegisterAttendanceAsync()
    {
        foreach (var person in meeting.People)
        {
            var row = Attendee(person.Name);
            await act.ClickAsync(row.Locator(".presence-select"), $"presence of {person.Name}");
            await act.ClickAsync(OpenOption(RebuildChecks.PresenceLabel(person.Attendance)), RebuildChecks.PresenceLabel(person.Attendance));
            await Expect(row.GetByRole(AriaRole.Combobox)).ToContainTextAsync(RebuildChecks.PresenceLabel(person.Attendance));
        }
        foreach (var guest in meeting.Guests)
        {
            await act.FillAsync(Page.GetByLabel("Gæst (navn og organisation)"), guest, "guest");
            await act.ClickAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Tilføj gæst", Exact = true }), "Tilføj gæst");
            await Expect(Page.Locator("[data-testid=attendance] .attendee-list li").Filter(new() { HasText = guest })).ToBeVisibleAsync();
        }
        var minuteTaker = Page.Locator("[data-testid=attendance]").GetByRole(AriaRole.Combobox, new() { Name = "Referent", Exact = true });
        await act.ClickAsync(minuteTaker, "Referent");
        await act.ClickAsync(OpenOption(meeting.MinuteTaker), meeting.MinuteTaker);
        await Expect(minuteTaker).ToContainTextAsync(meeting.MinuteTaker);
    }

    /// <summary>Each item's decision and minutes text, in its co-edited texts under the item.</summary>
    public async Task WriteTextsAsync()
    {
        foreach (var item in meeting.AllItems().Where(i => i.Decision is not null || i.Minutes is not null))
        {
            var card = Item(item.Number);
            await act.ClickAsync(card.Locator("[data-testid=write-texts]"), $"Skriv i teksterne {item.Number}");
            if (item.Decision is not null)
            {
                await WriteAsync(card, "decision", item.Decision, item.Number);
            }
            if (item.Minutes is not null)
            {
                await WriteAsync(card, "minutes", item.Minutes, item.Number);
            }
        }
    }

    /// <summary>A meeting that took place, with its minutes written: published, held, closed.</summary>
    public async Task FinishAsync()
    {
        await act.ClickAsync(Page.Locator("[data-testid=publish]"), "Offentliggør");
        await StatusAsync("Offentliggjort");
        await act.ClickAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Marker som afholdt", Exact = true }), "Marker som afholdt");
        await StatusAsync("Afholdt");
        await act.ClickAsync(Page.GetByRole(AriaRole.Button, new() { Name = "Afslut mødet", Exact = true }), "Afslut mødet");
        await StatusAsync("Afsluttet");
    }

    private async Task StatusAsync(string label) =>
        await Expect(Page.Locator("#main .mud-chip").GetByText(label, new() { Exact = true })).ToBeVisibleAsync();

    private async Task WriteAsync(ILocator card, string field, string text, string number)
    {
        // The text binds to the server when it opens; typing before that would race it.
        await Expect(card.Locator($"[data-testid=coedit-state-{field}]")).ToHaveTextAsync("Gemt");
        await act.FillAsync(card.Locator($"[data-testid=coedit-{field}]"), text, $"{field} of {number}");
    }

    /// <summary>
    /// Drags an item by its move handle onto another; it takes that item's place. One action where the arrow keys on the
    /// handle take one per place (plus the click on the handle).
    /// </summary>
    private async Task DragOntoAsync(List<string> shown, string title, string ontoTitle)
    {
        var from = shown.IndexOf(title);
        var to = shown.IndexOf(ontoTitle);
        // A drag that has to scroll half-way loses what is under the mouse: a window as tall as the page, as a big screen.
        var height = await Page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        if (height > Page.ViewportSize!.Height)
        {
            await Page.SetViewportSizeAsync(Page.ViewportSize.Width, height + 100);
        }
        await act.DragAsync(Item(Number(from)).Locator(".agenda-move-handle"), Item(Number(to)), $"{title} onto {ontoTitle}");
        shown.RemoveAt(from);
        shown.Insert(to, title);
        await Expect(Item(Number(to))).ToContainTextAsync(title);
    }

    private async Task RenameAsync(List<string> shown, string title, string newTitle)
    {
        var number = Number(shown.IndexOf(title));
        await act.ClickAsync(Item(number).GetByRole(AriaRole.Button, new() { Name = $"Redigér punkt {number}", Exact = true }), $"edit {number}");
        await act.FillAsync(Dialog.Locator("input[data-testid=item-title], [data-testid=item-title] input").First, newTitle, "title");
        await act.ClickAsync(Dialog.Locator("[data-testid=item-save]"), "save");
        await Expect(Item(number)).ToContainTextAsync(newTitle);
        shown[shown.IndexOf(title)] = newTitle;
    }

    private async Task DeleteAsync(List<string> shown, string title)
    {
        var number = Number(shown.IndexOf(title));
        await OpenActionsAsync(number);
        await act.ClickAsync(Page.GetByRole(AriaRole.Menuitem, new() { Name = "Slet punktet", Exact = true }), "Slet punktet");
        await act.ClickAsync(Dialog.GetByRole(AriaRole.Button, new() { Name = "Slet punktet", Exact = true }), "confirm");
        shown.Remove(title);
        await Expect(Item(number)).ToContainTextAsync(shown[int.Parse(number) - 1]);
    }

    private async Task AddSubItemAsync(RebuildItem parent, RebuildItem sub)
    {
        await OpenActionsAsync(parent.Number);
        await act.ClickAsync(Page.GetByRole(AriaRole.Menuitem, new() { Name = "Tilføj underpunkt", Exact = true }), "Tilføj underpunkt");
        await FillItemFormAsync(sub);
        await Expect(Item(sub.Number)).ToContainTextAsync(sub.Title);
    }

    private async Task AddItemAsync(List<string> shown, RebuildItem item)
    {
        await act.ClickAsync(Page.Locator("[data-testid=add-item]"), "Nyt punkt");
        await FillItemFormAsync(item);
        shown.Add(item.Title);
        await Expect(Item(Number(shown.Count - 1))).ToContainTextAsync(item.Title);
    }

    /// <summary>The new-item form: title, kind if not the default, presenter, save.</summary>
    private async Task FillItemFormAsync(RebuildItem item)
    {
        var title = Dialog.Locator("input[data-testid=item-title], [data-testid=item-title] input").First;
        await Expect(title).ToBeVisibleAsync();
        await act.FillAsync(title, item.Title, "title");
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

    private async Task OpenActionsAsync(string number)
    {
        await act.ClickAsync(Item(number).GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex($"^Handlinger for punkt {number} ") }), $"actions of {number}");
        await Expect(Page.GetByRole(AriaRole.Menuitem).First).ToBeVisibleAsync();
    }

    private ILocator OpenOption(string label) =>
        Page.Locator(".mud-popover-open").GetByRole(AriaRole.Option, new() { Name = label, Exact = true });

    private static string Number(int index) => (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

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
