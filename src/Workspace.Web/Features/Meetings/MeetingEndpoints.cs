using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Remarks;

namespace Workspace.Web.Features.Meetings;

/// <summary>
/// The JSON API for integrations and scripts. It calls the same services as the pages, so the same
/// rights checks apply. Bodies must be JSON, which a cross-site form cannot send (CSRF).
/// </summary>
public static class MeetingEndpoints
{
    public static IEndpointRouteBuilder MapWorkspaceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api")
            .RequireAuthorization(new AuthorizeAttribute
            {
                Policy = WorkspacePolicies.WorkspaceUser,
                AuthenticationSchemes = CookieAuthenticationDefaults.AuthenticationScheme,
            })
            .DisableAntiforgery();

        api.MapGet("/councils", (ClaimsPrincipal principal, Councils.CouncilService councils, CancellationToken ct) =>
            councils.MyCouncilsAsync(WorkspaceUser.From(principal), ct));

        api.MapGet("/councils/{councilId:guid}", (Guid councilId, ClaimsPrincipal principal, Councils.CouncilService councils, CancellationToken ct) =>
            councils.GetCouncilAsync(WorkspaceUser.From(principal), councilId, ct));

        api.MapGet("/meetings/{meetingId:guid}", (Guid meetingId, ClaimsPrincipal principal, MeetingService meetings, CancellationToken ct) =>
            meetings.GetMeetingAsync(WorkspaceUser.From(principal), meetingId, ct));

        api.MapPost("/councils/{councilId:guid}/meetings", async (Guid councilId, MeetingInput input, ClaimsPrincipal principal, MeetingService meetings, CancellationToken ct) =>
        {
            var id = await meetings.CreateMeetingAsync(WorkspaceUser.From(principal), councilId, input, ct);
            return Results.Created($"/api/meetings/{id}", new { id });
        });

        api.MapPost("/meetings/{meetingId:guid}/items", async (Guid meetingId, AgendaItemInput input, ClaimsPrincipal principal, MeetingService meetings, CancellationToken ct) =>
        {
            var id = await meetings.AddItemAsync(WorkspaceUser.From(principal), meetingId, input, ct);
            return Results.Created($"/api/items/{id}", new { id });
        });

        api.MapPost("/items/{itemId:guid}/remarks", async (Guid itemId, RemarkInput input, ClaimsPrincipal principal, RemarkService remarks, CancellationToken ct) =>
        {
            var remark = await remarks.AddAsync(WorkspaceUser.From(principal), itemId, input, ct);
            return Results.Created($"/api/remarks/{remark.Id}", remark);
        });

        return app;
    }
}
