using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workspace.EndToEndTests.Agenda;

/// <summary>"Indsæt dagsorden" in the browser: the field has the focus at once, the preview appears as the secretary types, no WCAG 2.1 AA violations.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AgendaTextDialogTests(BrowserFixture browser, DevelopmentApp app)
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Fact]
    public async Task Typed_agenda_shows_its_preview_and_errors_and_the_dialog_passes_axe()
    {
        await using var iben = await UserSession.SignInAsync(browser, await app.HostAsync(), DemoPeople.Secretary);
        await iben.OpenNextMeetingAsync();

        await iben.Page.Locator("[data-testid=add-from-text]").ClickAsync();
        var dialog = iben.Page.GetByRole(AriaRole.Dialog);
        var field = dialog.Locator("textarea[data-testid=agenda-text]");
        await Expect(field).ToBeFocusedAsync();
        await iben.Page.Keyboard.TypeAsync("1. Rundvisning v. Henrik Wulff (30 min.)\n3a. Varmestuen\n- \n", new() { Delay = 20 });

        await Expect(dialog.Locator("[data-testid=agenda-text-row][data-new=true]")).ToHaveCountAsync(3);
        await Expect(dialog.Locator("[data-testid=agenda-text-errors]")).ToContainTextAsync("Linje 3: punktet mangler en titel.");
        await Expect(field).ToHaveValueAsync("1. Rundvisning v. Henrik Wulff (30 min.)\n3a. Varmestuen\n- \n");
        await iben.Page.WaitForFunctionAsync("() => [...document.querySelectorAll('.mud-dialog')].every(e => getComputedStyle(e).opacity === '1')");
        var result = await iben.Page.RunAxe(Wcag21AA);
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{v.Id}: {v.Help} {string.Join(", ", v.Nodes.Select(n => n.Html))}")));

        await dialog.GetByRole(AriaRole.Button, new() { Name = "Annullér" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        iben.Errors.AssertNone();
    }
}
