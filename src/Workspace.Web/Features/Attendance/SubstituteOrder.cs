namespace Workspace.Web.Features.Attendance;

/// <summary>A substitute as the call-in rule sees them.</summary>
public sealed record SubstituteCandidate(Guid PersonId, string? Organisation, int? Order);

/// <summary>
/// Who is offered the seat of a member who sent apologies: the first substitute in order from the member's own
/// organisation, else the first in order. Substitutes already stepping in, already asked for this seat, or who
/// sent apologies themselves are skipped.
/// </summary>
public static class SubstituteOrder
{
    public static SubstituteCandidate? Next(
        IEnumerable<SubstituteCandidate> substitutes, string? absentMembersOrganisation, IReadOnlySet<Guid> unavailable)
    {
        var available = substitutes
            .Where(s => !unavailable.Contains(s.PersonId))
            .OrderBy(s => s.Order ?? int.MaxValue)
            .ToList();
        return available.FirstOrDefault(s => SameOrganisation(s.Organisation, absentMembersOrganisation))
            ?? available.FirstOrDefault();
    }

    private static bool SameOrganisation(string? a, string? b) =>
        !string.IsNullOrWhiteSpace(a) && !string.IsNullOrWhiteSpace(b)
        && string.Equals(a.Trim(), b.Trim(), StringComparison.CurrentCultureIgnoreCase);
}
