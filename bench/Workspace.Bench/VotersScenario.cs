using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Data.Sqlite;

namespace Workspace.Bench;

public sealed record VotersResult(int Voters, int Counted, int Voted, double ResultMs, double VoteP50, double VoteP95, double VotingSeconds, int Failed);

/// <summary>
/// N eligible voters as SignalR clients of /hubs/meeting (seeded into a council and running meeting of their own, all
/// registered present), each casting one vote at a random moment within the first seconds; then the chair closes the
/// poll. Vote latency is each CastVote call's round trip; result_ms is from the close call until the last client has
/// read the result after its PollChanged notice.
/// </summary>
public static class VotersScenario
{
    private static readonly TimeSpan VotingWindow = TimeSpan.FromSeconds(8);

    public static async Task<VotersResult> RunAsync(AppUnderTest app, int voters)
    {
        var (meetingId, chairId, voterIds) = await SeedAsync(app, voters);
        var chair = await ConnectAsync(app, chairId);
        var clients = new List<Voter>();
        foreach (var batch in voterIds.Chunk(20))
        {
            clients.AddRange(await Task.WhenAll(batch.Select(async id => new Voter(await ConnectAsync(app, id)))));
        }
        await Task.WhenAll(clients.Select(c => c.Connection.InvokeAsync<JsonElement>("JoinMeeting", meetingId)));
        var pollId = await chair.InvokeAsync<Guid>("CreatePoll", meetingId, new { Question = "Skal rådet anbefale forslaget?", Kind = 0, IsSecret = true });
        await chair.InvokeAsync("OpenPoll", pollId);

        var latencies = new ConcurrentBag<double>();
        var failed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select(async (client, i) =>
        {
            var random = new Random(i * 7919 + voters);
            await Task.Delay(TimeSpan.FromMilliseconds(random.NextDouble() * VotingWindow.TotalMilliseconds * 0.6));
            var sent = Stopwatch.GetTimestamp();
            try
            {
                await client.Connection.InvokeAsync<JsonElement>("CastVote", pollId, random.Next(0, 3));
                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref failed);
            }
        }));
        var votingSeconds = clock.Elapsed.TotalSeconds;

        foreach (var client in clients)
        {
            client.WaitForResult(pollId);
        }
        var closing = Stopwatch.GetTimestamp();
        var closed = await chair.InvokeAsync<JsonElement>("ClosePoll", pollId);
        var all = Task.WhenAll(clients.Select(c => c.Result.Task));
        await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(30)));
        var resultMs = all.IsCompletedSuccessfully
            ? clients.Max(c => Stopwatch.GetElapsedTime(closing, c.ResultAt).TotalMilliseconds)
            : double.PositiveInfinity;
        var counted = closed.GetProperty("result").GetProperty("counts").EnumerateObject().Sum(c => c.Value.GetInt32());
        var voted = closed.GetProperty("voted").GetInt32();

        foreach (var client in clients)
        {
            await client.Connection.DisposeAsync();
        }
        await chair.DisposeAsync();
        var sorted = latencies.Order().ToList();
        return new VotersResult(voters, counted, voted, resultMs, Percentiles.Of(sorted, 50), Percentiles.Of(sorted, 95), votingSeconds, failed);
    }

    /// <summary>A council of its own with a chair and N members, a running meeting at its one item, everyone present.</summary>
    private static async Task<(Guid MeetingId, Guid ChairId, List<Guid> VoterIds)> SeedAsync(AppUnderTest app, int voters)
    {
        var options = new DbContextOptionsBuilder<WorkspaceDbContext>().UseSqlite($"Data Source={app.DatabaseFile}", SqliteProvider.Configure).Options;
        await using var db = new WorkspaceDbContext(options);
        var run = Guid.NewGuid().ToString("N")[..6];
        var council = new Council { Name = $"Afstemningsrådet {run}", Municipality = "Bøgeby Kommune" };
        db.Councils.Add(council);
        var now = DateTimeOffset.UtcNow;
        var meeting = new Meeting
        {
            CouncilId = council.Id,
            Title = "Møde med afstemning",
            StartsAt = now,
            EndsAt = now.AddHours(2),
            Status = MeetingStatus.InProgress,
            PublishedAt = now.AddDays(-7),
            StartedAt = now,
        };
        var item = new AgendaItem { Meeting = meeting, Title = "Forslag til anbefaling", Number = 1, Kind = AgendaItemKind.Decision };
        meeting.AgendaItems.Add(item);
        meeting.CurrentItemId = item.Id;
        meeting.CurrentItemSince = now;
        db.Meetings.Add(meeting);
        Person Seat(string name, bool chair)
        {
            var person = new Person { Name = name };
            db.People.Add(person);
            db.Memberships.Add(new Membership { CouncilId = council.Id, PersonId = person.Id, Kind = MembershipKind.Member, IsChair = chair });
            return person;
        }
        var chairPerson = Seat($"Formand {run}", chair: true);
        var voterIds = new List<Guid>();
        for (var i = 1; i <= voters; i++)
        {
            var person = Seat($"Vælger {i:000} {run}", chair: false);
            meeting.Attendances.Add(new Attendance { PersonId = person.Id, Role = AttendanceRole.Member, Presence = PresenceStatus.Present, ArrivedAt = now });
            voterIds.Add(person.Id);
        }
        await db.SaveChangesAsync();
        return (meeting.Id, chairPerson.Id, voterIds);
    }

    private static async Task<HubConnection> ConnectAsync(AppUnderTest app, Guid personId)
    {
        var cookies = await app.SignInAsync(personId);
        var connection = new HubConnectionBuilder()
            .WithUrl(app.BaseUrl + "/hubs/meeting", options =>
            {
                options.Cookies = cookies;
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    private sealed class Voter
    {
        private Guid _waitingFor;

        public Voter(HubConnection connection)
        {
            Connection = connection;
            connection.On<JsonElement>("MeetingChanged", OnChangedAsync);
        }

        public HubConnection Connection { get; }

        public TaskCompletionSource Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long ResultAt { get; private set; }

        public void WaitForResult(Guid pollId) => _waitingFor = pollId;

        private Task OnChangedAsync(JsonElement change)
        {
            if (_waitingFor != Guid.Empty && !Result.Task.IsCompleted && change.GetProperty("kind").GetString() == "PollChanged")
            {
                // Not awaited here: a handler that waits for an invocation's answer would hold up the connection's receive loop.
                _ = Task.Run(ReadResultAsync);
            }
            return Task.CompletedTask;
        }

        private async Task ReadResultAsync()
        {
            var poll = await Connection.InvokeAsync<JsonElement>("GetPoll", _waitingFor);
            if (poll.GetProperty("result").ValueKind == JsonValueKind.Object)
            {
                ResultAt = Stopwatch.GetTimestamp();
                Result.TrySetResult();
            }
        }
    }
}
