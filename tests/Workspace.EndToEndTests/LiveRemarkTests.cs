using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>Two people at the same meeting in two browsers: what one writes reaches the other's open page.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveRemarkTests(BrowserFixture browser, DevelopmentApp app)
{
    [Fact]
    public async Task A_members_remark_appears_on_the_secretarys_open_page_without_reload_and_is_announced()
    {
        var host = await app.HostAsync();
        await using var mia = await UserSession.SignInAsync(browser, host, DemoPeople.Member);
        await using var iben = await UserSession.SignInAsync(browser, host, DemoPeople.Secretary);
        var meetingId = await mia.OpenNextMeetingAsync();
        await iben.OpenMeetingAsync(meetingId);
        // A reload or a navigation would wipe this; it must still be there when the remark has arrived.
        await iben.Page.EvaluateAsync("() => { window.__marker = 1; }");
        var text = $"Husk beboerne i Nørreparken ({Guid.NewGuid():N})";
        var ibensRemark = iben.AgendaItem("4").Locator("[data-testid=remark]").Filter(new() { HasText = text });
        await Assertions.Expect(ibensRemark).ToHaveCountAsync(0);

        var item = mia.AgendaItem("4");
        await item.Locator("[data-testid=remark-open]").ClickAsync();
        await mia.RemarkInput(item).FillAsync(text);
        await item.Locator("[data-testid=remark-submit]").ClickAsync();

        await Assertions.Expect(item.Locator("[data-testid=remark]").Filter(new() { HasText = text })).ToBeVisibleAsync();
        await Assertions.Expect(ibensRemark).ToBeVisibleAsync();
        await Assertions.Expect(ibensRemark).ToContainTextAsync(DemoPeople.Member);
        await Assertions.Expect(iben.Page.Locator("[data-testid=live-announcer]"))
            .ToHaveTextAsync("Ny bemærkning fra Mia Kragh til punkt 4.");
        Assert.Equal(1, await iben.Page.EvaluateAsync<int?>("() => window.__marker"));
        // The writer is not told about her own remark.
        await Assertions.Expect(mia.Page.Locator("[data-testid=live-announcer]")).ToHaveTextAsync("");
        mia.Errors.AssertNone();
        iben.Errors.AssertNone();
    }

    [Fact]
    public async Task A_remark_written_in_English_reaches_a_Danish_page_in_Danish()
    {
        var host = await app.HostAsync();
        await using var mia = await UserSession.SignInAsync(browser, host, DemoPeople.Member);
        await using var iben = await UserSession.SignInAsync(browser, host, DemoPeople.Secretary);
        var meetingId = await mia.OpenNextMeetingAsync();
        await mia.Page.GotoAsync($"/culture/en?returnUrl={Uri.EscapeDataString($"/meetings/{meetingId}")}");
        await Assertions.Expect(mia.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await iben.OpenMeetingAsync(meetingId);
        var text = $"Written in English ({Guid.NewGuid():N})";

        var item = mia.AgendaItem("4");
        await item.Locator("[data-testid=remark-open]").ClickAsync();
        await mia.RemarkInput(item).FillAsync(text);
        await item.Locator("[data-testid=remark-submit]").ClickAsync();

        // Iben's page re-renders on Mia's thread; it must still speak Danish.
        await Assertions.Expect(iben.AgendaItem("4").Locator("[data-testid=remark]").Filter(new() { HasText = text })).ToBeVisibleAsync();
        await Assertions.Expect(iben.Page.Locator("[data-testid=live-announcer]"))
            .ToHaveTextAsync("Ny bemærkning fra Mia Kragh til punkt 4.");
        mia.Errors.AssertNone();
        iben.Errors.AssertNone();
    }
}
