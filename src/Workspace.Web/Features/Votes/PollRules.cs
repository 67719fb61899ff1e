using Workspace.Data.Entities;

namespace Workspace.Web.Features.Votes;

public enum PollOutcomeKind
{
    /// <summary>A proposal with more For than Imod votes.</summary>
    Adopted,

    /// <summary>A proposal with as many or more Imod than For votes (a tie does not carry a proposal).</summary>
    Rejected,

    /// <summary>One candidate is elected.</summary>
    Elected,

    /// <summary>Nobody is elected in this round: a new round among <see cref="PollOutcome.Candidates"/>.</summary>
    NextRound,
}

/// <summary>What a closed poll decided; <see cref="Candidates"/> are positions: the elected one, or those of the next round.</summary>
public sealed record PollOutcome(PollOutcomeKind Kind, IReadOnlyList<int> Candidates)
{
    public bool NeedsNextRound => Kind == PollOutcomeKind.NextRound;
}

/// <summary>
/// The counting rules, shown in the UI beside every election:
/// <list type="bullet">
/// <item>A proposal is adopted with more For than Imod votes; Undlader counts for neither; a tie rejects it.</item>
/// <item>Simple majority (relativt flertal): the candidate with the most votes is elected; a tie for the most votes
/// leads to a new round between the tied candidates.</item>
/// <item>Absolute majority (absolut flertal): a candidate needs more than half of the votes given to candidates (blank
/// votes do not count). Otherwise a new round between the two with the most votes, with everyone tied for second place.</item>
/// <item>A round in which nobody voted for a candidate elects nobody: a new round with the same candidates.</item>
/// </list>
/// </summary>
public static class PollRules
{
    public static PollOutcome Motion(int forVotes, int againstVotes) =>
        new(forVotes > againstVotes ? PollOutcomeKind.Adopted : PollOutcomeKind.Rejected, []);

    /// <param name="votes">Votes per candidate position, every candidate of the round included (zero where none).</param>
    public static PollOutcome Election(IReadOnlyDictionary<int, int> votes, PollMajority majority)
    {
        var ranked = votes.OrderByDescending(v => v.Value).ThenBy(v => v.Key).ToList();
        var valid = ranked.Sum(v => v.Value);
        if (valid == 0)
        {
            return new PollOutcome(PollOutcomeKind.NextRound, [.. ranked.Select(v => v.Key).Order()]);
        }
        var top = ranked[0].Value;
        var leaders = ranked.Where(v => v.Value == top).Select(v => v.Key).Order().ToList();
        if (majority == PollMajority.Simple)
        {
            return leaders.Count == 1
                ? new PollOutcome(PollOutcomeKind.Elected, leaders)
                : new PollOutcome(PollOutcomeKind.NextRound, leaders);
        }
        if (top * 2 > valid)
        {
            return new PollOutcome(PollOutcomeKind.Elected, [ranked[0].Key]);
        }
        // The two with most votes; whoever ties with the second goes on too.
        var second = ranked.Count > 1 ? ranked[1].Value : top;
        return new PollOutcome(PollOutcomeKind.NextRound, [.. ranked.Where(v => v.Value >= second).Select(v => v.Key).Order()]);
    }

    /// <summary>Whether <paramref name="choice"/> is a valid ballot for a poll of this kind with this many candidates.</summary>
    public static bool IsValidChoice(PollKind kind, int candidates, int choice) => kind switch
    {
        PollKind.Motion => choice is PollBallot.Abstain or PollBallot.For or PollBallot.Against,
        _ => choice >= PollBallot.Abstain && choice <= candidates,
    };
}
