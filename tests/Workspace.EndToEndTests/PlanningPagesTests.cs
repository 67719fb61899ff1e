using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>The standard agenda and the annual plan: no WCAG 2.1 A/AA violations, and reordering works from the keyboard.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PlanningPagesTests(BrowserFixture browser, DevelopmentApp app)
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Fact]
    public async Task Standard_agenda_page_has_no_violations_and_moves_an_item_with_the_keyboard()
    {
        await using var session = await UserSession.SignInAsync(browser, await app.HostAsync(), DemoPeople.Secretary);
        await session.OpenCouncilAsync(DemoPeople.Council);
        await session.Page.Locator("[data-testid=agenda-template]").ClickAsync();
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Standarddagsorden for Udsatterådet");
        await Assertions.Expect(session.Page.Locator("[data-testid=template-item]")).ToHaveCountAsync(6);

        await AssertNoViolationsAsync(session.Page);

        // Move "Nyt fra medlemmerne" up with Enter; the focus stays on its button, so Tab reaches "down" to move it back.
        var up = session.Page.GetByRole(AriaRole.Button, new() { Name = "Flyt \"Nyt fra medlemmerne\" op" });
        await up.FocusAsync();
        await session.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(session.Page.Locator(".template-title").Nth(2)).ToHaveTextAsync("3. Nyt fra medlemmerne");
        await Assertions.Expect(up).ToBeFocusedAsync();
        await session.Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Button, new() { Name = "Flyt \"Nyt fra medlemmerne\" ned" })).ToBeFocusedAsync();
        await session.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(session.Page.Locator(".template-title").Nth(3)).ToHaveTextAsync("4. Nyt fra medlemmerne");
        session.Errors.AssertNone();
    }

    [Fact]
    public async Task Annual_plan_page_with_dates_and_a_field_error_has_no_violations()
    {
        await using var session = await UserSession.SignInAsync(browser, await app.HostAsync(), DemoPeople.Secretary);
        await session.OpenCouncilAsync(DemoPeople.Council);
        await session.Page.Locator("[data-testid=annual-plan]").ClickAsync();
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Årsplan \\d{4}$"));

        await session.Page.GetByText("Første ugedag i hver måned").ClickAsync();
        await session.Page.Locator("[data-testid=plan-fill-months]").ClickAsync();
        await Assertions.Expect(session.Page.Locator("[data-testid=plan-date-row]")).Not.ToHaveCountAsync(0);
        await session.Page.Locator("[data-testid=plan-create]").ClickAsync();
        await Assertions.Expect(session.Page.GetByText("Angiv et sted, et link til onlinemøde eller begge.")).ToBeVisibleAsync();

        await AssertNoViolationsAsync(session.Page);
        session.Errors.AssertNone();
    }

    private static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(Wcag21AA);

        var report = string.Join("\n", result.Violations.Select(violation =>
            $"- {violation.Id} ({violation.Impact}): {violation.Help}\n" + string.Join("\n",
                violation.Nodes.Select(node => $"    {node.Target}: {node.Html}"))));
        Assert.True(result.Violations.Length == 0, $"axe found {result.Violations.Length} violation(s) on {page.Url}:\n{report}");
    }
}
