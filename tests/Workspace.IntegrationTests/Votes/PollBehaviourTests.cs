using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Collaboration;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Features.Votes;
using Workspace.Web.Hubs;

namespace Workspace.IntegrationTests.Votes;

public sealed class PollBehaviourTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private PollService Service => factory.Service<PollService>();

    [Fact]
    public async Task A_closed_vote_shows_its_counts_and_who_voted_what_and_appends_its_line_after_the_typed_decision()
    {
        // Arrange: the secretary has started the decision; four vote
        var meeting = await VotingMeeting.StartAsync(factory);
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.AgendaItems.Where(i => i.Id == meeting.ItemId).ExecuteUpdateAsync(s => s.SetProperty(i => i.Decision, "Rådet drøftede forslaget."), Ct);
        }
        var poll = await meeting.PollAsync(factory, VotingMeeting.Motion());
        await VoteAsync(poll, (DevSignIn.Chair, PollBallot.For), (DevSignIn.Member, PollBallot.For), ("Jens Vestergaard", PollBallot.Against),
            (VotingMeeting.SteppingIn, PollBallot.Abstain));

        // Act
        var closed = await Service.CloseAsync(await factory.UserAsync(DevSignIn.Chair), poll, Ct);

        // Assert
        var result = Assert.IsType<PollResult>(closed.Result);
        Assert.Equal((2, 1, 1), (result.Of(PollBallot.For), result.Of(PollBallot.Against), result.Of(PollBallot.Abstain)));
        Assert.Equal(PollOutcomeKind.Adopted, result.Outcome.Kind);
        Assert.Equal(4, closed.Voted);
        Assert.Equal(VotingMeeting.Eligible, closed.Eligible);
        Assert.Contains(new NamedVote("Jens Vestergaard", PollBallot.Against), result.Named);
        Assert.Equal(4, result.Named.Count);
        Assert.Equal("Rådet drøftede forslaget.\nAfstemning: For 2, imod 1, undlader 1. Forslaget er vedtaget.", await DecisionAsync(meeting.ItemId));
    }

    [Fact]
    public async Task An_election_without_an_absolute_majority_goes_to_a_second_round_between_the_two_with_most_votes()
    {
        // Arrange: first round 2 - 2 - 1 of five votes: nobody has more than half
        var meeting = await VotingMeeting.StartAsync(factory);
        var chair = await factory.UserAsync(DevSignIn.Chair);
        var first = await meeting.PollAsync(factory, VotingMeeting.Election(PollMajority.Absolute, secret: true, "Anne Berg", "Carl Dahl", "Ditte Frost"));
        await VoteAsync(first, (DevSignIn.Chair, 1), (DevSignIn.Member, 1), ("Jens Vestergaard", 2), ("Poul Skovbo", 2), (VotingMeeting.SteppingIn, 3));
        var firstResult = await Service.CloseAsync(chair, first, Ct);

        // Act: the chair starts the second round, which the rule limits to Anne and Carl
        var second = await Service.NextRoundAsync(chair, first, Ct);
        await Service.OpenAsync(chair, second, Ct);
        var secondView = await Service.PollAsync(chair, second, Ct);
        await VoteAsync(second, (DevSignIn.Chair, 1), (DevSignIn.Member, 1), ("Jens Vestergaard", 2), ("Poul Skovbo", 2), (VotingMeeting.SteppingIn, 1));
        var secondResult = await Service.CloseAsync(chair, second, Ct);

        // Assert
        Assert.Equal(PollOutcomeKind.NextRound, firstResult.Result!.Outcome.Kind);
        Assert.Equal(["Anne Berg", "Carl Dahl"], secondView.Candidates);
        Assert.Equal(2, secondView.Round);
        Assert.Equal(PollOutcomeKind.Elected, secondResult.Result!.Outcome.Kind);
        Assert.Equal("Anne Berg", secondResult.Candidate(secondResult.Result.Outcome.Candidates[0]));
        Assert.Empty(secondResult.Result.Named);
        Assert.True((await Service.PollAsync(chair, first, Ct)).HasNextRound);
        await Assert.ThrowsAsync<Workspace.Web.Features.Access.InputValidationException>(() => Service.NextRoundAsync(chair, first, Ct));
        Assert.Equal(
            "Hemmeligt valg – Valg af formand (1. runde): Anne Berg 2, Carl Dahl 2, Ditte Frost 1, blanke 0. Ingen er valgt. Ny runde mellem Anne Berg og Carl Dahl.\n" +
            "Hemmeligt valg – Valg af formand (2. runde): Anne Berg 3, Carl Dahl 2, blanke 0. Anne Berg er valgt.",
            await DecisionAsync(meeting.ItemId));
    }

    [Fact]
    public async Task The_same_voter_voting_many_times_at_once_is_counted_once()
    {
        // Arrange
        var meeting = await VotingMeeting.StartAsync(factory);
        var poll = await meeting.PollAsync(factory, VotingMeeting.Motion(secret: true));
        var mia = await factory.UserAsync(DevSignIn.Member);

        // Act
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            PollOutcomes.OfAsync(() => Task.Run(() => Service.VoteAsync(mia, poll, i % 2 == 0 ? PollBallot.For : PollBallot.Against, Ct)))));

        // Assert
        Assert.Single(outcomes, o => o == PollOutcome.Allowed);
        Assert.All(outcomes.Where(o => o != PollOutcome.Allowed), o => Assert.Equal(PollOutcome.Refused, o));
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(1, await db.PollVoters.CountAsync(v => v.PollId == poll, Ct));
        Assert.Equal(1, await db.PollBallots.CountAsync(b => b.PollId == poll, Ct));
    }

    [Fact]
    public async Task No_vote_counts_once_the_poll_is_closed_and_a_closed_poll_cannot_be_opened_again()
    {
        var meeting = await VotingMeeting.StartAsync(factory);
        var chair = await factory.UserAsync(DevSignIn.Chair);
        var poll = await meeting.PollAsync(factory, VotingMeeting.Motion());
        await Service.CloseAsync(chair, poll, Ct);

        var vote = await PollOutcomes.OfAsync(() => Service.VoteAsync(chair, poll, PollBallot.For, Ct));
        var reopen = await PollOutcomes.OfAsync(() => Service.OpenAsync(chair, poll, Ct));

        Assert.Equal(PollOutcome.Refused, vote);
        Assert.Equal(PollOutcome.Refused, reopen);
        Assert.Equal(0, (await Service.PollAsync(chair, poll, Ct)).Voted);
    }

    [Fact]
    public async Task Bad_input_is_refused_next_to_its_field_and_nothing_is_created()
    {
        var meeting = await VotingMeeting.StartAsync(factory);
        var chair = await factory.UserAsync(DevSignIn.Chair);

        var empty = await Assert.ThrowsAsync<Workspace.Web.Features.Access.InputValidationException>(() =>
            Service.CreateAsync(chair, meeting.MeetingId, new PollInput { Question = "  ", Kind = PollKind.Motion }, Ct));
        var oneCandidate = await Assert.ThrowsAsync<Workspace.Web.Features.Access.InputValidationException>(() =>
            Service.CreateAsync(chair, meeting.MeetingId, VotingMeeting.Election(PollMajority.Simple, false, "Anne Berg"), Ct));
        var twice = await Assert.ThrowsAsync<Workspace.Web.Features.Access.InputValidationException>(() =>
            Service.CreateAsync(chair, meeting.MeetingId, VotingMeeting.Election(PollMajority.Simple, false, "Anne Berg", "anne berg"), Ct));
        var poll = await meeting.PollAsync(factory, VotingMeeting.Motion());
        var badChoice = await PollOutcomes.OfAsync(() => Service.VoteAsync(chair, poll, 7, Ct));

        Assert.Equal("Votes.QuestionRequired", Assert.Single(empty.Errors).MessageKey);
        Assert.Equal("Votes.CandidatesTooFew", Assert.Single(oneCandidate.Errors).MessageKey);
        Assert.Equal("Votes.CandidateTwice", Assert.Single(twice.Errors).MessageKey);
        Assert.Equal(PollOutcome.Refused, badChoice);
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(1, await db.Polls.CountAsync(p => p.MeetingId == meeting.MeetingId, Ct));
    }

    [Fact]
    public async Task Vote_events_name_no_voter_and_everyone_hears_progress_in_batches()
    {
        // Arrange
        var meeting = await VotingMeeting.StartAsync(factory);
        var poll = await meeting.PollAsync(factory, VotingMeeting.Motion(secret: true));
        var heard = new ConcurrentQueue<MeetingChange>();
        using var _ = factory.Service<IMeetingNotifier>().Subscribe(meeting.MeetingId, change =>
        {
            heard.Enqueue(change);
            return Task.CompletedTask;
        });

        // Act
        await VoteAsync(poll, (DevSignIn.Chair, PollBallot.For), (DevSignIn.Member, PollBallot.Against), ("Jens Vestergaard", PollBallot.For));
        await Eventually.TrueAsync(() => heard.Any(c => c.Kind == MeetingChangeKind.PollChanged));
        await Task.Delay(PollService.ProgressBatching * 2, Ct);

        // Assert: fewer notices than votes, about the item, with no actor and nothing else
        var notices = heard.Where(c => c.Kind == MeetingChangeKind.PollChanged).ToList();
        Assert.InRange(notices.Count, 1, 2);
        Assert.All(notices, n => Assert.Equal(new MeetingChange(meeting.MeetingId, MeetingChangeKind.PollChanged, meeting.ItemId, null, null), n));
    }

    [Fact]
    public async Task A_present_member_votes_through_the_hub_the_secretary_is_refused_and_a_client_without_sign_in_cannot_connect()
    {
        // Arrange
        var meeting = await VotingMeeting.StartAsync(factory);
        var poll = await meeting.PollAsync(factory, VotingMeeting.Motion());
        await using var member = await HubClients.ConnectAsync(factory, DevSignIn.Member);
        await using var secretary = await HubClients.ConnectAsync(factory, DevSignIn.Administration);

        // Act
        var receipt = await member.InvokeAsync<VoteReceipt>(nameof(MeetingHub.CastVote), poll, PollBallot.For, Ct);
        var again = await Assert.ThrowsAsync<HubException>(() => member.InvokeAsync<VoteReceipt>(nameof(MeetingHub.CastVote), poll, PollBallot.Against, Ct));
        var refused = await Assert.ThrowsAsync<HubException>(() => secretary.InvokeAsync<VoteReceipt>(nameof(MeetingHub.CastVote), poll, PollBallot.For, Ct));
        var seen = await secretary.InvokeAsync<PollView>(nameof(MeetingHub.GetPoll), poll, Ct);
        var anonymous = await Assert.ThrowsAsync<HttpRequestException>(() => HubClients.ConnectAsync(factory, null));

        // Assert
        Assert.Equal(new VoteReceipt(poll, PollBallot.For), receipt);
        Assert.Contains("Votes.AlreadyVoted", again.Message);
        Assert.EndsWith("forbidden", refused.Message);
        Assert.Equal(1, seen.Voted);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private async Task VoteAsync(Guid pollId, params (string Person, int Choice)[] votes)
    {
        foreach (var (person, choice) in votes)
        {
            await Service.VoteAsync(await factory.UserAsync(person), pollId, choice, Ct);
        }
    }

    private async Task<string> DecisionAsync(Guid itemId) =>
        (await factory.Service<TextDocumentService>().GetAsync(TextDocumentIds.ForItem(itemId, ItemText.Decision), Ct)).Text;
}
