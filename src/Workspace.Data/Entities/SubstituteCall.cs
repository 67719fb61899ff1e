namespace Workspace.Data.Entities;

public enum SubstituteCallStatus
{
    /// <summary>The next substitute in order is proposed; the administration has not confirmed yet.</summary>
    Proposed = 0,
    Confirmed = 1,
    Declined = 2,
    Withdrawn = 3,
}

/// <summary>A substitute called in to take an absent member's seat at one meeting.</summary>
public class SubstituteCall : IConcurrencyStamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public Guid SubstituteId { get; set; }
    public Person? Substitute { get; set; }
    public Guid ForMemberId { get; set; }
    public Person? ForMember { get; set; }
    public SubstituteCallStatus Status { get; set; }
    public DateTimeOffset ProposedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public Guid? DecidedById { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
