using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>axe-core finds no WCAG 2.1 A/AA violations on the app's pages, in the states people use them in.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserFixture browser, DevelopmentApp app)
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Fact]
    public async Task Development_sign_in_page_has_no_violations()
    {
        await using var session = await UserSession.AnonymousAsync(browser, await app.HostAsync());

        await session.Page.GotoAsync("/account/dev-signin");
        await Assertions.Expect(session.Page.Locator($"button[data-person='{DemoPeople.Member}']")).ToBeVisibleAsync();

        await AssertNoViolationsAsync(session.Page);
    }

    [Fact]
    public async Task Home_page_has_no_violations()
    {
        await using var session = await SignInAsync(DemoPeople.Member);

        await Assertions.Expect(session.CouncilCard(DemoPeople.Council).Locator("ul.meeting-list a").First).ToBeVisibleAsync();

        await AssertNoViolationsAsync(session.Page);
    }

    [Fact]
    public async Task Council_page_has_no_violations()
    {
        await using var session = await SignInAsync(DemoPeople.Secretary);

        await session.OpenCouncilAsync(DemoPeople.Council);
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Button, new() { Name = "Nyt møde" })).ToBeVisibleAsync();

        await AssertNoViolationsAsync(session.Page);
    }

    [Fact]
    public async Task Members_page_of_the_administration_and_its_add_dialog_have_no_violations()
    {
        await using var session = await SignInAsync(DemoPeople.Secretary);
        await session.OpenCouncilAsync(DemoPeople.Council);

        await session.Page.Locator("[data-testid=manage-members]").ClickAsync();
        await Assertions.Expect(session.Page.Locator("[data-testid=roster-substitute] [data-testid=move-down]").First).ToBeVisibleAsync();
        await AssertNoViolationsAsync(session.Page);

        await session.Page.Locator("[data-testid=add-member]").ClickAsync();
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Dialog).Locator("[data-testid=member-name]")).ToBeVisibleAsync();
        await WaitUntilOpaqueAsync(session.Page, ".mud-dialog");
        await AssertNoViolationsAsync(session.Page);
    }

    [Fact]
    public async Task Meeting_page_of_a_member_with_the_remark_composer_open_has_no_violations()
    {
        await using var session = await SignInAsync(DemoPeople.Member);
        await session.OpenNextMeetingAsync();

        var item = session.AgendaItem("6");
        await item.Locator("[data-testid=remark-open]").ClickAsync();
        await Assertions.Expect(session.RemarkInput(item)).ToBeFocusedAsync();

        await AssertNoViolationsAsync(session.Page);
    }

    [Fact]
    public async Task Meeting_page_of_the_administration_with_the_new_item_dialog_open_has_no_violations()
    {
        await using var session = await SignInAsync(DemoPeople.Secretary);
        await session.OpenNextMeetingAsync();

        await session.Page.Locator("[data-testid=add-item]").ClickAsync();
        var dialog = session.Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.Locator("[data-testid=item-title]")).ToBeVisibleAsync();
        await WaitUntilOpaqueAsync(session.Page, ".mud-dialog");

        await AssertNoViolationsAsync(session.Page);
    }

    [Fact]
    public async Task No_access_page_has_no_violations()
    {
        await using var session = await UserSession.AnonymousAsync(browser, await app.HostAsync());

        await session.Page.GotoAsync("/no-access");
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ingen adgang");

        await AssertNoViolationsAsync(session.Page);
    }

    [Fact]
    public async Task Signed_out_page_has_no_violations()
    {
        await using var session = await UserSession.AnonymousAsync(browser, await app.HostAsync());

        await session.Page.GotoAsync("/signed-out");
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();

        await AssertNoViolationsAsync(session.Page);
    }

    [Fact]
    public async Task Meeting_not_found_page_has_no_violations()
    {
        await using var session = await SignInAsync(DemoPeople.Member);

        await session.Page.GotoAsync($"/meetings/{Guid.NewGuid()}");
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(session.Page.Locator("[data-testid=agenda-item]")).ToHaveCountAsync(0);

        await AssertNoViolationsAsync(session.Page);
    }

    [Theory]
    [InlineData("/dev/empty-circuit", "empty-circuit")]
    [InlineData("/dev/empty-page-in-layout", "empty-page-in-layout")]
    public async Task Development_pages_the_memory_benchmark_opens_have_no_violations(string path, string testId)
    {
        await using var session = await SignInAsync(DemoPeople.Member);

        await session.Page.GotoAsync(path);
        await Assertions.Expect(session.Page.Locator($"[data-testid={testId}]")).ToBeVisibleAsync();

        await AssertNoViolationsAsync(session.Page);
        session.Errors.AssertNone();
    }

    private async Task<UserSession> SignInAsync(string person) =>
        await UserSession.SignInAsync(browser, await app.HostAsync(), person);

    /// <summary>MudBlazor fades dialogs in; axe would measure contrast half-way through the animation.</summary>
    private static Task WaitUntilOpaqueAsync(IPage page, string selector) =>
        page.WaitForFunctionAsync(
            "selector => [...document.querySelectorAll(selector)].every(e => getComputedStyle(e).opacity === '1')",
            selector);

    private static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(Wcag21AA);

        var report = string.Join("\n", result.Violations.Select(violation =>
            $"- {violation.Id} ({violation.Impact}): {violation.Help} {violation.HelpUrl}\n" + string.Join("\n",
                violation.Nodes.Select(node => $"    {node.Target}: {node.Html}\n      {Checks(node)}"))));
        Assert.True(result.Violations.Length == 0, $"axe found {result.Violations.Length} violation(s) on {page.Url}:\n{report}");
    }

    /// <summary>What the failed checks of a node say (axe's failure summary, built from its any/all/none checks).</summary>
    private static string Checks(AxeResultNode node) =>
        string.Join("; ", (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(check => check.Message));
}
