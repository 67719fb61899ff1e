using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Data.Sqlite;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>
/// Votes at a running meeting in three browsers: the chair creates, opens and closes; two members vote (one by keyboard
/// only); everyone sees the result; it lands in the item's decision; an election goes to a second round. The meeting is
/// made running in the database (the "running" part builds the UI that starts it), dated in the past so that it never is
/// the "next meeting" other tests open.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VotingTests(BrowserFixture browser, DevelopmentApp app)
{
    private const string Jens = "Jens Vestergaard";

    [Fact]
    public async Task Chair_and_two_members_vote_the_result_shows_everywhere_and_lands_in_the_decision_and_keyboard_voting_works()
    {
        // Arrange
        var host = await app.HostAsync();
        var (meetingId, itemId) = await RunningMeetingAsync(host.DatabaseFile);
        await using var chair = await UserSession.SignInAsync(browser, host, DemoPeople.Chair);
        await using var mia = await UserSession.SignInAsync(browser, host, DemoPeople.Member);
        await using var jens = await UserSession.SignInAsync(browser, host, Jens);
        foreach (var session in new[] { chair, mia, jens })
        {
            await session.OpenMeetingAsync(meetingId);
        }
        var question = $"Skal rådet anbefale forslaget? ({Guid.NewGuid():N})"[..38];

        // Act: the chair creates and opens a named vote
        await chair.Page.Locator("[data-testid=poll-new]").ClickAsync();
        await chair.Page.Locator("[data-testid=poll-question] input, input[data-testid=poll-question]").First.FillAsync(question);
        await chair.Page.Locator("[data-testid=poll-create]").ClickAsync();
        await chair.Page.Locator("[data-testid=poll-open]").ClickAsync();
        await Assertions.Expect(mia.Page.Locator("[data-testid=poll-announcer]")).ToHaveTextAsync($"Afstemningen er åbnet: {question}");
        await AxeScan.AssertNoViolationsAsync(mia.Page);

        // Mia votes with the keyboard alone: Tab until the "For" button has the focus, then Enter.
        var forLabel = $"For: {question}";
        for (var i = 0; i < 300 && await mia.Page.EvaluateAsync<string?>("() => document.activeElement?.getAttribute('aria-label')") != forLabel; i++)
        {
            await mia.Page.Keyboard.PressAsync("Tab");
        }
        await mia.Page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(mia.Page.Locator("[data-testid=poll-voted]")).ToHaveTextAsync("Du har stemt for.");
        await jens.Page.GetByRole(AriaRole.Button, new() { Name = $"Imod: {question}", Exact = true }).ClickAsync();
        await Assertions.Expect(jens.Page.Locator("[data-testid=poll-voted]")).ToHaveTextAsync("Du har stemt imod.");
        await chair.Page.GetByRole(AriaRole.Button, new() { Name = $"For: {question}", Exact = true }).ClickAsync();
        await Assertions.Expect(chair.Page.Locator("[data-testid=poll-status]")).ToContainTextAsync("3 af 3 har stemt");
        await AxeScan.AssertNoViolationsAsync(chair.Page);
        await chair.Page.Locator("[data-testid=poll-close]").ClickAsync();

        // Assert: the result on every page, announced; the line in the decision
        foreach (var session in new[] { chair, mia, jens })
        {
            var result = session.Page.Locator("[data-testid=poll-result]");
            await Assertions.Expect(result).ToContainTextAsync("For 2, imod 1, undlader 0. Forslaget er vedtaget.");
            await Assertions.Expect(result.Locator("[data-testid=poll-named]")).ToContainTextAsync($"{Jens}: Imod");
        }
        await Assertions.Expect(mia.Page.Locator("[data-testid=poll-announcer]")).ToContainTextAsync($"Afstemningen er lukket: {question}");
        await ExpectDecisionAsync(mia, meetingId, itemId, "Afstemning: For 2, imod 1, undlader 0. Forslaget er vedtaget.");
        await AxeScan.AssertNoViolationsAsync(mia.Page);
        chair.Errors.AssertNone();
        mia.Errors.AssertNone();
        jens.Errors.AssertNone();
    }

    [Fact]
    public async Task An_election_with_a_tie_goes_to_a_second_round_that_elects()
    {
        // Arrange
        var host = await app.HostAsync();
        var (meetingId, itemId) = await RunningMeetingAsync(host.DatabaseFile);
        await using var chair = await UserSession.SignInAsync(browser, host, DemoPeople.Chair);
        await using var mia = await UserSession.SignInAsync(browser, host, DemoPeople.Member);
        await using var jens = await UserSession.SignInAsync(browser, host, Jens);
        foreach (var session in new[] { chair, mia, jens })
        {
            await session.OpenMeetingAsync(meetingId);
        }
        const string question = "Valg af næstformand";

        // Act: round 1, Anne 1, Carl 1, one blank
        await chair.Page.Locator("[data-testid=poll-new]").ClickAsync();
        await chair.Page.Locator("[data-testid=poll-kind]").ClickAsync();
        await chair.Page.GetByText("Valg af en person").ClickAsync();
        await chair.Page.Locator("[data-testid=poll-question] input, input[data-testid=poll-question]").First.FillAsync(question);
        await chair.Page.Locator("[data-testid=poll-candidates] textarea, textarea[data-testid=poll-candidates]").First.FillAsync("Anne Berg\nCarl Dahl");
        await Assertions.Expect(chair.Page.Locator("[data-testid=poll-form]")).ToContainTextAsync("Absolut flertal: en kandidat skal have mere end halvdelen");
        await chair.Page.Locator("[data-testid=poll-create]").ClickAsync();
        await chair.Page.Locator("[data-testid=poll-open]").ClickAsync();
        await VoteAsync(mia, $"Anne Berg: {question}");
        await VoteAsync(jens, $"Carl Dahl: {question}");
        await VoteAsync(chair, $"Blank: {question}");
        await chair.Page.Locator("[data-testid=poll-close]").ClickAsync();
        await Assertions.Expect(mia.Page.Locator("[data-testid=poll-result]")).ToContainTextAsync("Ingen er valgt. Ny runde mellem Anne Berg og Carl Dahl.");

        // Round 2: Anne 2, Carl 1
        await chair.Page.Locator("[data-testid=poll-next-round]").ClickAsync();
        await chair.Page.Locator("[data-testid=poll-open]").ClickAsync();
        await VoteAsync(mia, $"Anne Berg: {question}");
        await VoteAsync(jens, $"Carl Dahl: {question}");
        await VoteAsync(chair, $"Anne Berg: {question}");
        await chair.Page.Locator("[data-testid=poll-close]").ClickAsync();

        // Assert
        await Assertions.Expect(jens.Page.Locator("[data-testid=poll-result]").Last).ToContainTextAsync("Anne Berg er valgt.");
        await Assertions.Expect(jens.Page.Locator("[data-testid=poll]")).ToHaveCountAsync(2);
        await ExpectDecisionAsync(mia, meetingId, itemId, "Valg – Valg af næstformand (2. runde): Anne Berg 2, Carl Dahl 1, blanke 0. Anne Berg er valgt.");
        await AxeScan.AssertNoViolationsAsync(chair.Page);
        chair.Errors.AssertNone();
        mia.Errors.AssertNone();
        jens.Errors.AssertNone();
    }

    private static async Task VoteAsync(UserSession session, string label)
    {
        var button = session.Page.GetByRole(AriaRole.Button, new() { Name = label, Exact = true });
        await button.ClickAsync();
        await Assertions.Expect(session.Page.Locator("[data-testid=poll-voted]")).ToBeVisibleAsync();
    }

    /// <summary>The item's stored decision follows the co-edited text a moment later.</summary>
    private static async Task ExpectDecisionAsync(UserSession session, Guid meetingId, Guid itemId, string line)
    {
        string? decision = null;
        for (var i = 0; i < 50; i++)
        {
            var meeting = await session.GetMeetingJsonAsync(meetingId);
            decision = meeting.GetProperty("items").EnumerateArray().Single(x => x.GetProperty("id").GetGuid() == itemId)
                .GetProperty("decision").GetString();
            if (decision?.Contains(line, StringComparison.Ordinal) == true)
            {
                return;
            }
            await Task.Delay(200);
        }
        Assert.Fail($"The decision does not hold \"{line}\": {decision}");
    }

    /// <summary>A meeting of Udsatterådet running at its one item, with the chair, Mia Kragh and Jens Vestergaard present.</summary>
    private static async Task<(Guid MeetingId, Guid ItemId)> RunningMeetingAsync(string databaseFile)
    {
        await using var db = new WorkspaceDbContext(new DbContextOptionsBuilder<WorkspaceDbContext>()
            .UseSqlite($"Data Source={databaseFile}", SqliteProvider.Configure).Options);
        var council = await db.Councils.SingleAsync(c => c.Name == DemoPeople.Council);
        var people = await db.People.Where(p => p.Name == DemoPeople.Chair || p.Name == DemoPeople.Member || p.Name == Jens).ToListAsync();
        var started = DateTimeOffset.UtcNow.AddDays(-3);
        var meeting = new Meeting
        {
            CouncilId = council.Id,
            Title = "Ekstraordinært møde med afstemning",
            StartsAt = started,
            EndsAt = started.AddHours(2),
            Status = MeetingStatus.InProgress,
            PublishedAt = started.AddDays(-7),
            StartedAt = started,
            Kind = MeetingKind.Extra,
        };
        var item = new AgendaItem { Meeting = meeting, Title = "Anbefaling af værestedets åbningstider", Number = 1, Kind = AgendaItemKind.Decision, AllottedMinutes = 20 };
        meeting.AgendaItems.Add(item);
        meeting.CurrentItemId = item.Id;
        meeting.CurrentItemSince = started;
        foreach (var person in people)
        {
            meeting.Attendances.Add(new Attendance { PersonId = person.Id, Role = AttendanceRole.Member, Presence = PresenceStatus.Present, ArrivedAt = started });
        }
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return (meeting.Id, item.Id);
    }
}
