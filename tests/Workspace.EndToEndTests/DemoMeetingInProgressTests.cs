using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Workspace.Data;
using Workspace.Data.Sqlite;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>
/// What a newcomer finds after <c>dotnet run</c>: Handicaprådet's meeting is "i gang". Its chair opens it from her start
/// page and has the controls at item 3 with the speakers' list (Ole Brandt speaking, Rikke Thorsen waiting online) and
/// a vote in progress; the room screen on the secretary's laptop shows the same. Then the item's timer near its end and
/// past it: amber and red, in colour and in words, on the screen and in the chair's controls (the state is written to
/// the database and the pages opened again, so the phases do not depend on how long the suite has run).
/// Only this test touches Handicaprådet's meeting on the shared app.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DemoMeetingInProgressTests(BrowserFixture browser, DevelopmentApp app)
{
    private const string Council = "Handicaprådet";
    private const string ItemTitle = "Tilgængelighed i den nye svømmehal";

    [Fact]
    public async Task The_chair_finds_her_meeting_running_and_the_screen_and_her_controls_turn_amber_then_red()
    {
        // Arrange: the chair from her start page, the secretary's room screen
        var host = await app.HostAsync();
        await using var hanne = await UserSession.SignInAsync(browser, host, DemoPeople.OtherCouncilChair);
        await hanne.CouncilCard(Council).Locator("ul.meeting-list a").First.ClickAsync();
        await hanne.Page.WaitForURLAsync("**/meetings/*");
        var meetingId = hanne.MeetingIdFromUrl();
        await using var lone = await UserSession.SignInAsync(browser, host, "Lone Frandsen");
        await lone.Page.GotoAsync($"/meetings/{meetingId}/screen");
        var chair = hanne.Page;
        var screen = lone.Page;

        // Assert: the chair's page is at item 3 with her controls, the list of speakers and the vote in progress
        var controls = chair.Locator("[data-testid=run-controls]");
        await Assertions.Expect(controls.Locator("[data-testid=run-current]")).ToContainTextAsync($"Punkt 3: {ItemTitle}");
        await Assertions.Expect(hanne.AgendaItem("3")).ToHaveAttributeAsync("aria-current", "true");
        var speakers = chair.Locator("[data-testid=speakers-panel]");
        await Assertions.Expect(speakers.Locator("[data-testid=speakers-current-name]")).ToHaveTextAsync("Ole Brandt");
        await Assertions.Expect(speakers.Locator("[data-testid=speakers-entry][data-person='Rikke Thorsen'] [data-testid=speaker-online]")).ToHaveTextAsync("online");
        await Assertions.Expect(chair.Locator("[data-testid=poll-status]")).ToContainTextAsync("1 af 3 har stemt");
        await Assertions.Expect(chair.GetByRole(AriaRole.Button, new() { Name = "For: Skal rådet anbefale et niveaufrit indgangsparti og en lift ved det store bassin?", Exact = true })).ToBeVisibleAsync();
        await AxeScan.AssertNoViolationsAsync(chair);

        // The screen: the item, its timer, the remarks, the speaker with the next one marked online, the vote's progress
        await Assertions.Expect(screen.Locator("[data-testid=screen-item-title]")).ToHaveTextAsync(ItemTitle);
        await Assertions.Expect(screen.Locator("[data-testid=screen-timer]")).ToHaveAttributeAsync("data-phase", new System.Text.RegularExpressions.Regex("Normal|NearEnd|Over"));
        await Assertions.Expect(screen.Locator("[data-testid=screen-remarks]")).ToContainTextAsync("teleslynge");
        await Assertions.Expect(screen.Locator("[data-testid=speakers-screen-current] .speakers-screen-name")).ToHaveTextAsync("Ole Brandt");
        var next = screen.Locator("[data-testid=speakers-screen-entry]");
        await Assertions.Expect(next).ToContainTextAsync("Rikke Thorsen");
        await Assertions.Expect(next.Locator("[data-testid=speaker-online]")).ToHaveCountAsync(1);
        await Assertions.Expect(screen.Locator("[data-testid=screen-poll-progress]")).ToHaveTextAsync("1 af 3 har stemt");
        await AxeScan.AssertNoViolationsAsync(screen);

        // Act: 19 of 20 minutes used
        await SetTimerAsync(host.DatabaseFile, meetingId, usedSeconds: 19 * 60);
        await screen.ReloadAsync();
        await chair.ReloadAsync();

        // Assert: amber, with the words
        var timer = screen.Locator("[data-testid=screen-timer]");
        await Assertions.Expect(timer).ToHaveAttributeAsync("data-phase", "NearEnd");
        await Assertions.Expect(timer.Locator("[data-testid=screen-timer-words]")).ToContainTextAsync("Snart slut: 1:00 tilbage");
        await Assertions.Expect(timer).ToHaveCSSAsync("background-color", "rgb(255, 243, 205)");
        var runTimer = controls.Locator("[data-testid=run-timer]");
        await Assertions.Expect(runTimer).ToHaveAttributeAsync("data-phase", "NearEnd");
        await Assertions.Expect(runTimer).ToContainTextAsync("Snart slut");
        await Assertions.Expect(runTimer).ToHaveCSSAsync("background-color", "rgb(255, 244, 224)");
        await AxeScan.AssertNoViolationsAsync(screen);

        // Act: past the end by 1:05
        await SetTimerAsync(host.DatabaseFile, meetingId, usedSeconds: 21 * 60 + 5);
        await screen.ReloadAsync();
        await chair.ReloadAsync();

        // Assert: red, with the words
        await Assertions.Expect(timer).ToHaveAttributeAsync("data-phase", "Over");
        await Assertions.Expect(timer.Locator("[data-testid=screen-timer-words]")).ToContainTextAsync("Tiden er overskredet med 1:05");
        await Assertions.Expect(timer).ToHaveCSSAsync("background-color", "rgb(253, 226, 225)");
        await Assertions.Expect(runTimer).ToHaveAttributeAsync("data-phase", "Over");
        await Assertions.Expect(runTimer).ToContainTextAsync("Tiden er gået");
        await Assertions.Expect(runTimer).ToHaveCSSAsync("background-color", "rgb(253, 236, 238)");
        await AxeScan.AssertNoViolationsAsync(screen);
        await AxeScan.AssertNoViolationsAsync(chair);
        hanne.Errors.AssertNone();
        lone.Errors.AssertNone();
    }

    /// <summary>The current item's timer paused at <paramref name="usedSeconds"/> of its 20 minutes.</summary>
    private static async Task SetTimerAsync(string databaseFile, Guid meetingId, int usedSeconds)
    {
        await using var db = new WorkspaceDbContext(new DbContextOptionsBuilder<WorkspaceDbContext>()
            .UseSqlite($"Data Source={databaseFile}", SqliteProvider.Configure).Options);
        var current = await db.Meetings.Where(m => m.Id == meetingId).Select(m => m.CurrentItemId).SingleAsync();
        await db.AgendaItems.Where(i => i.Id == current).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.TimerStartedAt, (DateTimeOffset?)null)
            .SetProperty(i => i.TimerUsedSeconds, usedSeconds)
            .SetProperty(i => i.TimerExtraMinutes, 0));
    }
}
