using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>
/// The secretary records a meeting held in 2021 and plans one ahead with the keyboard only, typing dates and times the
/// Danish way; publishing, closing and reopening ask first. No WCAG 2.1 A/AA violations on the dialogs or the page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MeetingInputTests(BrowserFixture browser, DevelopmentApp app)
{
    [Fact]
    public async Task A_meeting_held_in_2021_is_typed_in_with_the_keyboard_recorded_as_held_closed_and_reopened_with_a_reason()
    {
        await using var session = await UserSession.SignInAsync(browser, await app.HostAsync(), DemoPeople.Secretary);
        var page = session.Page;
        await session.OpenCouncilAsync(DemoPeople.Council);

        // Keyboard only: open the form, type the title, date and times the Danish way, the place, and save.
        await OpenNewMeetingFormAsync(page);
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Udsatterådets møde oktober 2021");
        await TabToAsync(page, page.Locator("input[data-testid=meeting-date], [data-testid=meeting-date] input"));
        await Assertions.Expect(page.Locator(".mud-dialog").GetByLabel("Titel")).ToHaveValueAsync("Udsatterådets møde oktober 2021");
        await page.Keyboard.TypeAsync("14.10.21");
        await TabToAsync(page, page.Locator("input[data-testid=meeting-start], [data-testid=meeting-start] input"));
        await Assertions.Expect(page.Locator("input[data-testid=meeting-date], [data-testid=meeting-date] input")).ToHaveValueAsync("14.10.2021");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("kl. 16");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("1730");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator("input[data-testid=meeting-start], [data-testid=meeting-start] input")).ToHaveValueAsync("16.00");
        await Assertions.Expect(page.Locator("input[data-testid=meeting-end], [data-testid=meeting-end] input")).ToHaveValueAsync("17.30");
        await page.Keyboard.TypeAsync("Værestedet Kilden, Havnegade 4");
        await TabToAsync(page, page.Locator(".mud-dialog button").Filter(new() { HasText = "Gem" }));
        await page.Keyboard.PressAsync("Enter");

        // The form asks whether a held meeting is being recorded.
        var question = page.Locator("[data-testid=confirm-consequences]");
        await Assertions.Expect(question).ToContainTextAsync("Det oprettes som afholdt, ikke som kladde.");
        await AxeScan.AssertNoViolationsAsync(page);
        await TabToAsync(page, page.Locator("[data-testid=confirm-step]"));
        await page.Keyboard.PressAsync("Enter");

        // Held at once: the meeting page, with "close" and attendance, no publish.
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Udsatterådets møde oktober 2021");
        await Assertions.Expect(page.GetByText("torsdag den 14. oktober 2021 kl. 16.00–17.30")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=close-meeting]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=publish]")).ToHaveCountAsync(0);

        // Close, after the question that says what becomes read-only.
        await page.Locator("[data-testid=close-meeting]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(question).ToContainTextAsync("skrivebeskyttet for medlemmerne");
        await TabToAsync(page, page.Locator("[data-testid=confirm-step]"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=reopen-meeting]")).ToBeVisibleAsync();

        // Reopen with a reason; the reason is shown on the meeting.
        await page.Locator("[data-testid=reopen-meeting]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var reason = page.Locator("textarea[data-testid=reopen-reason], [data-testid=reopen-reason] textarea");
        await TabToAsync(page, reason);
        await page.Keyboard.TypeAsync("Fremmødet skal rettes: Mia Kragh var til stede.");
        await AxeScan.AssertNoViolationsAsync(page);
        await TabToAsync(page, page.Locator("[data-testid=confirm-reopen]"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=reopened-notice]")).ToContainTextAsync("Fremmødet skal rettes: Mia Kragh var til stede.");
        await Assertions.Expect(page.Locator("[data-testid=close-meeting]")).ToBeVisibleAsync();

        await AxeScan.AssertNoViolationsAsync(page);
        session.Errors.AssertNone();
    }

    [Fact]
    public async Task A_meeting_ahead_is_published_after_the_question_that_says_who_sees_it()
    {
        await using var session = await UserSession.SignInAsync(browser, await app.HostAsync(), DemoPeople.Secretary);
        var page = session.Page;
        await session.OpenCouncilAsync(DemoPeople.Council);

        await OpenNewMeetingFormAsync(page);
        await TabToAsync(page, page.Locator("input[data-testid=meeting-date], [data-testid=meeting-date] input"));
        await page.Keyboard.TypeAsync("5/2/2032");

        // The calendar beside the field (for the mouse) shows the typed month; a click beside it closes it.
        await page.GetByRole(AriaRole.Button, new() { Name = "Åbn kalenderen for Dato" }).ClickAsync();
        var calendar = page.Locator(".date-field-calendar");
        await Assertions.Expect(calendar).ToContainTextAsync("februar 2032", new() { IgnoreCase = true });
        await AxeScan.AssertNoViolationsAsync(page);
        await page.Mouse.ClickAsync(5, 5);
        await Assertions.Expect(calendar).Not.ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("input[data-testid=meeting-date], [data-testid=meeting-date] input")).ToHaveValueAsync("05.02.2032");
        await page.Locator("input[data-testid=meeting-date], [data-testid=meeting-date] input").FocusAsync();
        await TabToAsync(page, page.Locator("input[data-testid=meeting-start], [data-testid=meeting-start] input"));
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("kl. sexten");
        await page.Keyboard.PressAsync("Tab");

        // Not understood: said next to the field, in Danish, and kept as typed.
        await Assertions.Expect(page.GetByText("Klokkeslættet blev ikke forstået. Skriv det som fx 16, 16.00, kl. 16 eller 1600.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("input[data-testid=meeting-start], [data-testid=meeting-start] input")).ToHaveValueAsync("kl. sexten");
        await AxeScan.AssertNoViolationsAsync(page);
        await page.Locator("input[data-testid=meeting-start], [data-testid=meeting-start] input").FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("16.30");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("18.30");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Rådhuset, mødelokale 2A");
        await TabToAsync(page, page.Locator(".mud-dialog button").Filter(new() { HasText = "Gem" }));
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByText("torsdag den 5. februar 2032 kl. 16.30–18.30")).ToBeVisibleAsync();
        await page.Locator("[data-testid=publish]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=confirm-consequences]")).ToContainTextAsync("Medlemmer og suppleanter kan derefter se mødet");
        await AxeScan.AssertNoViolationsAsync(page);
        await TabToAsync(page, page.Locator("[data-testid=confirm-step]"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=mark-held]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=publish]")).ToHaveCountAsync(0);
        session.Errors.AssertNone();
    }

    /// <summary>From the council page: focus "Nyt møde", press Enter, and Tab to the title field (it usually has the focus already).</summary>
    private static async Task OpenNewMeetingFormAsync(IPage page)
    {
        await page.Locator("[data-testid=new-meeting]").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("input[data-testid=meeting-date], [data-testid=meeting-date] input")).ToBeVisibleAsync();
        await TabToAsync(page, page.Locator(".mud-dialog").GetByLabel("Titel"));
    }

    /// <summary>Presses Tab until <paramref name="target"/> has the focus, as a keyboard user would.</summary>
    private static async Task TabToAsync(IPage page, ILocator target, int maxTabs = 15)
    {
        for (var i = 0; i < maxTabs; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement"))
            {
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        await Assertions.Expect(target).ToBeFocusedAsync();
    }
}
