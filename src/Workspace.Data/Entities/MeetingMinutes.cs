namespace Workspace.Data.Entities;

public enum MinutesStatus
{
    /// <summary>Generated from the meeting and edited by the secretary; only the administration sees it.</summary>
    Draft = 0,
    /// <summary>Sent to the council for reading ("Send til gennemlæsning"); members comment per item until the deadline.</summary>
    InCirculation = 1,
    /// <summary>Approved (at the next meeting or by the members); locked, public and corrected only by a new version.</summary>
    Approved = 2,
}

/// <summary>
/// The minutes (referat) of one meeting: its state in the flow draft, circulation, approval. The text itself is not
/// kept here while it is a draft: it is generated from the meeting and its co-edited item texts; approval stores it
/// as <see cref="MinutesVersion"/> 1, and every correction adds a version with a reason.
/// </summary>
public class MeetingMinutes : IConcurrencyStamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    public MinutesStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? CirculatedAt { get; set; }

    /// <summary>Members comment until this moment.</summary>
    public DateTimeOffset? CommentDeadline { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }
    public Guid? ApprovedById { get; set; }

    /// <summary>The next meeting's "Godkendelse af referat" item it was approved under; null when the members approved it.</summary>
    public Guid? ApprovedUnderItemId { get; set; }

    /// <summary>
    /// The council approves these minutes by each member's "Godkend" (chosen by the administration; new minutes take the
    /// council's latest choice). They lock when everyone who must approve has (see <see cref="Approvals"/>); approval under
    /// the next meeting's item stays possible.
    /// </summary>
    public bool ApprovalByMembers { get; set; }

    public List<MinutesVersion> Versions { get; set; } = [];
    public List<MinutesApproval> Approvals { get; set; } = [];
    public List<MinutesComment> Comments { get; set; } = [];

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>One locked version of approved minutes; never changed, so every version stays readable.</summary>
public class MinutesVersion : IKeepsOwnHistory
{
    public const int MaxReasonLength = 1000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid MeetingMinutesId { get; set; }
    public int Number { get; set; }

    /// <summary>Why a correction was made; null for the approved first version.</summary>
    public string? Reason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedById { get; set; }

    /// <summary>The whole minutes as JSON (Workspace.Web's MinutesDocument), closed items included.</summary>
    public required string DocumentJson { get; set; }
}

/// <summary>A member's (or stepping-in substitute's) "Godkend" of circulated minutes the council approves by each member.</summary>
public class MinutesApproval
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid MeetingMinutesId { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public DateTimeOffset ApprovedAt { get; set; }
}

/// <summary>A member's comment on one item of circulated minutes, resolved by the secretary.</summary>
public class MinutesComment : IConcurrencyStamped
{
    public const int MaxLength = 4000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid MeetingMinutesId { get; set; }
    public Guid AgendaItemId { get; set; }
    public Guid AuthorId { get; set; }
    public Person? Author { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }
    public Guid? ResolvedById { get; set; }

    /// <summary>What the secretary did about it ("Rettet i referatet", "Ikke ændret: ...").</summary>
    public string? Resolution { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
