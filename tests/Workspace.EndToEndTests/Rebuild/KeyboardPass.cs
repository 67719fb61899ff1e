using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workspace.EndToEndTests.Rebuild;

/// <summary>
/// The steps issue #11 added to the rebuild, done with the keyboard alone and counted apart from the rebuild (Tab presses
/// included): a heading on a planned meeting's agenda (a held meeting's agenda keeps its shape, so the rebuilt one takes
/// none) and a new item with its texts written in the item form. The rebuild itself records the meeting in the past and
/// registers everyone present by keyboard-equivalent clicks; MeetingInputTests and AttendanceRegistrationTests do those
/// two by keyboard alone.
/// </summary>
public sealed class KeyboardPass(ActionCounter act)
{
    private const int MaxTabs = 120;

    private IPage Page => act.Page;

    private ILocator Dialog => Page.GetByRole(AriaRole.Dialog);

    /// <summary>"Tilføj overskrift", the heading's title typed, saved with the keyboard.</summary>
    public async Task AddHeadingAsync(string heading)
    {
        await TabUntilAsync("e => e.dataset.testid === 'add-section'", "Tilføj overskrift");
        await act.PressAsync("Enter", "Tilføj overskrift");
        var title = Dialog.Locator("input[data-testid=entry-title], [data-testid=entry-title] input").First;
        await Expect(title).ToBeVisibleAsync();
        await FocusAsync(title, "e => e.dataset.testid === 'entry-title'", "the heading's title");
        await act.TypeAsync(heading, "heading");
        await TabUntilAsync("e => e.dataset.testid === 'entry-save'", "Gem");
        await act.PressAsync("Enter", "Gem");
        await Expect(Dialog).ToHaveCountAsync(0);
        await Expect(Page.Locator(".agenda-section-row").Filter(new() { HasText = heading })).ToBeVisibleAsync();
    }

    /// <summary>"Nyt punkt": the title and the minutes text typed in the item form, saved with the keyboard.</summary>
    public async Task AddItemWithTextsAsync(string itemTitle, string minutes)
    {
        await TabUntilAsync("e => e.dataset.testid === 'add-item'", "Nyt punkt");
        await act.PressAsync("Enter", "Nyt punkt");
        var title = Dialog.Locator("input[data-testid=item-title], [data-testid=item-title] input").First;
        await Expect(title).ToBeVisibleAsync();
        await FocusAsync(title, "e => e.dataset.testid === 'item-title'", "the item's title");
        await act.TypeAsync(itemTitle, "title");
        await Expect(title).ToHaveValueAsync(itemTitle);
        await TabUntilAsync("e => e.dataset.testid === 'item-minutes-text'", "the minutes text");
        await act.TypeAsync(minutes, "minutes text");
        // Every letter in the field it was typed in: nothing may pull the focus away while the keyboard is typing.
        await Expect(Dialog.Locator("textarea[data-testid=item-minutes-text]")).ToHaveValueAsync(minutes);
        await TabUntilAsync("e => e.dataset.testid === 'item-save'", "Gem");
        await act.PressAsync("Enter", "Gem");
        await Expect(Dialog).ToHaveCountAsync(0);
        var card = Page.Locator("[data-testid=agenda-item]").Filter(new() { HasText = itemTitle });
        await Expect(card.Locator("[data-testid=item-minutes]")).ToContainTextAsync(minutes);
    }

    /// <summary>The form should put the focus in <paramref name="field"/>; where it does not (README.md), Tab gets there.</summary>
    private async Task FocusAsync(ILocator field, string predicate, string what)
    {
        try
        {
            await Expect(field).ToBeFocusedAsync(new() { Timeout = 2_000 });
        }
        catch (PlaywrightException)
        {
            await TabUntilAsync(predicate, what);
        }
    }

    /// <summary>Presses Tab (one action each) until the focused element satisfies the JavaScript predicate.</summary>
    private async Task TabUntilAsync(string predicate, string what)
    {
        for (var i = 0; i < MaxTabs; i++)
        {
            await act.PressAsync("Tab", $"towards {what}");
            if (await Page.EvaluateAsync<bool>($"() => {{ const e = document.activeElement; return !!e && ({predicate})(e); }}"))
            {
                return;
            }
        }
        Assert.Fail($"Tab never reached {what} in {MaxTabs} presses.");
    }
}
