using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Members;

namespace Workspace.Web.Features.Councils;

/// <summary>Councils as their members and administration see them.</summary>
public sealed class CouncilService(IDbContextFactory<WorkspaceDbContext> dbFactory, CouncilAccess access, TimeProvider clock)
{
    private const int UpcomingPerCouncil = 3;

    public async Task<List<CouncilSummary>> MyCouncilsAsync(WorkspaceUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var councilIds = await access.ReadableCouncilIdsAsync(db, user, ct);
        var councils = await db.Councils
            .Where(c => councilIds.Contains(c.Id))
            .Select(c => new { c.Id, c.Name, c.Municipality, Mine = c.Memberships.Where(m => m.PersonId == user.PersonId).ToList() })
            .ToListAsync(ct);

        var now = clock.GetUtcNow();
        var result = new List<CouncilSummary>();
        foreach (var council in councils.OrderBy(c => c.Name, StringComparer.CurrentCulture))
        {
            var rights = CouncilRights.For(user, council.Mine.Select(m => m.Kind));
            var upcoming = await VisibleMeetings(db, council.Id, rights)
                .Where(m => m.EndsAt >= now)
                .OrderBy(m => m.StartsAt)
                .Take(UpcomingPerCouncil)
                .Select(ToSummary)
                .ToListAsync(ct);
            var main = council.Mine.OrderBy(m => m.Kind == MembershipKind.Administration ? 0 : m.Kind == MembershipKind.Member ? 1 : 2).First();
            result.Add(new CouncilSummary(council.Id, council.Name, council.Municipality, main.Kind, main.IsChair, upcoming));
        }
        return result;
    }

    public async Task<CouncilDetails> GetCouncilAsync(WorkspaceUser user, Guid councilId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rights = await access.RightsInAsync(db, user, councilId, ct);
        if (!rights.CanRead)
        {
            throw new NotFoundException();
        }
        var council = await db.Councils.AsNoTracking().SingleAsync(c => c.Id == councilId, ct);
        // The council as it is today: people whose term has ended or not yet begun are not listed (the administration
        // sees and edits them on the members page), so a post held by someone whose term ended shows as vacant.
        var today = Term.DayOf(clock.GetUtcNow());
        var people = (await db.Memberships.AsNoTracking()
                .Where(m => m.CouncilId == councilId)
                .Select(m => new { m.Kind, Person = new CouncilPerson(m.PersonId, m.Person!.Name, m.Organisation, m.Title, m.IsChair, m.IsViceChair, m.SubstituteOrder, m.TermStart, m.TermEnd) })
                .ToListAsync(ct))
            .Where(p => Term.Covers(p.Person.TermStart, p.Person.TermEnd, today))
            .ToList();
        var meetings = await VisibleMeetings(db, councilId, rights)
            .OrderByDescending(m => m.StartsAt)
            .Select(ToSummary)
            .ToListAsync(ct);

        List<CouncilPerson> Of(MembershipKind kind) => people.Where(p => p.Kind == kind).Select(p => p.Person).ToList();
        var members = Of(MembershipKind.Member)
            .OrderByDescending(p => p.IsChair).ThenByDescending(p => p.IsViceChair).ThenBy(p => p.Name, StringComparer.CurrentCulture).ToList();
        var substitutes = Of(MembershipKind.Substitute).OrderBy(p => p.SubstituteOrder ?? int.MaxValue).ThenBy(p => p.Name, StringComparer.CurrentCulture).ToList();
        var administration = Of(MembershipKind.Administration).OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();

        return new CouncilDetails(council.Id, council.Name, council.Municipality, council.Description, rights, members, substitutes, administration, meetings);
    }

    internal static IQueryable<Meeting> VisibleMeetings(WorkspaceDbContext db, Guid councilId, CouncilRights rights) =>
        db.Meetings.AsNoTracking()
            .Where(m => m.CouncilId == councilId)
            .Where(m => rights.CanManage || m.Status != MeetingStatus.Draft);

    internal static readonly System.Linq.Expressions.Expression<Func<Meeting, MeetingSummary>> ToSummary =
        m => new MeetingSummary(m.Id, m.CouncilId, m.Title, m.StartsAt, m.EndsAt, m.Place, m.OnlineLink != null, m.Status, m.Kind);
}
