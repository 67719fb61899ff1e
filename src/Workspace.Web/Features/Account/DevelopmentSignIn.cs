using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.Account;

/// <summary>
/// Development only: signs in as a demo person, with the app roles their memberships imply,
/// shaped like the claims Entra ID would give (roles, name, person link).
/// </summary>
public sealed class DevelopmentSignIn(IDbContextFactory<WorkspaceDbContext> dbFactory)
{
    public async Task<List<DevelopmentPerson>> ListPeopleAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Memberships
            .Select(m => new { m.PersonId, PersonName = m.Person!.Name, CouncilName = m.Council!.Name, m.Kind, m.IsChair, m.IsViceChair, m.SubstituteOrder, m.Organisation, m.Title })
            .ToListAsync(ct);
        return rows
            .GroupBy(r => r.PersonId)
            .Select(g =>
            {
                var first = g.OrderBy(r => r.Kind).First();
                return new DevelopmentPerson(g.Key, first.PersonName, first.CouncilName, first.Kind, first.IsChair, first.IsViceChair, first.SubstituteOrder, first.Organisation ?? first.Title);
            })
            .OrderBy(p => p.CouncilName).ThenBy(p => p.Kind == MembershipKind.Administration ? 0 : p.Kind == MembershipKind.Member ? 1 : 2)
            .ThenByDescending(p => p.IsChair).ThenBy(p => p.SubstituteOrder).ThenBy(p => p.Name)
            .ToList();
    }

    public async Task<ClaimsPrincipal?> CreatePrincipalAsync(Guid personId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await db.People.Include(p => p.Memberships).SingleOrDefaultAsync(p => p.Id == personId, ct);
        if (person is null)
        {
            return null;
        }
        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme, WorkspaceClaims.Name, WorkspaceClaims.Roles);
        identity.AddClaim(new Claim(WorkspaceClaims.Name, person.Name));
        identity.AddClaim(new Claim(WorkspaceClaims.PersonId, person.Id.ToString()));
        if (person.Email is not null)
        {
            identity.AddClaim(new Claim(WorkspaceClaims.PreferredUsername, person.Email));
        }
        foreach (var role in person.Memberships.Select(m => WorkspaceRoles.For(m.Kind)).Distinct())
        {
            identity.AddClaim(new Claim(WorkspaceClaims.Roles, role));
        }
        return new ClaimsPrincipal(identity);
    }
}

public sealed record DevelopmentPerson(
    Guid Id, string Name, string CouncilName, MembershipKind Kind, bool IsChair, bool IsViceChair, int? SubstituteOrder, string? Organisation);
