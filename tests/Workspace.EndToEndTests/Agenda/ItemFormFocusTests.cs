using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workspace.EndToEndTests.Agenda;

/// <summary>
/// The item form and the heading form keep the focus in their title field from the moment they open: a secretary who
/// starts typing at once loses no letter. Before the fix MudDialog's focus trap focused its own container a moment after the
/// title field had the focus, and these tests read "O" for the typed titles.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ItemFormFocusTests(BrowserFixture browser, DevelopmentApp app)
{
    private const string Title = "Orientering om vinterberedskabet";

    [Fact]
    public async Task Item_form_keeps_every_letter_typed_as_soon_as_it_opens()
    {
        await using var iben = await UserSession.SignInAsync(browser, await app.HostAsync(), DemoPeople.Secretary);
        await iben.OpenNextMeetingAsync();

        await iben.Page.Locator("[data-testid=add-item]").ClickAsync();
        var title = iben.Page.GetByRole(AriaRole.Dialog).Locator("input[data-testid=item-title], [data-testid=item-title] input").First;
        await Expect(title).ToBeFocusedAsync();
        // Typed at a person's pace (60 ms a key), through the second in which the form used to take the focus away.
        await iben.Page.Keyboard.TypeAsync(Title, new() { Delay = 60 });
        await iben.Page.WaitForTimeoutAsync(1500);

        await Expect(title).ToHaveValueAsync(Title);
        await Expect(title).ToBeFocusedAsync();
        iben.Errors.AssertNone();
    }

    [Fact]
    public async Task Heading_form_keeps_every_letter_typed_as_soon_as_it_opens()
    {
        await using var iben = await UserSession.SignInAsync(browser, await app.HostAsync(), DemoPeople.Secretary);
        await iben.OpenNextMeetingAsync();

        await iben.Page.Locator("[data-testid=add-section]").ClickAsync();
        var title = iben.Page.GetByRole(AriaRole.Dialog).Locator("input[data-testid=entry-title], [data-testid=entry-title] input").First;
        await Expect(title).ToBeFocusedAsync();
        await iben.Page.Keyboard.TypeAsync("Orienteringspunkter", new() { Delay = 60 });
        await iben.Page.WaitForTimeoutAsync(1500);

        await Expect(title).ToHaveValueAsync("Orienteringspunkter");
        await Expect(title).ToBeFocusedAsync();
        iben.Errors.AssertNone();
    }
}
