using System.Globalization;
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
    public async Task Chair_and_two_members_vote_the_result_shows_everywhere_the_room_screen_included_and_lands_in_the_decision_and_keyboard_voting_works()
    {
        // Arrange
        var host = await app.HostAsync();
        var (meetingId, itemId) = await RunningMeetingAsync(host.DatabaseFile);
        await using var chair = await UserSession.SignInAsync(browser, host, DemoPeople.Chair);
        await using var mia = await UserSession.SignInAsync(browser, host, DemoPeople.Member);
        await using var jens = await UserSession.SignInAsync(browser, host, Jens);
        await using var screen = await UserSession.SignInAsync(browser, host, DemoPeople.Secretary);
        foreach (var session in new[] { chair, mia, jens })
        {
            await session.OpenMeetingAsync(meetingId);
        }
        await screen.Page.GotoAsync($"{host.BaseUrl}/meetings/{meetingId}/screen");
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
        await Assertions.Expect(mia.Page.Locator("[data-testid=poll-voted]")).ToBeFocusedAsync();
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
        // The room screen: the counts, the outcome and, as the vote was named, who voted what.
        await Assertions.Expect(screen.Page.Locator("[data-testid=screen-poll-outcome]")).ToHaveTextAsync("Forslaget er vedtaget.");
        await Assertions.Expect(screen.Page.Locator("[data-testid=screen-poll-counts]")).ToContainTextAsync("For 2");
        await Assertions.Expect(screen.Page.Locator("[data-testid=screen-poll]")).ToContainTextAsync(Jens);
        await ExpectDecisionAsync(mia, meetingId, itemId, "Afstemning: For 2, imod 1, undlader 0. Forslaget er vedtaget.");
        await AxeScan.AssertNoViolationsAsync(mia.Page);
        await AxeScan.AssertNoViolationsAsync(screen.Page);
        chair.Errors.AssertNone();
        mia.Errors.AssertNone();
        jens.Errors.AssertNone();
        screen.Errors.AssertNone();
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

    [Fact]
    public async Task A_secret_ballot_shows_only_the_count_on_the_room_screen_until_closed_and_the_database_links_no_voter_to_a_choice()
    {
        // Arrange: three voters' browsers and the room screen on the secretary's laptop
        var host = await app.HostAsync();
        var (meetingId, itemId) = await RunningMeetingAsync(host.DatabaseFile);
        await using var chair = await UserSession.SignInAsync(browser, host, DemoPeople.Chair);
        await using var mia = await UserSession.SignInAsync(browser, host, DemoPeople.Member);
        await using var jens = await UserSession.SignInAsync(browser, host, Jens);
        await using var screen = await UserSession.SignInAsync(browser, host, DemoPeople.Secretary);
        foreach (var session in new[] { chair, mia, jens })
        {
            await session.OpenMeetingAsync(meetingId);
        }
        await screen.Page.GotoAsync($"{host.BaseUrl}/meetings/{meetingId}/screen");
        var question = $"Hemmelig afstemning ({Guid.NewGuid():N})"[..32];

        // Act: a secret vote; Mia and Jens vote, the screen shows only how many have
        await chair.Page.Locator("[data-testid=poll-new]").ClickAsync();
        await chair.Page.Locator("[data-testid=poll-question] input, input[data-testid=poll-question]").First.FillAsync(question);
        await chair.Page.Locator("[data-testid=poll-secret] input, input[data-testid=poll-secret]").First.CheckAsync();
        await chair.Page.Locator("[data-testid=poll-create]").ClickAsync();
        await chair.Page.Locator("[data-testid=poll-open]").ClickAsync();
        await VoteAsync(mia, $"For: {question}");
        await VoteAsync(jens, $"Imod: {question}");
        var progress = screen.Page.Locator("[data-testid=screen-poll-progress]");
        await Assertions.Expect(progress).ToHaveTextAsync("2 af 3 har stemt");
        await Assertions.Expect(screen.Page.Locator("[data-testid=screen-poll]")).Not.ToContainTextAsync(Jens);
        await AxeScan.AssertNoViolationsAsync(screen.Page);
        await VoteAsync(chair, $"For: {question}");
        await Assertions.Expect(progress).ToHaveTextAsync("3 af 3 har stemt");
        await chair.Page.Locator("[data-testid=poll-close]").ClickAsync();

        // Assert: the result on the screen and in the decision, with no names
        await Assertions.Expect(screen.Page.Locator("[data-testid=screen-poll-outcome]")).ToHaveTextAsync("Forslaget er vedtaget.");
        await Assertions.Expect(screen.Page.Locator("[data-testid=screen-poll-counts]")).ToContainTextAsync("For 2");
        await Assertions.Expect(screen.Page.Locator("[data-testid=screen-poll]")).Not.ToContainTextAsync(Jens);
        await Assertions.Expect(mia.Page.Locator("[data-testid=poll-result] [data-testid=poll-named]")).ToHaveCountAsync(0);
        await ExpectDecisionAsync(mia, meetingId, itemId, "For 2, imod 1, undlader 0. Forslaget er vedtaget.");
        await AxeScan.AssertNoViolationsAsync(screen.Page);
        await AssertNoRowLinksAVoterToABallotAsync(host.DatabaseFile, question, [DemoPeople.Chair, DemoPeople.Member, Jens]);
        chair.Errors.AssertNone();
        mia.Errors.AssertNone();
        jens.Errors.AssertNone();
        screen.Errors.AssertNone();
    }

    /// <summary>
    /// Every row of every table of the app's database, the audit trail included: none holds both a ballot of the poll and
    /// one of its voters (by id or name), the voters' rows hold no choice, and no audit entry is about a ballot.
    /// </summary>
    private static async Task AssertNoRowLinksAVoterToABallotAsync(string databaseFile, string question, string[] voters)
    {
        await using var db = new WorkspaceDbContext(new DbContextOptionsBuilder<WorkspaceDbContext>()
            .UseSqlite($"Data Source={databaseFile}", SqliteProvider.Configure).Options);
        var poll = await db.Polls.SingleAsync(p => p.Question == question);
        var ballots = await db.PollBallots.Where(b => b.PollId == poll.Id).Select(b => b.Id.ToString(CultureInfo.InvariantCulture)).ToListAsync();
        var voterIds = await db.People.Where(p => voters.Contains(p.Name)).Select(p => p.Id).ToListAsync();
        Assert.Equal(3, ballots.Count);
        Assert.Equal(3, await db.PollVoters.CountAsync(v => v.PollId == poll.Id && v.OpenChoice == null));
        var marks = voterIds.Select(id => id.ToString()).Concat(voters).ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        Assert.Contains("AuditEntries", tables);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var text = $"|{string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)))}|";
                var holdsBallot = table == "PollBallots" || text.Contains(nameof(PollBallot), StringComparison.Ordinal)
                    || ballots.Any(id => text.Contains($"|{id}|", StringComparison.Ordinal));
                Assert.False(holdsBallot && marks.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase)), $"{table} links a voter to a ballot: {text}");
            }
        }
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
