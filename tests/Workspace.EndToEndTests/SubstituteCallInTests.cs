using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>
/// The whole call-in in real browsers: a member sends apologies, the first substitute is proposed, the secretary
/// confirms, and the substitute can then write a remark at that meeting, but not at another. Runs on an app of its
/// own, because the call-in changes who may write at the shared app's next meeting.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SubstituteCallInTests(BrowserFixture browser) : IAsyncLifetime
{
    private const string AbsentMember = "Poul Skovbo";
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
    public async Task Member_sends_apologies_substitute_is_confirmed_and_can_remark_at_that_meeting_only()
    {
        var host = _host!;
        await using var poul = await UserSession.SignInAsync(browser, host, AbsentMember);
        await using var iben = await UserSession.SignInAsync(browser, host, DemoPeople.Secretary);
        await using var carsten = await UserSession.SignInAsync(browser, host, DemoPeople.Substitute);
        var meetingId = await poul.OpenNextMeetingAsync();
        await iben.OpenMeetingAsync(meetingId);
        await carsten.OpenMeetingAsync(meetingId);
        await Assertions.Expect(carsten.Page.Locator("[data-testid=remark-open]")).ToHaveCountAsync(0);

        // Poul sends apologies; the secretary's open page shows the proposed substitute without reload.
        await poul.Page.Locator("[data-testid=respond-apologies]").ClickAsync();
        await Assertions.Expect(poul.Page.Locator("[data-testid=my-response]")).ToHaveTextAsync("Afbud");
        var proposal = iben.Page.Locator("[data-testid=proposed-call]");
        await Assertions.Expect(proposal).ToContainTextAsync(DemoPeople.Substitute);
        await Assertions.Expect(proposal).ToContainTextAsync(AbsentMember);

        // The secretary confirms; Carsten's open page now lets him write, and says for whom he steps in.
        await proposal.Locator("[data-testid=confirm-call]").ClickAsync();
        await Assertions.Expect(carsten.Page.Locator("[data-testid=my-call]")).ToContainTextAsync(AbsentMember);
        var item = carsten.AgendaItem("4");
        await Assertions.Expect(item.Locator("[data-testid=remark-open]")).ToBeVisibleAsync();
        await Assertions.Expect(carsten.Page.GetByText(DemoPeople.ClosedItemTitle)).ToBeVisibleAsync();
        await Assertions.Expect(iben.Page.Locator("[data-testid=stepping-in]").First).ToBeVisibleAsync();

        var text = $"Jeg træder ind for Poul ({Guid.NewGuid():N})";
        await item.Locator("[data-testid=remark-open]").ClickAsync();
        await carsten.RemarkInput(item).FillAsync(text);
        await item.Locator("[data-testid=remark-submit]").ClickAsync();
        await Assertions.Expect(item.Locator("[data-testid=remark]").Filter(new() { HasText = text })).ToBeVisibleAsync();
        await Assertions.Expect(iben.AgendaItem("4").Locator("[data-testid=remark]").Filter(new() { HasText = text })).ToBeVisibleAsync();

        // At another meeting he is a substitute who reads along: no remark buttons, and the server refuses.
        await carsten.Page.GotoAsync("/");
        await carsten.CouncilCard(DemoPeople.Council).Locator("ul.meeting-list a").Nth(1).ClickAsync();
        await carsten.Page.WaitForURLAsync(url => !url.Contains(meetingId.ToString(), StringComparison.Ordinal) && url.Contains("/meetings/", StringComparison.Ordinal));
        var otherMeetingId = carsten.MeetingIdFromUrl();
        await Assertions.Expect(carsten.AgendaItem("1")).ToBeVisibleAsync();
        await Assertions.Expect(carsten.Page.Locator("[data-testid=remark-open]")).ToHaveCountAsync(0);
        var refused = await carsten.PostRemarkAsync(await carsten.ItemIdAsync(otherMeetingId, "1"), "Ikke her");
        Assert.Equal(403, refused.Status);
        poul.Errors.AssertNone();
        iben.Errors.AssertNone();
        carsten.Errors.AssertNone();
    }
}
