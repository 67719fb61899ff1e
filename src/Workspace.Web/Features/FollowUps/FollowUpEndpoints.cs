using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Access;
using Workspace.Web.Resources;

namespace Workspace.Web.Features.FollowUps;

public static class FollowUpEndpoints
{
    public static IEndpointRouteBuilder MapFollowUpEndpoints(this IEndpointRouteBuilder app)
    {
        // Signed in (the fallback policy), with the register's own rights: what the page shows is what the file holds.
        app.MapGet("/councils/{councilId:guid}/follow-ups.xlsx", async (Guid councilId, ClaimsPrincipal principal, HttpContext context,
            FollowUpService followUps, IStringLocalizer<SharedResource> L, CopenhagenTime time, CancellationToken ct) =>
        {
            FollowUpRegister register;
            try
            {
                register = await followUps.RegisterAsync(WorkspaceUser.From(principal), councilId, ct);
            }
            catch (NotFoundException)
            {
                return Results.NotFound();
            }
            // Follow-ups on closed items may hold personal data: no shared or lasting caches.
            context.Response.Headers.CacheControl = "private, no-store";
            var fileName = $"{L["FollowUps.Export.FileName"].Value} {register.CouncilName}.xlsx";
            return Results.File(FollowUpExport.Workbook(register, L, time), FollowUpExport.ContentType, fileName);
        });
        return app;
    }
}
