using Microsoft.EntityFrameworkCore;
using Workspace.Data;

namespace Workspace.Web.Features.Access;

public static class SaveExtensions
{
    /// <summary>Saves with the user in the audit trail; a stale concurrency stamp becomes <see cref="ConcurrencyConflictException"/>.</summary>
    public static async Task SaveAsAsync(this WorkspaceDbContext db, WorkspaceUser user, CancellationToken ct)
    {
        db.ActorId = user.PersonId;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
    }
}
