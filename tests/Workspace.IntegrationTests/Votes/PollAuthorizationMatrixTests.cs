using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.RoomScreen;
using Workspace.Web.Features.Votes;

namespace Workspace.IntegrationTests.Votes;

public enum PollAction
{
    Create,
    Open,
    Close,
    NextRound,
    Vote,
    SeeProgress,
    VoteOnClosedItem,
}

/// <summary>
/// Who may do what with votes and elections at a running meeting (<see cref="VotingMeeting"/>): the administration and
/// the chair create, open and close; present members and the stepping-in substitute vote; an absent member, one who left,
/// a substitute not called in, the administration, another council and a principal with no person (anonymous, or the
/// room screen's device signed in by a display link of this meeting) do not. Each row acts on a fresh meeting; the service is called directly (the panel and
/// the hub call the same methods); the data must change exactly when the action is allowed.
/// </summary>
public sealed class PollAuthorizationMatrixTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private const PollOutcome A = PollOutcome.Allowed;
    private const PollOutcome D = PollOutcome.AccessDenied;
    private const PollOutcome N = PollOutcome.NotFound;
    private const PollOutcome R = PollOutcome.Refused;
    private const string Anonymous = "(anonym)";
    private const string Display = "(visningslink)";

    public static IEnumerable<TheoryDataRow<string, PollAction, PollOutcome>> Matrix()
    {
        var rows = new List<TheoryDataRow<string, PollAction, PollOutcome>>();
        void Person(string name, params PollOutcome[] expected)
        {
            foreach (var (action, outcome) in Enum.GetValues<PollAction>().Zip(expected, (a, o) => (a, o)))
            {
                rows.Add(new TheoryDataRow<string, PollAction, PollOutcome>(name, action, outcome));
            }
        }

        //                                     create open close nextRound vote progress voteClosedItem
        Person(DevSignIn.Administration,       A,     A,   A,    A,        D,   A,       D);
        Person(DevSignIn.Chair,                A,     A,   A,    A,        A,   A,       A);
        Person(VotingMeeting.Present,          D,     D,   D,    D,        A,   A,       A);
        Person(VotingMeeting.Absent,           D,     D,   D,    D,        R,   A,       R);
        Person(VotingMeeting.Left,             D,     D,   D,    D,        R,   A,       R);
        Person(VotingMeeting.SteppingIn,       D,     D,   D,    D,        A,   A,       A);
        Person(VotingMeeting.NotCalledIn,      D,     D,   D,    D,        D,   A,       N);
        Person(DevSignIn.OtherCouncilChair,    N,     N,   N,    N,        N,   N,       N);
        Person(Anonymous,                      N,     N,   N,    N,        N,   N,       N);
        Person(Display,                        N,     N,   N,    N,        N,   N,       N);
        return rows;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_may_do_with_votes_what_its_rights_allow(string person, PollAction action, PollOutcome expected)
    {
        // Arrange: a fresh running meeting; a prepared vote, an open one, a closed election round that elected nobody
        var meeting = await VotingMeeting.StartAsync(factory);
        var service = factory.Service<PollService>();
        var chair = await factory.UserAsync(DevSignIn.Chair);
        var user = person switch
        {
            Anonymous => WorkspaceUser.Anonymous,
            // The room screen's device, signed in by a display link of this very meeting.
            Display => WorkspaceUser.From(DisplayPrincipal.Create(Guid.NewGuid(), meeting.MeetingId)),
            _ => await factory.UserAsync(person),
        };
        var prepared = await meeting.PollAsync(factory, VotingMeeting.Motion(), open: false);
        var tie = await meeting.PollAsync(factory, VotingMeeting.Election(PollMajority.Absolute, secret: true, "Anne Berg", "Carl Dahl"));
        await service.CloseAsync(chair, tie, Ct);
        var open = await meeting.PollAsync(factory, VotingMeeting.Motion(secret: true));
        var onClosedItem = await ClosedItemPollAsync(meeting, chair);

        // Act
        var outcome = await PollOutcomes.OfAsync(action switch
        {
            PollAction.Create => () => service.CreateAsync(user, meeting.MeetingId, new PollInput { Question = "Ny afstemning", Kind = PollKind.Motion }, Ct),
            PollAction.Open => async () =>
            {
                await CloseDirectlyAsync(open, onClosedItem);
                await service.OpenAsync(user, prepared, Ct);
            },
            PollAction.Close => () => service.CloseAsync(user, open, Ct),
            PollAction.NextRound => () => service.NextRoundAsync(user, tie, Ct),
            PollAction.Vote => () => service.VoteAsync(user, open, PollBallot.For, Ct),
            PollAction.SeeProgress => () => service.PollAsync(user, open, Ct),
            PollAction.VoteOnClosedItem => () => service.VoteAsync(user, onClosedItem, PollBallot.Against, Ct),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        });

        // Assert
        Assert.Equal(expected, outcome);
        await using var db = await factory.CreateDbContextAsync();
        var polls = await db.Polls.Where(p => p.MeetingId == meeting.MeetingId).ToListAsync(Ct);
        var changed = action switch
        {
            PollAction.Create => polls.Any(p => p.Question == "Ny afstemning"),
            PollAction.Open => polls.Single(p => p.Id == prepared).Status == PollStatus.Open,
            PollAction.Close => polls.Single(p => p.Id == open).Status == PollStatus.Closed,
            PollAction.NextRound => polls.Any(p => p.Round == 2),
            PollAction.Vote => await db.PollBallots.CountAsync(b => b.PollId == open, Ct) == 1,
            PollAction.VoteOnClosedItem => await db.PollBallots.CountAsync(b => b.PollId == onClosedItem, Ct) == 1,
            _ => outcome == PollOutcome.Allowed,
        };
        Assert.Equal(expected == PollOutcome.Allowed, changed);
        if (action is PollAction.Vote or PollAction.VoteOnClosedItem)
        {
            var voters = await db.PollVoters.CountAsync(v => v.PollId == open || v.PollId == onClosedItem, Ct);
            Assert.Equal(expected == PollOutcome.Allowed ? 1 : 0, voters);
        }
    }

    [Fact]
    public async Task Progress_counts_the_present_members_and_the_stepping_in_substitute_and_nobody_else()
    {
        // Arrange
        var meeting = await VotingMeeting.StartAsync(factory);
        var poll = await meeting.PollAsync(factory, VotingMeeting.Motion(secret: true));
        var service = factory.Service<PollService>();
        await service.VoteAsync(await factory.UserAsync(DevSignIn.Member), poll, PollBallot.For, Ct);
        await service.VoteAsync(await factory.UserAsync(DevSignIn.Substitute), poll, PollBallot.Against, Ct);

        // Act
        var seen = await service.PollAsync(await factory.UserAsync(VotingMeeting.NotCalledIn), poll, Ct);

        // Assert: how many voted of how many may, and during a secret vote nothing of what they voted
        Assert.Equal(2, seen.Voted);
        Assert.Equal(VotingMeeting.Eligible, seen.Eligible);
        Assert.Null(seen.Result);
        Assert.False(seen.CanVote);
        Assert.False(seen.HasVoted);
    }

    /// <summary>Ends the open polls without a result line, so that another may open (one open poll at a time).</summary>
    private async Task CloseDirectlyAsync(params Guid[] polls)
    {
        await using var db = await factory.CreateDbContextAsync();
        await db.Polls.Where(p => polls.Contains(p.Id)).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PollStatus.Closed), Ct);
    }

    private async Task<Guid> ClosedItemPollAsync(VotingMeeting meeting, WorkspaceUser chair)
    {
        // The chair moves to the closed item, makes and opens a vote there, and comes back (the open vote stays open).
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Meetings.Where(m => m.Id == meeting.MeetingId).ExecuteUpdateAsync(s => s.SetProperty(m => m.CurrentItemId, meeting.ClosedItemId), Ct);
        }
        var service = factory.Service<PollService>();
        var id = await service.CreateAsync(chair, meeting.MeetingId, new PollInput { Question = "Lukket afstemning", Kind = PollKind.Motion }, Ct);
        await using (var db = await factory.CreateDbContextAsync())
        {
            // Opened directly: one open poll at a time is the service's rule, and the open item's poll is open already.
            await db.Polls.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PollStatus.Open), Ct);
            await db.Meetings.Where(m => m.Id == meeting.MeetingId).ExecuteUpdateAsync(s => s.SetProperty(m => m.CurrentItemId, meeting.ItemId), Ct);
        }
        return id;
    }
}
