using System.ComponentModel.DataAnnotations;
using Workspace.Data.Entities;

namespace Workspace.Web.Features.Votes;

/// <summary>A new vote or election on the current item, as the chair fills it in.</summary>
public sealed class PollInput
{
    [Required(ErrorMessage = "Votes.QuestionRequired")]
    [StringLength(Poll.MaxQuestionLength, ErrorMessage = "Votes.QuestionTooLong")]
    public string? Question { get; set; }

    public PollKind Kind { get; set; }

    public bool IsSecret { get; set; }

    public PollMajority Majority { get; set; } = PollMajority.Absolute;

    /// <summary>An election's candidates, one per line.</summary>
    public string? Candidates { get; set; }
}

/// <summary>A poll as one viewer may see it. Counts of what was voted only once it is closed; during a vote only how many voted.</summary>
public sealed record PollView(
    Guid Id,
    Guid ItemId,
    PollKind Kind,
    bool IsSecret,
    PollMajority Majority,
    string Question,
    int Round,
    PollStatus Status,
    IReadOnlyList<string> Candidates,
    int Voted,
    int Eligible,
    bool HasVoted,
    bool CanVote,
    bool HasNextRound,
    PollResult? Result)
{
    public bool IsOpen => Status == PollStatus.Open;
    public bool IsClosed => Status == PollStatus.Closed;

    /// <summary>The candidate at a position (1, 2, ...).</summary>
    public string Candidate(int position) => position >= 1 && position <= Candidates.Count ? Candidates[position - 1] : "";
}

/// <summary>A closed poll's result: votes per choice (Abstain = 0 included), the outcome, and, for a named vote, who voted what.</summary>
public sealed record PollResult(IReadOnlyDictionary<int, int> Counts, PollOutcome Outcome, IReadOnlyList<NamedVote> Named)
{
    public int Of(int choice) => Counts.GetValueOrDefault(choice);
}

public sealed record NamedVote(string Name, int Choice);

/// <summary>The meeting's polls on its current item for one viewer, and what the viewer may do.</summary>
public sealed record PollBoard(Guid MeetingId, Guid? CurrentItemId, bool IsRunning, bool CanControl, IReadOnlyList<PollView> Polls)
{
    public static PollBoard Empty(Guid meetingId) => new(meetingId, null, false, false, []);
}

/// <summary>The answer to a vote: what was counted, for the voter's own confirmation only.</summary>
public sealed record VoteReceipt(Guid PollId, int Choice);
