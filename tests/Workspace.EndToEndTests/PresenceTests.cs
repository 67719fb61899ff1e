using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>Who is on the meeting and which item each person looks at, between two browsers.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PresenceTests(BrowserFixture browser, DevelopmentApp app)
{
    [Fact]
    public async Task Scrolling_to_an_item_shows_the_reader_on_that_item_in_the_other_browser()
    {
        var host = await app.HostAsync();
        await using var mia = await UserSession.SignInAsync(browser, host, DemoPeople.Member);
        await using var iben = await UserSession.SignInAsync(browser, host, DemoPeople.Secretary);
        var meetingId = await mia.OpenNextMeetingAsync();
        await iben.OpenMeetingAsync(meetingId);
        var miaOnIbensPage = iben.Page.Locator($"[data-testid=present-person][data-person='{DemoPeople.Member}']");
        await Assertions.Expect(miaOnIbensPage).ToHaveCountAsync(1);

        // Mia, in a low window, scrolls item 4 to the top; no timer, the scroll itself tells the server.
        await mia.Page.SetViewportSizeAsync(1200, 180);
        await mia.AgendaItem("4").EvaluateAsync("item => item.scrollIntoView({ block: 'start' })");

        await Assertions.Expect(miaOnIbensPage).ToHaveAttributeAsync("title", $"{DemoPeople.Member} – ser punkt 4");
        await Assertions.Expect(iben.AgendaItem("4").Locator($".viewer-avatar[title='{DemoPeople.Member}']")).ToHaveCountAsync(1);
        mia.Errors.AssertNone();
        iben.Errors.AssertNone();
    }
}
