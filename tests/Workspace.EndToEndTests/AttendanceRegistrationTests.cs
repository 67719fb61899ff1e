using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>
/// The secretary rebuilds a meeting's attendance with the keyboard alone: everyone present at once, then one member's
/// apologies (one press of "Afbud") with the reason (typed, Enter), the proposed substitute confirmed; the member sees what was registered. Runs on an app of
/// its own, because the registration changes the shared app's next meeting.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AttendanceRegistrationTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string AbsentMember = "Poul Skovbo";
    private const int MaxTabs = 400;

    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    private AppHost? _host;

    public async ValueTask InitializeAsync() => _host = await AppHost.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Secretary_registers_everyone_present_then_an_apology_with_reason_and_confirms_the_substitute_by_keyboard()
    {
        await using var iben = await UserSession.SignInAsync(browser, _host!, DemoPeople.Secretary);
        await using var mia = await UserSession.SignInAsync(browser, _host!, DemoPeople.Member);
        var meetingId = await iben.OpenNextMeetingAsync();
        await mia.OpenMeetingAsync(meetingId);
        var page = iben.Page;
        var keyboard = page.Keyboard;
        await AssertNoViolationsAsync(page);

        // Everyone present with one button.
        await TabUntilAsync(page, "e => e.dataset.testid === 'register-all-present'");
        await keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("[data-testid=attendance-status]")).ToHaveTextAsync("Registreret som mødt: 10.");
        await Assertions.Expect(page.Locator("[data-testid=register-all-present]")).ToHaveCountAsync(0);
        await Assertions.Expect(mia.Page.Locator("[data-testid=my-presence]")).ToHaveTextAsync("Registreret på mødet: Til stede");

        // Then the exception: Poul sent apologies by phone. "Afbud" registers them at once; the reason field is the next stop for Tab.
        var apologies = page.Locator($"[data-testid=attendee][data-person='{AbsentMember}'] button[data-presence=Apologies]");
        await TabUntilAsync(page, $"e => e.closest(\"[data-testid=attendee][data-person='{AbsentMember}']\") !== null && e.dataset.presence === 'Apologies'");
        await keyboard.PressAsync("Enter");
        await Assertions.Expect(apologies).ToHaveAttributeAsync("aria-pressed", "true");
        var reason = page.Locator("[data-testid=apologies-form] input");
        await Assertions.Expect(reason).ToBeVisibleAsync();
        await TabUntilAsync(page, "e => e.closest('[data-testid=apologies-form]') !== null && e.tagName === 'INPUT'");
        await AssertNoViolationsAsync(page);
        await keyboard.TypeAsync("Syg");
        await keyboard.PressAsync("Enter");

        // The next substitute in order is proposed, as when the member sends apologies; the secretary confirms.
        var proposal = page.Locator("[data-testid=proposed-call]");
        await Assertions.Expect(proposal).ToContainTextAsync($"{DemoPeople.Substitute} foreslås indkaldt for {AbsentMember}");
        var poul = page.Locator($"[data-testid=attendee][data-person='{AbsentMember}']");
        await Assertions.Expect(poul).ToContainTextAsync("Afbud: Syg");
        await TabUntilAsync(page, "e => e.dataset.testid === 'confirm-call'");
        await keyboard.PressAsync("Enter");
        await Assertions.Expect(proposal).ToHaveCountAsync(0);
        await Assertions.Expect(poul.Locator("[data-testid=stepping-in]")).ToHaveTextAsync($"Suppleant: {DemoPeople.Substitute}");
        await Assertions.Expect(mia.Page.Locator($"[data-testid=attendee][data-person='{DemoPeople.Substitute}'] [data-testid=stepping-in]"))
            .ToHaveTextAsync($"Møder for {AbsentMember}");
        await AssertNoViolationsAsync(page);
        iben.Errors.AssertNone();
        mia.Errors.AssertNone();
    }

    [Theory]
    [InlineData(320)]
    [InlineData(1280)]
    public async Task Guest_field_and_its_button_show_whole_at_narrow_and_wide_widths(int width)
    {
        await using var iben = await UserSession.SignInAsync(browser, _host!, DemoPeople.Secretary);
        await iben.Page.SetViewportSizeAsync(width, 900);
        await iben.OpenNextMeetingAsync();
        var form = iben.Page.Locator(".guest-form");
        await form.ScrollIntoViewIfNeededAsync();

        // Nothing in the form is cut off (its text is as wide as its box), and the button lies within the page.
        var cut = await form.EvaluateAsync<string[]>(
            """
            f => [...f.querySelectorAll('label, .mud-input-helper-text, .mud-button-label')]
                .filter(e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > document.documentElement.clientWidth)
                .map(e => e.textContent.trim())
            """);
        Assert.Empty(cut);
        await Assertions.Expect(form.GetByLabel("Gæst", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(form.GetByRole(AriaRole.Button, new() { Name = "Tilføj gæst" })).ToBeInViewportAsync();
        var formRight = await form.EvaluateAsync<double>("f => f.getBoundingClientRect().right - document.documentElement.clientWidth");
        Assert.True(formRight <= 1, $"The guest form reaches {formRight} px beyond the page's width.");
        iben.Errors.AssertNone();
    }

    /// <summary>Presses Tab until the focused element satisfies the JavaScript predicate (given the element).</summary>
    private static async Task TabUntilAsync(IPage page, string predicate)
    {
        var visited = new List<string>();
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var found = await page.EvaluateAsync<bool>($"() => {{ const e = document.activeElement; return !!e && ({predicate})(e); }}");
            if (found)
            {
                return;
            }
            visited.Add(await page.EvaluateAsync<string>("() => `${document.activeElement?.tagName} ${document.activeElement?.dataset?.testid ?? ''} ${document.activeElement?.getAttribute('aria-label') ?? ''} ${(document.activeElement?.textContent ?? '').trim().slice(0, 30)}`"));
        }
        Assert.Fail($"Tab never reached {predicate} in {MaxTabs} presses. Visited:\n{string.Join("\n", visited.TakeLast(40))}");
    }

    private static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(Wcag21AA);
        var report = string.Join("\n", result.Violations.Select(v =>
            $"- {v.Id} ({v.Impact}): {v.Help}\n" + string.Join("\n", v.Nodes.Select(n => $"    {n.Target}: {n.Html}"))));
        Assert.True(result.Violations.Length == 0, $"axe found {result.Violations.Length} violation(s) on {page.Url}:\n{report}");
    }
}
