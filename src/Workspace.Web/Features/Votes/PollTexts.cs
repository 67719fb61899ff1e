using System.Globalization;
using Microsoft.Extensions.Localization;
using Workspace.Data.Entities;
using Workspace.Web.Resources;

namespace Workspace.Web.Features.Votes;

/// <summary>How choices, counts and outcomes read: on the panel, on the room screen and in the item's decision.</summary>
public static class PollTexts
{
    /// <summary>The choices in the order the buttons show them: For, Imod, Undlader; or the candidates, then blank.</summary>
    public static IReadOnlyList<int> Choices(PollView poll) => poll.Kind == PollKind.Motion
        ? [PollBallot.For, PollBallot.Against, PollBallot.Abstain]
        : [.. Enumerable.Range(1, poll.Candidates.Count), PollBallot.Abstain];

    public static string Choice(PollView poll, int choice, IStringLocalizer<SharedResource> L) => (poll.Kind, choice) switch
    {
        (PollKind.Motion, PollBallot.For) => L["Votes.Choice.For"],
        (PollKind.Motion, PollBallot.Against) => L["Votes.Choice.Against"],
        (PollKind.Motion, _) => L["Votes.Choice.Abstain"],
        (_, PollBallot.Abstain) => L["Votes.Choice.Blank"],
        _ => poll.Candidate(choice),
    };

    /// <summary>"For 7, imod 2, undlader 1" or "Anne Berg 6, Carl Dahl 4, blank 1".</summary>
    public static string Counts(PollView poll, PollResult result, IStringLocalizer<SharedResource> L) => poll.Kind == PollKind.Motion
        ? L["Votes.Counts.Motion", result.Of(PollBallot.For), result.Of(PollBallot.Against), result.Of(PollBallot.Abstain)]
        : string.Join(", ", Choices(poll).Select(c =>
            string.Create(CultureInfo.CurrentCulture, $"{(c == PollBallot.Abstain ? L["Votes.Counts.Blank"].Value : poll.Candidate(c))} {result.Of(c)}")));

    public static string Outcome(PollView poll, PollOutcome outcome, IStringLocalizer<SharedResource> L) => outcome.Kind switch
    {
        PollOutcomeKind.Adopted => L["Votes.Outcome.Adopted"],
        PollOutcomeKind.Rejected => L["Votes.Outcome.Rejected"],
        PollOutcomeKind.Elected => L["Votes.Outcome.Elected", poll.Candidate(outcome.Candidates[0])],
        _ => L["Votes.Outcome.NextRound", Names(poll, outcome.Candidates, L)],
    };

    /// <summary>The structured line a closed poll adds to the item's decision (in the minutes' language, Danish).</summary>
    public static string DecisionLine(PollView poll, IStringLocalizer<SharedResource> L)
    {
        var result = poll.Result ?? throw new InvalidOperationException("Only a closed poll has a result.");
        var counts = Counts(poll, result, L);
        var outcome = Outcome(poll, result.Outcome, L);
        return poll.Kind == PollKind.Motion
            ? L[poll.IsSecret ? "Votes.Line.SecretMotion" : "Votes.Line.Motion", counts, outcome]
            : L[poll.IsSecret ? "Votes.Line.SecretElection" : "Votes.Line.Election", poll.Question, poll.Round, counts, outcome];
    }

    /// <summary>"7 af 11 har stemt".</summary>
    public static string Progress(PollView poll, IStringLocalizer<SharedResource> L) => L["Votes.Progress", poll.Voted, poll.Eligible];

    public static string Rule(PollMajority majority, IStringLocalizer<SharedResource> L) =>
        L[majority == PollMajority.Simple ? "Votes.Rule.Simple" : "Votes.Rule.Absolute"];

    private static string Names(PollView poll, IReadOnlyList<int> positions, IStringLocalizer<SharedResource> L)
    {
        var names = positions.Select(poll.Candidate).ToList();
        return names.Count <= 1 ? string.Concat(names) : L["Votes.NamesAnd", string.Join(", ", names[..^1]), names[^1]];
    }
}
