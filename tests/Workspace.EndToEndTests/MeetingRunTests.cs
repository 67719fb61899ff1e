using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>
/// The chair runs the meeting from her browser while a member follows in hers and the room screen in a third: start, next item, the member's page
/// marks and scrolls to the item and announces it, a bar takes her back after she scrolled away; the timer, handled,
/// a late arrival, the keyboard and the end. Runs on an app of its own, because it starts and ends the next meeting.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MeetingRunTests(BrowserFixture browser) : IAsyncLifetime
{
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
    public async Task The_chair_starts_and_moves_the_meeting_and_the_room_screen_and_a_members_page_follow_until_she_browses_then_the_bar_brings_her_back()
    {
        await using var gitte = await UserSession.SignInAsync(browser, _host!, DemoPeople.Chair);
        await using var mia = await UserSession.SignInAsync(browser, _host!, DemoPeople.Member);
        var meetingId = await gitte.OpenNextMeetingAsync();
        await mia.OpenMeetingAsync(meetingId);
        var chair = gitte.Page;
        // The room screen, on the secretary's laptop at the projector.
        await using var iben = await UserSession.SignInAsync(browser, _host!, DemoPeople.Secretary);
        await iben.Page.GotoAsync($"/meetings/{meetingId}/screen");
        var screenTitle = iben.Page.Locator("[data-testid=screen-item-title]");

        // Start, after the dialog has said what follows.
        await chair.Locator("[data-testid=start-meeting]").ClickAsync();
        await Assertions.Expect(chair.Locator("[data-testid=confirm-consequences]")).ToContainTextAsync("første punkt");
        await chair.Locator("[data-testid=confirm-step]").ClickAsync();
        var controls = chair.Locator("[data-testid=run-controls]");
        await Assertions.Expect(controls.Locator("[data-testid=run-current]")).ToContainTextAsync("Punkt 1: Godkendelse af dagsorden");
        await Assertions.Expect(controls.Locator("[data-testid=run-timer]")).ToContainTextAsync("af 5:00");
        await Assertions.Expect(mia.AgendaItem("1")).ToHaveAttributeAsync("aria-current", "true");
        await Assertions.Expect(mia.AgendaItem("1")).ToHaveAttributeAsync("data-run-now", "Behandles nu");
        await Assertions.Expect(screenTitle).ToHaveTextAsync("Godkendelse af dagsorden");
        await Assertions.Expect(mia.Page.Locator("[data-testid=run-controls]")).ToHaveCountAsync(0);
        await Assertions.Expect(chair.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await AxeScan.AssertNoViolationsAsync(chair);
        await AxeScan.AssertNoViolationsAsync(mia.Page);

        // Next: the member's page marks item 2, scrolls to it and says so politely.
        await controls.Locator("[data-testid=run-next]").ClickAsync();
        await Assertions.Expect(controls.Locator("[data-testid=run-current]")).ToContainTextAsync("Punkt 2:");
        await Assertions.Expect(mia.AgendaItem("2")).ToHaveAttributeAsync("aria-current", "true");
        await Assertions.Expect(mia.AgendaItem("1")).Not.ToHaveAttributeAsync("aria-current", "true");
        await Assertions.Expect(mia.Page.Locator("[data-testid=run-announcer]"))
            .ToHaveTextAsync("Mødet er nu ved punkt 2: Godkendelse af referat fra sidste møde");
        await Assertions.Expect(mia.AgendaItem("2")).ToBeInViewportAsync();
        await Assertions.Expect(screenTitle).ToHaveTextAsync("Godkendelse af referat fra sidste møde");
        await Assertions.Expect(iben.Page.Locator("[data-testid=screen-announcer]")).ToContainTextAsync("Mødet er nu ved punkt 2");

        // Mia scrolls away by herself: she is no longer pulled along, and the bar says where the chair is. Her wheel comes
        // after the page's own smooth scroll to item 2 has come to rest (a wheel during it can be lost in that scroll).
        await mia.Page.WaitForFunctionAsync("() => new Promise(done => { const y = window.scrollY; setTimeout(() => done(window.scrollY === y), 400); })");
        await mia.Page.Mouse.MoveAsync(400, 400);
        await mia.Page.Mouse.WheelAsync(0, 20_000);
        var back = mia.Page.Locator("[data-testid=run-back]");
        await Assertions.Expect(back).ToContainTextAsync("Formanden er ved punkt 2");
        await Assertions.Expect(mia.Page.Locator("[data-testid=run-follow-switch]")).Not.ToBeCheckedAsync();
        await controls.Locator("[data-testid=run-next]").ClickAsync();
        await Assertions.Expect(back).ToContainTextAsync("Formanden er ved punkt 3: Orientering fra formanden");
        await Assertions.Expect(mia.AgendaItem("3")).ToHaveAttributeAsync("aria-current", "true");
        await Assertions.Expect(mia.AgendaItem("3")).Not.ToBeInViewportAsync();
        await AxeScan.AssertNoViolationsAsync(mia.Page);
        await mia.Page.Locator("[data-testid=run-go-there]").ClickAsync();
        await Assertions.Expect(mia.AgendaItem("3")).ToBeInViewportAsync();
        await Assertions.Expect(mia.AgendaItem("3")).ToBeFocusedAsync();
        await Assertions.Expect(mia.Page.Locator("[data-testid=run-follow-switch]")).ToBeCheckedAsync();
        await Assertions.Expect(back).ToHaveCountAsync(0);

        // The timer: pause, extend (10 minutes allotted), and the handled mark.
        var timer = controls.Locator("[data-testid=run-timer]");
        await Assertions.Expect(timer).ToContainTextAsync("af 10:00");
        await controls.Locator("[data-testid=run-timer-pause]").ClickAsync();
        await Assertions.Expect(timer).ToContainTextAsync("tiden står stille");
        await controls.Locator("[data-testid=run-extend-5]").ClickAsync();
        await Assertions.Expect(timer).ToContainTextAsync("af 15:00");
        await controls.Locator("[data-testid=run-timer-start]").ClickAsync();
        await Assertions.Expect(timer).Not.ToContainTextAsync("tiden står stille");
        await controls.Locator("[data-testid=run-mark-handled]").ClickAsync();
        await Assertions.Expect(controls.Locator("[data-testid=run-handled]")).ToBeVisibleAsync();
        await Assertions.Expect(controls.Locator("[data-testid=run-status]")).ToHaveTextAsync("Punkt 3 er markeret som behandlet.");

        // A late arrival online, shown in the attendance panel of the member.
        await controls.Locator("[data-testid=run-arrivals-toggle]").ClickAsync();
        await controls.Locator("[data-testid=run-arrival][data-person='Poul Skovbo'] [data-testid=run-arrived-online]").ClickAsync();
        await Assertions.Expect(controls.Locator("[data-testid=run-status]")).ToContainTextAsync("Poul Skovbo er registreret som ankommet online");
        var poul = mia.Page.Locator("[data-testid=attendance] [data-testid=attendee][data-person='Poul Skovbo']");
        await Assertions.Expect(poul.Locator("[data-testid=attendee-times]")).ToContainTextAsync("online · ankom");
        await AxeScan.AssertNoViolationsAsync(chair);

        // The keyboard alone: the shortcut outside text fields, then Tab to "Næste punkt" and Enter.
        await chair.Locator("body").ClickAsync(new() { Position = new() { X = 5, Y = 5 } });
        await chair.Keyboard.PressAsync("Alt+Shift+ArrowRight");
        await Assertions.Expect(controls.Locator("[data-testid=run-current]")).ToContainTextAsync("Punkt 4: Oplæg om den boligsociale indsats");
        await Assertions.Expect(mia.AgendaItem("4")).ToHaveAttributeAsync("aria-current", "true");
        await controls.Locator("[data-testid=run-previous]").FocusAsync();
        await chair.Keyboard.PressAsync("Tab");
        await Assertions.Expect(controls.Locator("[data-testid=run-next]")).ToBeFocusedAsync();
        await chair.Keyboard.PressAsync("Enter");
        await Assertions.Expect(controls.Locator("[data-testid=run-current]")).ToContainTextAsync("Punkt 5: Pause");
        await Assertions.Expect(mia.Page.Locator("[data-testid=run-announcer]")).ToHaveTextAsync("Mødet er nu ved punkt 5: Pause");
        await Assertions.Expect(screenTitle).ToHaveTextAsync("Pause");

        // End, after the dialog; the member's page leaves the run.
        await controls.Locator("[data-testid=end-meeting]").ClickAsync();
        await chair.Locator("[data-testid=confirm-step]").ClickAsync();
        await Assertions.Expect(chair.Locator("[data-testid=run-controls]")).ToHaveCountAsync(0);
        await Assertions.Expect(mia.Page.Locator("[data-testid=run-panel]")).ToHaveCountAsync(0);
        await Assertions.Expect(mia.AgendaItem("5")).Not.ToHaveAttributeAsync("aria-current", "true");
        await Assertions.Expect(iben.Page.Locator("[data-testid=screen-ended]")).ToHaveTextAsync("Mødet er afsluttet");
        gitte.Errors.AssertNone();
        mia.Errors.AssertNone();
        iben.Errors.AssertNone();
    }
}
