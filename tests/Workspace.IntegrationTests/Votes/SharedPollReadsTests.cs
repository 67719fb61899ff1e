using System.Text.Json;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Collaboration;
using Workspace.Web.Database;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Votes;

namespace Workspace.IntegrationTests.Votes;

/// <summary>
/// After a change, every open page of a node asks for the board: they share one read (keyed by the change), and each still
/// gets exactly the view its own read would give, with its own rights (whether she has voted and may vote, a closed item).
/// </summary>
public sealed class SharedPollReadsTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private static readonly string[] Viewers =
    [
        DevSignIn.Chair, DevSignIn.Member, "Jens Vestergaard", VotingMeeting.SteppingIn, VotingMeeting.NotCalledIn,
        VotingMeeting.Absent, VotingMeeting.Left, DevSignIn.Administration,
    ];

    private PollService Service => factory.Service<PollService>();

    [Fact]
    public async Task Every_viewer_gets_the_board_of_her_own_read_and_many_viewers_cost_one_read()
    {
        // Arrange: an open vote where two have voted, and a closed one before it
        var meeting = await VotingMeeting.StartAsync(factory);
        var chair = await factory.UserAsync(DevSignIn.Chair);
        var first = await meeting.PollAsync(factory, VotingMeeting.Motion());
        await Service.VoteAsync(await factory.UserAsync(DevSignIn.Member), first, PollBallot.For, Ct);
        await Service.CloseAsync(chair, first, Ct);
        var second = await meeting.PollAsync(factory, VotingMeeting.Motion(secret: true));
        await Service.VoteAsync(await factory.UserAsync(DevSignIn.Member), second, PollBallot.Against, Ct);
        await Service.VoteAsync(await factory.UserAsync(VotingMeeting.SteppingIn), second, PollBallot.For, Ct);
        var users = new List<WorkspaceUser>();
        foreach (var name in Viewers)
        {
            users.Add(await factory.UserAsync(name));
        }
        var warmUp = new MeetingChange(meeting.MeetingId, MeetingChangeKind.PollChanged, meeting.ItemId, null, null);
        foreach (var user in users)
        {
            await Service.BoardAfterAsync(warmUp, user);
        }

        // Act
        var change = new MeetingChange(meeting.MeetingId, MeetingChangeKind.PollChanged, meeting.ItemId, null, null);
        var counter = factory.Service<DbCommandCounter>();
        var before = counter.Count;
        var shared = new List<PollBoard>();
        foreach (var user in users)
        {
            shared.Add(await Service.BoardAfterAsync(change, user));
        }
        var sharedCommands = counter.Count - before;
        before = counter.Count;
        var own = await Service.BoardAsync(users[0], meeting.MeetingId, Ct);
        var oneOwnRead = counter.Count - before;

        // Assert
        for (var i = 0; i < users.Count; i++)
        {
            Assert.Equal(Json(await Service.BoardAsync(users[i], meeting.MeetingId, Ct)), Json(shared[i]));
        }
        Assert.Equal(Json(own), Json(shared[0]));
        Assert.Contains(shared, b => b.Polls.Any(p => p.CanVote));
        Assert.Contains(shared, b => b.Polls.Any(p => p.HasVoted));
        Assert.True(sharedCommands <= oneOwnRead, $"{users.Count} viewers after one change cost {sharedCommands} commands; one own read costs {oneOwnRead}");
    }

    [Fact]
    public async Task At_a_closed_item_only_those_who_see_closed_items_get_its_polls_and_another_council_gets_nothing()
    {
        // Arrange: the chair moves to the closed item and makes a vote there
        var meeting = await VotingMeeting.StartAsync(factory);
        await using (var db = await factory.CreateDbContextAsync())
        {
            var stored = await db.Meetings.FindAsync([meeting.MeetingId], Ct);
            stored!.CurrentItemId = meeting.ClosedItemId;
            await db.SaveChangesAsync(Ct);
        }
        await meeting.PollAsync(factory, VotingMeeting.Motion());
        var change = new MeetingChange(meeting.MeetingId, MeetingChangeKind.PollChanged, meeting.ClosedItemId, null, null);

        // Act
        var chairs = await Service.BoardAfterAsync(change, await factory.UserAsync(DevSignIn.Chair));
        var notCalledIn = await Service.BoardAfterAsync(change, await factory.UserAsync(VotingMeeting.NotCalledIn));
        var stranger = await PollOutcomes.OfAsync(async () => await Service.BoardAfterAsync(change, await factory.UserAsync(DevSignIn.OtherCouncilChair)));

        // Assert
        Assert.Single(chairs.Polls);
        Assert.Empty(notCalledIn.Polls);
        Assert.Null(notCalledIn.CurrentItemId);
        Assert.Equal(PollOutcome.NotFound, stranger);
    }

    private static string Json(PollBoard board) => JsonSerializer.Serialize(board);
}
