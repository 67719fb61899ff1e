using System.Security.Claims;

namespace Workspace.Web.Features.Access;

/// <summary>The signed-in person as the feature services see them: their Person row and their app roles.</summary>
public sealed record WorkspaceUser(Guid? PersonId, string Name, IReadOnlySet<string> Roles)
{
    public static WorkspaceUser Anonymous { get; } = new(null, "", new HashSet<string>());

    public bool IsInRole(string role) => Roles.Contains(role);

    public static WorkspaceUser From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        var personId = Guid.TryParse(principal.FindFirstValue(WorkspaceClaims.PersonId), out var id) ? id : (Guid?)null;
        var roles = principal.Claims
            .Where(c => c.Type is WorkspaceClaims.Roles or ClaimTypes.Role)
            .Select(c => c.Value)
            .Where(r => WorkspaceRoles.All.Contains(r))
            .ToHashSet();
        var name = principal.FindFirstValue(WorkspaceClaims.Name) ?? principal.Identity.Name ?? "";
        return new WorkspaceUser(personId, name, roles);
    }
}
