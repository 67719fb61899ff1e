using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests.Rebuild;

/// <summary>The rebuild's counter: one action per click, fill, key press and select, per phase; no action outside a phase.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ActionCounterTests(BrowserFixture browser)
{
    private const string Form = """
        <label for="name">Navn</label><input id="name">
        <button id="save" type="button">Gem</button>
        <label for="kind">Type</label><select id="kind"><option>Orientering</option><option>Drøftelse</option></select>
        """;

    [Fact]
    public async Task Counts_each_click_fill_key_press_and_select_as_one_action_in_its_phase()
    {
        await using var context = await browser.NewContextAsync("http://counter.test");
        var page = await context.NewPageAsync();
        await page.SetContentAsync(Form);
        var act = new ActionCounter(page);

        act.StartPhase("meeting");
        await act.FillAsync(page.Locator("#name"), "En lang tekst med mange tegn, som stadig er én handling", "name");
        await act.ClickAsync(page.Locator("#save"), "save");
        act.StartPhase("agenda");
        await act.PressAsync("Tab", "to the select");
        await act.PressAsync("ArrowDown", "next kind");
        await act.SelectOptionAsync(page.Locator("#kind"), "Drøftelse", "kind");
        await act.TypeAsync("abc", "three letters");

        Assert.Equal([("meeting", 2), ("agenda", 4)], act.PerPhase);
        Assert.Equal(6, act.Total);
        Assert.Equal(4, act.ActionsIn("agenda"));
        Assert.Equal("En lang tekst med mange tegn, som stadig er én handling", await page.Locator("#name").InputValueAsync());
        Assert.Equal("Drøftelse", await page.Locator("#kind").InputValueAsync());
        Assert.StartsWith("meeting 2, agenda 4, total 6", act.Report(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_an_action_before_any_phase_and_a_phase_started_twice()
    {
        await using var context = await browser.NewContextAsync("http://counter.test");
        var page = await context.NewPageAsync();
        await page.SetContentAsync(Form);
        var act = new ActionCounter(page);

        await Assert.ThrowsAsync<InvalidOperationException>(() => act.ClickAsync(page.Locator("#save"), "save"));
        act.StartPhase("meeting");
        Assert.Throws<InvalidOperationException>(() => act.StartPhase("meeting"));
        Assert.Equal(0, act.Total);
    }
}
