using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>Everything needed to write a remark works with the keyboard alone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class KeyboardTests(BrowserFixture browser, DevelopmentApp app)
{
    private const int MaxTabs = 120;

    [Fact]
    public async Task Member_writes_a_remark_with_the_keyboard_only()
    {
        await using var mia = await UserSession.SignInAsync(browser, await app.HostAsync(), DemoPeople.Member);
        await mia.OpenNextMeetingAsync();
        var keyboard = mia.Page.Keyboard;
        var text = $"Skrevet med tastaturet {Guid.NewGuid():N}";

        await TabUntilAsync(mia.Page, "remark-open", "3");
        await keyboard.PressAsync("Enter");
        var item = mia.AgendaItem("3");
        // The field takes the focus when it opens, so typing goes straight into it.
        await Assertions.Expect(mia.RemarkInput(item)).ToBeFocusedAsync();
        await keyboard.TypeAsync(text);
        await TabUntilAsync(mia.Page, "remark-submit", "3");
        await keyboard.PressAsync("Enter");

        await Assertions.Expect(item.Locator("[data-testid=remark]").Filter(new() { HasText = text })).ToBeVisibleAsync();
        await Assertions.Expect(item.Locator("[data-testid=remark-input]")).ToHaveCountAsync(0);
        mia.Errors.AssertNone();
    }

    /// <summary>Presses Tab until the focused element has the test id, inside the given agenda item.</summary>
    private static async Task TabUntilAsync(IPage page, string testId, string itemNumber)
    {
        var visited = new List<string>();
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>(
                """
                () => {
                    const e = document.activeElement;
                    const item = e?.closest('[data-testid=agenda-item]');
                    return `${e?.dataset?.testid ?? ''}|${item?.dataset?.itemNumber ?? ''}|${e?.tagName ?? ''} ${(e?.textContent ?? '').trim().slice(0, 30)}`;
                }
                """);
            if (focused.StartsWith($"{testId}|{itemNumber}|", StringComparison.Ordinal))
            {
                return;
            }
            visited.Add(focused);
        }
        Assert.Fail($"Tab never reached {testId} of item {itemNumber} in {MaxTabs} presses. Visited:\n{string.Join("\n", visited)}");
    }
}
