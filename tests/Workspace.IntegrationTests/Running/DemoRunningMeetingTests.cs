using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Features.Running;
using Workspace.Web.Features.Speakers;
using Workspace.Web.Features.Votes;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Running;

/// <summary>
/// The demo data seeded from an empty database holds a meeting "i gang" (Handicaprådet's), so that a newcomer after
/// <c>dotnet run</c> sees the live meeting at work: a current item with a running timer, someone speaking and someone
/// online waiting, a named vote open, and an earlier closed vote with its result in the decision. The services read it
/// as they read any run, and the chair can finish the open vote.
/// </summary>
public sealed class DemoRunningMeetingTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private const string Hanne = DevSignIn.OtherCouncilChair;
    private const string Ole = "Ole Brandt";
    private const string Rikke = "Rikke Thorsen";

    [Fact]
    public async Task The_demo_has_a_running_meeting_with_a_timer_a_waiting_online_speaker_an_open_vote_and_a_closed_result()
    {
        // Arrange
        var meetingId = await RunningMeetingIdAsync();
        var hanne = await factory.UserAsync(Hanne);

        // Act
        var run = await factory.Service<MeetingRunService>().StateAsync(hanne, meetingId, Ct);
        var speakers = await factory.Service<SpeakerListService>().CurrentAsync(hanne, meetingId, Ct);
        var board = await factory.Service<PollService>().BoardAsync(hanne, meetingId, Ct);

        // Assert: the run, its current item and its running timer
        Assert.True(run.IsRunning);
        Assert.True(run.CanControl);
        Assert.Equal("3", run.Current!.Number);
        Assert.Equal("Tilgængelighed i den nye svømmehal", run.Current.Title);
        Assert.True(run.Current.Timer.IsRunning);
        Assert.True(run.Current.Timer.Used >= TimeSpan.FromMinutes(12));
        Assert.Equal(TimeSpan.FromMinutes(20), run.Current.Timer.Allotted);
        // The speakers' list: Ole speaks with three minutes, Rikke waits online, Hanne has spoken
        Assert.NotNull(speakers);
        Assert.Equal(run.Current.ItemId, speakers.ItemId);
        Assert.Equal(Ole, speakers.Speaking!.Name);
        Assert.Equal(180, speakers.Speaking.AllottedSeconds);
        var waiting = Assert.Single(speakers.Waiting);
        Assert.Equal(Rikke, waiting.Name);
        Assert.True(waiting.IsOnline);
        Assert.Contains(speakers.Spoken, s => s.Name == Hanne);
        // The votes: one open on the current item (Ole voted), one closed on item 2, adopted
        var open = Assert.Single(board.Polls);
        Assert.True(open.IsOpen);
        Assert.Equal(run.Current.ItemId, open.ItemId);
        Assert.Equal((1, 3), (open.Voted, open.Eligible));
        Assert.True(open.CanVote);
        await using var db = await factory.CreateDbContextAsync();
        var closedId = await db.Polls.Where(p => p.MeetingId == meetingId && p.Status == PollStatus.Closed).Select(p => p.Id).SingleAsync(Ct);
        var closed = await factory.Service<PollService>().PollAsync(hanne, closedId, Ct);
        Assert.Equal((2, 0, 1), (closed.Result!.Of(PollBallot.For), closed.Result.Of(PollBallot.Against), closed.Result.Of(PollBallot.Abstain)));
        Assert.Equal(PollOutcomeKind.Adopted, closed.Result.Outcome.Kind);
        Assert.Contains(closed.Result.Named, v => v.Name == Rikke && v.Choice == PollBallot.Abstain);
        var parking = await db.AgendaItems.SingleAsync(i => i.Id == closed.ItemId, Ct);
        Assert.EndsWith("Afstemning: For 2, imod 0, undlader 1. Forslaget er vedtaget.", parking.Decision);

        // And the seeded vote works as any other: Hanne and Rikke (online) vote; Ole has voted already and may not again;
        // the chair closes it into the screen and the decision.
        var polls = factory.Service<PollService>();
        var ole = await factory.UserAsync(Ole);
        await polls.VoteAsync(hanne, open.Id, PollBallot.For, Ct);
        await polls.VoteAsync(await factory.UserAsync(Rikke), open.Id, PollBallot.For, Ct);
        var again = await Votes.PollOutcomes.OfAsync(() => polls.VoteAsync(ole, open.Id, PollBallot.Against, Ct));
        var result = await polls.CloseAsync(hanne, open.Id, Ct);
        Assert.Equal(Votes.PollOutcome.Refused, again);
        Assert.Equal(3, result.Result!.Of(PollBallot.For));
        var screen = await polls.ScreenAsync(meetingId, open.ItemId, showClosedItems: false, Ct);
        Assert.Equal(PollStatus.Closed, screen!.Status);
        string decision = "";
        for (var i = 0; i < 50 && !decision.Contains("Afstemning: For 3, imod 0, undlader 0. Forslaget er vedtaget.", StringComparison.Ordinal); i++)
        {
            decision = (await factory.Service<TextDocumentService>().GetAsync(TextDocumentIds.ForItem(open.ItemId, ItemText.Decision), Ct)).Text;
            await Task.Delay(100, Ct);
        }
        Assert.Contains("Afstemning: For 3, imod 0, undlader 0. Forslaget er vedtaget.", decision, StringComparison.Ordinal);
    }

    private async Task<Guid> RunningMeetingIdAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Meetings.Where(m => m.Council!.Name == "Handicaprådet" && m.Status == MeetingStatus.InProgress).Select(m => m.Id).SingleAsync(Ct);
    }
}
