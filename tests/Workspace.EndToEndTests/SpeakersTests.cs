using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Data.Sqlite;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>
/// The list of speakers in three browsers on an app of its own (the test sets the next meeting running at item 4 in the
/// app's database, as the run service would): a member online asks for the floor by keyboard, the chair sees her marked
/// online and gives her the floor with two minutes by keyboard, the countdown runs in her browser and on the room screen,
/// a reply is queued.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SpeakersTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_member_online_asks_for_the_floor_and_the_chair_gives_it_with_a_countdown_on_her_page_and_the_screen_and_a_reply_is_queued()
    {
        await using var host = await AppHost.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        var meetingId = await StartNextMeetingAtItemFourAsync(host.DatabaseFile);
        await using var mia = await UserSession.SignInAsync(browser, host, DemoPeople.Member, homeTimeout: 30_000);
        await using var gitte = await UserSession.SignInAsync(browser, host, DemoPeople.Chair);
        await using var jens = await UserSession.SignInAsync(browser, host, "Jens Vestergaard");
        await mia.OpenMeetingAsync(meetingId);
        await gitte.OpenMeetingAsync(meetingId);
        await jens.OpenMeetingAsync(meetingId);
        // The room screen, on the secretary's laptop at the projector.
        await using var screen = await UserSession.SignInAsync(browser, host, DemoPeople.Secretary);
        await screen.Page.GotoAsync($"/meetings/{meetingId}/screen");
        await Assertions.Expect(screen.Page.Locator("[data-testid=screen-item-title]")).ToHaveTextAsync("Oplæg om den boligsociale indsats");

        // Mia, online and not registered yet, asks by keyboard only.
        var miasPanel = mia.Page.Locator("[data-testid=speakers-panel]");
        await miasPanel.Locator("[data-testid=speakers-channel-online]").FocusAsync();
        await mia.Page.Keyboard.PressAsync("Space");
        var request = miasPanel.GetByRole(AriaRole.Button, new() { Name = "Bed om ordet til punkt 4: Oplæg om den boligsociale indsats" });
        await request.FocusAsync();
        await mia.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(miasPanel.Locator("[data-testid=speakers-my-place]")).ToHaveTextAsync("Du er nr. 1 på talerlisten.");

        // The chair sees her marked online, sets two minutes and gives her the floor, by keyboard.
        var chairsPanel = gitte.Page.Locator("[data-testid=speakers-panel]");
        var entry = chairsPanel.Locator("[data-testid=speakers-entry][data-person='Mia Kragh']");
        await Assertions.Expect(entry.Locator("[data-testid=speaker-online]")).ToHaveTextAsync("online");
        await Assertions.Expect(gitte.Page.Locator("[data-testid=speakers-announcer]")).ToHaveTextAsync("Mia Kragh har bedt om ordet.");
        await chairsPanel.Locator("[data-testid=speakers-speaking-time]").SelectOptionAsync("120");
        await Assertions.Expect(gitte.Page.Locator("[data-testid=speakers-announcer]")).ToContainTextAsync("Taletid: 2 min.");
        await AxeScan.AssertNoViolationsAsync(gitte.Page);
        await chairsPanel.GetByRole(AriaRole.Button, new() { Name = "Giv ordet til Mia Kragh" }).FocusAsync();
        await gitte.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(chairsPanel.Locator("[data-testid=speakers-current-name]")).ToHaveTextAsync(DemoPeople.Member);

        // Mia's page shows she has the floor, and her countdown runs in the browser from 2:00 down.
        await Assertions.Expect(miasPanel.Locator("[data-testid=speakers-current]")).ToContainTextAsync("Du har ordet");
        await Assertions.Expect(mia.Page.Locator("[data-testid=speakers-announcer]")).ToHaveTextAsync("Mia Kragh har fået ordet.");
        var clock = miasPanel.Locator("[data-testid=speaker-countdown-clock]");
        await Assertions.Expect(clock).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[12]:[0-5][0-9]$"));
        var first = await clock.TextContentAsync();
        await Assertions.Expect(clock).Not.ToHaveTextAsync(first!, new() { Timeout = 5_000 });
        await Assertions.Expect(miasPanel.Locator("[data-testid=speaker-countdown]")).ToHaveAttributeAsync("data-phase", "Normal");
        await AxeScan.AssertNoViolationsAsync(mia.Page);

        // The room screen shows her in large type, marked online, and the countdown runs there too.
        var onScreen = screen.Page.Locator("[data-testid=speakers-screen-current]");
        await Assertions.Expect(onScreen.Locator(".speakers-screen-name")).ToHaveTextAsync(DemoPeople.Member);
        await Assertions.Expect(onScreen.Locator("[data-testid=speaker-online]")).ToHaveTextAsync("online");
        var screenClock = onScreen.Locator("[data-testid=speaker-countdown-clock]");
        await Assertions.Expect(screenClock).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[12]:[0-5][0-9]$"));
        var shown = await screenClock.TextContentAsync();
        await Assertions.Expect(screenClock).Not.ToHaveTextAsync(shown!, new() { Timeout = 5_000 });
        await Assertions.Expect(onScreen.Locator("[data-testid=speaker-countdown]")).ToHaveAttributeAsync("data-phase", "Normal");
        await AxeScan.AssertNoViolationsAsync(screen.Page);

        // Jens asks for a reply; the chair sees it first in the queue, as a reply to Mia.
        await jens.Page.Locator("[data-testid=speakers-panel]").GetByRole(AriaRole.Button, new() { Name = "Bed om en replik til Mia Kragh" }).ClickAsync();
        var firstInQueue = chairsPanel.Locator("[data-testid=speakers-entry]").First;
        await Assertions.Expect(firstInQueue).ToHaveAttributeAsync("data-person", "Jens Vestergaard");
        await Assertions.Expect(firstInQueue.Locator("[data-testid=speaker-reply-mark]")).ToHaveTextAsync("replik til Mia Kragh");
        await Assertions.Expect(jens.Page.Locator("[data-testid=speakers-my-reply-place]")).ToHaveTextAsync("Din replik er nr. 1 på talerlisten.");

        mia.Errors.AssertNone();
        gitte.Errors.AssertNone();
        jens.Errors.AssertNone();
        screen.Errors.AssertNone();
    }

    /// <summary>What starting the meeting and moving to item 4 leave in the database; nothing is published (the pages load it on open).</summary>
    private static async Task<Guid> StartNextMeetingAtItemFourAsync(string databaseFile)
    {
        await using var db = new WorkspaceDbContext(new DbContextOptionsBuilder<WorkspaceDbContext>()
            .UseSqlite($"Data Source={databaseFile}", SqliteProvider.Configure).Options);
        var meeting = await db.Meetings
            .Where(m => m.Council!.Name == DemoPeople.Council && m.Status == MeetingStatus.Published)
            .OrderBy(m => m.StartsAt)
            .FirstAsync(TestContext.Current.CancellationToken);
        var item = await db.AgendaItems.SingleAsync(i => i.MeetingId == meeting.Id && i.ParentId == null && i.Number == 4, TestContext.Current.CancellationToken);
        meeting.Status = MeetingStatus.InProgress;
        meeting.StartedAt = DateTimeOffset.UtcNow.AddMinutes(-30);
        meeting.CurrentItemId = item.Id;
        meeting.CurrentItemSince = DateTimeOffset.UtcNow.AddMinutes(-2);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return meeting.Id;
    }
}
