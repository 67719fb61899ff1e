namespace Workspace.Data.Entities;

public enum MembershipKind
{
    Member = 0,
    Substitute = 1,
    Administration = 2,
}

/// <summary>A person's seat in one council: member, substitute (in an order) or administration staff.</summary>
public class Membership : IConcurrencyStamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CouncilId { get; set; }
    public Council? Council { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }

    public MembershipKind Kind { get; set; }

    /// <summary>The organisation the person represents, e.g. "Kirkens Korshær" or "Socialforvaltningen".</summary>
    public string? Organisation { get; set; }

    /// <summary>Job title for administration staff, e.g. "Sekretær" or "Afdelingsleder".</summary>
    public string? Title { get; set; }

    public DateOnly? TermStart { get; set; }
    public DateOnly? TermEnd { get; set; }

    /// <summary>1, 2, 3 ... for substitutes; the order in which they are called in.</summary>
    public int? SubstituteOrder { get; set; }

    public bool IsChair { get; set; }
    public bool IsViceChair { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
