using Workspace.Data.Entities;

namespace Workspace.Web.Features.Members;

/// <summary>One person's seat as the administration manages it.</summary>
public sealed record RosterPerson(
    Guid MembershipId,
    Guid PersonId,
    MembershipKind Kind,
    string Name,
    string? Email,
    string? Organisation,
    string? Title,
    DateOnly? TermStart,
    DateOnly? TermEnd,
    bool IsChair,
    bool IsViceChair,
    int? SubstituteOrder,
    bool IsLinked,
    DateTimeOffset? InvitedAt,
    Guid ConcurrencyStamp);

/// <summary>A council's members (chair and vice chair first), substitutes in order and administration staff.</summary>
public sealed record CouncilRoster(
    Guid CouncilId,
    string CouncilName,
    IReadOnlyList<RosterPerson> Members,
    IReadOnlyList<RosterPerson> Substitutes,
    IReadOnlyList<RosterPerson> Administration)
{
    public RosterPerson? Chair => Members.FirstOrDefault(m => m.IsChair);
    public RosterPerson? ViceChair => Members.FirstOrDefault(m => m.IsViceChair);
}

public enum MoveDirection
{
    Up = -1,
    Down = 1,
}
