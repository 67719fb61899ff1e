using Workspace.Data.Entities;
using Workspace.Web.Features.Votes;

namespace Workspace.UnitTests.Votes;

public sealed class PollRulesTests
{
    private static Dictionary<int, int> Votes(params int[] perCandidate) =>
        perCandidate.Select((votes, i) => (Position: i + 1, votes)).ToDictionary(v => v.Position, v => v.votes);

    [Theory]
    [InlineData(7, 2, PollOutcomeKind.Adopted)]
    [InlineData(2, 7, PollOutcomeKind.Rejected)]
    [InlineData(4, 4, PollOutcomeKind.Rejected)]
    [InlineData(0, 0, PollOutcomeKind.Rejected)]
    [InlineData(1, 0, PollOutcomeKind.Adopted)]
    public void A_proposal_is_adopted_only_with_more_for_than_against(int forVotes, int against, PollOutcomeKind expected)
    {
        Assert.Equal(expected, PollRules.Motion(forVotes, against).Kind);
    }

    [Fact]
    public void Simple_majority_elects_the_candidate_with_most_votes_even_without_half()
    {
        var outcome = PollRules.Election(Votes(4, 3, 3), PollMajority.Simple);

        Assert.Equal(PollOutcomeKind.Elected, outcome.Kind);
        Assert.Equal([1], outcome.Candidates);
    }

    [Fact]
    public void Simple_majority_with_a_tie_for_first_place_needs_a_new_round_between_the_tied()
    {
        var outcome = PollRules.Election(Votes(2, 4, 4), PollMajority.Simple);

        Assert.Equal(PollOutcomeKind.NextRound, outcome.Kind);
        Assert.Equal([2, 3], outcome.Candidates);
    }

    [Fact]
    public void Absolute_majority_elects_a_candidate_with_more_than_half_of_the_votes_for_candidates()
    {
        var outcome = PollRules.Election(Votes(1, 6, 4), PollMajority.Absolute);

        Assert.Equal(PollOutcomeKind.Elected, outcome.Kind);
        Assert.Equal([2], outcome.Candidates);
    }

    [Fact]
    public void Absolute_majority_without_more_than_half_goes_to_a_round_between_the_two_with_most_votes()
    {
        var outcome = PollRules.Election(Votes(4, 3, 2, 1), PollMajority.Absolute);

        Assert.Equal(PollOutcomeKind.NextRound, outcome.Kind);
        Assert.Equal([1, 2], outcome.Candidates);
    }

    [Fact]
    public void Exactly_half_is_not_an_absolute_majority()
    {
        var outcome = PollRules.Election(Votes(5, 3, 2), PollMajority.Absolute);

        Assert.Equal(PollOutcomeKind.NextRound, outcome.Kind);
        Assert.Equal([1, 2], outcome.Candidates);
    }

    [Fact]
    public void Everyone_tied_for_second_place_goes_on_to_the_next_round()
    {
        var outcome = PollRules.Election(Votes(4, 3, 3, 1), PollMajority.Absolute);

        Assert.Equal([1, 2, 3], outcome.Candidates);
    }

    [Fact]
    public void A_tie_between_two_candidates_is_a_new_round_between_them()
    {
        var outcome = PollRules.Election(Votes(3, 3), PollMajority.Absolute);

        Assert.Equal(PollOutcomeKind.NextRound, outcome.Kind);
        Assert.Equal([1, 2], outcome.Candidates);
    }

    [Theory]
    [InlineData(PollMajority.Simple)]
    [InlineData(PollMajority.Absolute)]
    public void A_round_without_votes_for_any_candidate_elects_nobody_and_keeps_every_candidate(PollMajority majority)
    {
        var outcome = PollRules.Election(Votes(0, 0, 0), majority);

        Assert.Equal(PollOutcomeKind.NextRound, outcome.Kind);
        Assert.Equal([1, 2, 3], outcome.Candidates);
    }

    [Fact]
    public void The_elected_leads_everyone_and_a_next_round_keeps_exactly_those_ahead_of_the_ones_left_out()
    {
        // Property over many random rounds: whoever is elected has more votes than anyone else (more than half of the
        // candidates' votes under absolute majority); a next round leaves out only candidates with fewer votes than all it keeps.
        var random = new Random(1302);
        for (var run = 0; run < 2000; run++)
        {
            var candidates = random.Next(2, 7);
            var votes = Votes([.. Enumerable.Range(0, candidates).Select(_ => random.Next(0, 6))]);
            foreach (var majority in Enum.GetValues<PollMajority>())
            {
                var outcome = PollRules.Election(votes, majority);
                var kept = outcome.Candidates.Select(c => votes[c]).ToList();
                var left = votes.Where(v => !outcome.Candidates.Contains(v.Key)).Select(v => v.Value).ToList();
                if (outcome.Kind == PollOutcomeKind.Elected)
                {
                    Assert.All(left, v => Assert.True(v < kept.Single()));
                    Assert.True(majority == PollMajority.Simple || kept.Single() * 2 > votes.Values.Sum());
                }
                else
                {
                    Assert.True(kept.Count >= 2, $"{string.Join(",", votes.Values)} {majority}");
                    Assert.All(left, v => Assert.True(v < kept.Min()));
                }
            }
        }
    }

    [Theory]
    [InlineData(PollKind.Motion, 0, PollBallot.For, true)]
    [InlineData(PollKind.Motion, 0, PollBallot.Against, true)]
    [InlineData(PollKind.Motion, 0, PollBallot.Abstain, true)]
    [InlineData(PollKind.Motion, 0, 3, false)]
    [InlineData(PollKind.Motion, 0, -1, false)]
    [InlineData(PollKind.Election, 3, 3, true)]
    [InlineData(PollKind.Election, 3, 0, true)]
    [InlineData(PollKind.Election, 3, 4, false)]
    public void Only_the_polls_own_choices_are_valid(PollKind kind, int candidates, int choice, bool valid)
    {
        Assert.Equal(valid, PollRules.IsValidChoice(kind, candidates, choice));
    }
}
