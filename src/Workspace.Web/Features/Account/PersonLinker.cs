using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.Account;

/// <summary>
/// Links an Entra ID account to its Person row at sign-in: by object id when known, else by email
/// (invited people are created with their email and get their object id at first sign-in).
/// </summary>
public sealed class PersonLinker(IDbContextFactory<WorkspaceDbContext> dbFactory, ILogger<PersonLinker> logger)
{
    public async Task AddPersonClaimAsync(ClaimsPrincipal? principal, CancellationToken ct)
    {
        if (principal?.Identity is not ClaimsIdentity identity)
        {
            return;
        }
        var objectId = principal.FindFirstValue(WorkspaceClaims.ObjectId) ?? principal.FindFirstValue(WorkspaceClaims.ObjectIdUri);
        var email = principal.FindFirstValue(WorkspaceClaims.PreferredUsername)
            ?? principal.FindFirstValue(WorkspaceClaims.Email)
            ?? principal.FindFirstValue(ClaimTypes.Email);
        var person = await LinkAsync(objectId, email, ct);
        if (person is not null)
        {
            identity.AddClaim(new Claim(WorkspaceClaims.PersonId, person.Id.ToString()));
        }
    }

    public async Task<Person?> LinkAsync(string? objectId, string? email, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!string.IsNullOrWhiteSpace(objectId))
        {
            var known = await db.People.SingleOrDefaultAsync(p => p.EntraObjectId == objectId, ct);
            if (known is not null)
            {
                return known;
            }
        }
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var normalized = PersonEmail.Normalize(email);
        // Stored emails are normalized; trimming and lower-casing the column as well matches rows written before that.
        var invited = await db.People.FirstOrDefaultAsync(p => p.EntraObjectId == null && p.Email != null && p.Email.Trim().ToLower() == normalized, ct);
        if (invited is null)
        {
            logger.LogInformation("No person matches the signed-in account {Email}", normalized);
            return null;
        }
        if (!string.IsNullOrWhiteSpace(objectId))
        {
            invited.EntraObjectId = objectId;
            db.ActorId = invited.Id;
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Linked person {PersonId} to Entra object {ObjectId}", invited.Id, objectId);
        }
        return invited;
    }
}

public static class PersonEmail
{
    /// <summary>Emails are stored trimmed and in lower case so that sign-in can match them.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
