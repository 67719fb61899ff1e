namespace Workspace.Data.Entities;

/// <summary>A vote on a proposal (For / Imod / Undlader) or an election of a person among candidates.</summary>
public enum PollKind
{
    Motion = 0,
    Election = 1,
}

public enum PollStatus
{
    /// <summary>Created by the chair, not yet open for votes.</summary>
    Prepared = 0,
    Open = 1,
    Closed = 2,
}

/// <summary>How an election is decided (chosen per election).</summary>
public enum PollMajority
{
    /// <summary>Relativt flertal: the candidate with the most votes is elected.</summary>
    Simple = 0,

    /// <summary>Absolut flertal: more than half of the votes given to candidates.</summary>
    Absolute = 1,
}

/// <summary>
/// A vote or one round of an election on an agenda item. Who voted (<see cref="PollVoter"/>) is kept apart from what was
/// voted (<see cref="PollBallot"/>); in a secret poll nothing links the two (docs/decisions/015-secret-ballots.md).
/// </summary>
public class Poll : IConcurrencyStamped
{
    public const int MaxQuestionLength = 300;
    public const int MaxCandidates = 20;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid MeetingId { get; set; }
    public Guid AgendaItemId { get; set; }
    public PollKind Kind { get; set; }
    public bool IsSecret { get; set; }
    public PollMajority Majority { get; set; }
    public required string Question { get; set; }

    /// <summary>The election this round belongs to (the first round's id; a vote on a proposal: its own id).</summary>
    public Guid ElectionId { get; set; }

    /// <summary>1 for a vote and an election's first round.</summary>
    public int Round { get; set; } = 1;

    public PollStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? OpenedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>How many could vote when the poll was closed (present members and stepping-in substitutes).</summary>
    public int? EligibleAtClose { get; set; }

    public List<PollCandidate> Candidates { get; set; } = [];

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>A candidate in one round of an election; <see cref="Position"/> (1, 2, ...) is what a ballot names.</summary>
public class PollCandidate
{
    public const int MaxNameLength = 120;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid PollId { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
}

/// <summary>
/// That a person voted in a poll, once: the key (poll, person) makes a second vote fail in the database, not in a check
/// that two requests could pass at once. No time is kept. In an open (named) vote it also says what they voted.
/// </summary>
public class PollVoter
{
    public Guid PollId { get; set; }
    public Guid PersonId { get; set; }

    /// <summary>The choice of a named vote; always null in a secret poll.</summary>
    public int? OpenChoice { get; set; }
}

/// <summary>
/// One vote's choice, with no person and no time; counted for every poll, named or secret. The key is a random number,
/// so neither the row order nor the key tells the order of the votes (in SQLite it is the rowid itself; in SQL Server the
/// clustered key). Never written to the audit trail (<see cref="INotAudited"/>).
/// Choices: <see cref="Abstain"/> for Undlader or a blank vote; a proposal's For = 1 and Imod = 2; an election's
/// candidate by their position.
/// </summary>
public class PollBallot : INotAudited
{
    public const int Abstain = 0;
    public const int For = 1;
    public const int Against = 2;

    public long Id { get; set; } = NewKey();
    public Guid PollId { get; set; }
    public int Choice { get; set; }

    /// <summary>A random positive key from a cryptographic generator, so that no one can tell the order of the votes from it.</summary>
    public static long NewKey()
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
        return Math.Max(1, BitConverter.ToInt64(bytes) & long.MaxValue);
    }
}
