using Workspace.Data.Entities;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.Councils;

public sealed record CouncilSummary(Guid Id, string Name, string Municipality, MembershipKind MyKind, bool IsChair, IReadOnlyList<MeetingSummary> UpcomingMeetings);

public sealed record MeetingSummary(Guid Id, Guid CouncilId, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, bool IsOnline, MeetingStatus Status, MeetingKind Kind);

public sealed record CouncilPerson(Guid PersonId, string Name, string? Organisation, string? Title, bool IsChair, bool IsViceChair, int? SubstituteOrder, DateOnly? TermStart, DateOnly? TermEnd);

public sealed record CouncilDetails(
    Guid Id,
    string Name,
    string Municipality,
    string? Description,
    CouncilRights Rights,
    IReadOnlyList<CouncilPerson> Members,
    IReadOnlyList<CouncilPerson> Substitutes,
    IReadOnlyList<CouncilPerson> Administration,
    IReadOnlyList<MeetingSummary> Meetings);
