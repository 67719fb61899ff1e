using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Features.Votes;

namespace Workspace.IntegrationTests.Votes;

/// <summary>
/// After a secret ballot, the database holds who voted and how many chose what, and nothing that ties the two together:
/// every table of the SQLite file is read, the audit trail included (docs/decisions/015-secret-ballots.md).
/// </summary>
public sealed class SecretBallotTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private const int ExtraVoters = 10;

    [Fact]
    public async Task After_a_secret_ballot_no_table_links_a_voter_to_a_choice_and_the_ballots_are_not_in_vote_order()
    {
        // Arrange: fifteen voters, each for a different candidate, so the test (and only the test) knows whose ballot is whose
        var meeting = await VotingMeeting.StartAsync(factory);
        var voters = VotingMeeting.Voters.Concat(await AddPresentMembersAsync(meeting)).ToList();
        var candidates = voters.Select((_, i) => $"Kandidat {i + 1:00}").ToArray();
        var poll = await meeting.PollAsync(factory, VotingMeeting.Election(PollMajority.Simple, secret: true, candidates));
        var service = factory.Service<PollService>();
        var voterIds = new List<Guid>();
        for (var i = 0; i < voters.Count; i++)
        {
            var user = await factory.UserAsync(voters[i]);
            voterIds.Add(user.PersonId!.Value);
            await service.VoteAsync(user, poll, i + 1, Ct);
        }

        // Act
        var closed = await service.CloseAsync(await factory.UserAsync(DevSignIn.Chair), poll, Ct);

        // Assert: the count is right, and is all there is
        Assert.Equal(voters.Count, closed.Voted);
        Assert.All(Enumerable.Range(1, voters.Count), c => Assert.Equal(1, closed.Result!.Of(c)));
        await using var db = await factory.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        var ballotIds = (await RowsAsync(connection, $"SELECT Id FROM PollBallots WHERE PollId = '{poll.ToString().ToUpperInvariant()}'"))
            .Select(r => Convert.ToString(r["Id"], System.Globalization.CultureInfo.InvariantCulture)!).ToList();
        Assert.Equal(voters.Count, ballotIds.Count);
        var personMarks = voterIds.Select(id => id.ToString()).Concat(voters).ToList();
        var tables = (await RowsAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table'")).Select(r => (string)r["name"]!).ToList();
        Assert.Contains("AuditEntries", tables);
        foreach (var table in tables)
        {
            foreach (var row in await RowsAsync(connection, $"SELECT * FROM \"{table}\""))
            {
                var text = string.Join("|", row.Values.Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));
                var holdsBallot = table == "PollBallots" || ballotIds.Any(id => text.Contains(id, StringComparison.Ordinal))
                    || text.Contains(nameof(PollBallot), StringComparison.Ordinal);
                var namesVoter = personMarks.Any(p => text.Contains(p, StringComparison.OrdinalIgnoreCase));
                Assert.False(holdsBallot && namesVoter, $"{table} links a voter to a ballot: {text}");
                if (table == "PollVoters" && text.Contains(poll.ToString(), StringComparison.OrdinalIgnoreCase))
                {
                    Assert.True(row["OpenChoice"] is null or DBNull, $"A secret poll's voter row holds a choice: {text}");
                }
            }
        }
        // A ballot is its key, its poll and its choice: no person, no time.
        var columns = (await RowsAsync(connection, "SELECT name FROM pragma_table_info('PollBallots')")).Select(r => (string)r["name"]!).ToList();
        Assert.Equal(["Id", "PollId", "Choice"], columns);
        // The key is SQLite's rowid (no second, insert-ordered row number), and the stored order is not the vote order.
        var stored = await RowsAsync(connection, $"SELECT rowid AS RowId, Id, Choice FROM PollBallots WHERE PollId = '{poll.ToString().ToUpperInvariant()}'");
        Assert.All(stored, r => Assert.Equal(r["RowId"], r["Id"]));
        var storedChoices = stored.Select(r => Convert.ToInt32(r["Choice"], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.NotEqual(Enumerable.Range(1, voters.Count).ToList(), storedChoices);
        Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(PollBallot), Ct));
    }

    private async Task<List<string>> AddPresentMembersAsync(VotingMeeting meeting)
    {
        await using var db = await factory.CreateDbContextAsync();
        var councilId = await db.Meetings.Where(m => m.Id == meeting.MeetingId).Select(m => m.CouncilId).SingleAsync(Ct);
        var names = Enumerable.Range(1, ExtraVoters).Select(i => $"Prøvevælger {i:00} {Guid.NewGuid():N}"[..20]).ToList();
        foreach (var name in names)
        {
            var person = new Person { Name = name };
            db.People.Add(person);
            db.Memberships.Add(new Membership { CouncilId = councilId, PersonId = person.Id, Kind = MembershipKind.Member });
            db.Attendances.Add(new Workspace.Data.Entities.Attendance { MeetingId = meeting.MeetingId, PersonId = person.Id, Role = AttendanceRole.Member, Presence = PresenceStatus.Present });
        }
        await db.SaveChangesAsync(Ct);
        return names;
    }

    private static async Task<List<Dictionary<string, object?>>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync(Ct))
        {
            var row = new Dictionary<string, object?>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[reader.GetName(i)] = await reader.IsDBNullAsync(i, Ct) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }
}
