using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.Running;

/// <summary>
/// Running a meeting over the JSON API, for a remote control or a script beside the chair's own controls: the same
/// <see cref="MeetingRunService"/> and its rights (the administration and the chair). A step names the item the caller
/// saw as current, so a stale press answers 409 instead of skipping an item.
/// </summary>
public static class MeetingRunEndpoints
{
    public sealed record StepRequest(Guid? ExpectedCurrentId, int Direction);

    public static IEndpointRouteBuilder MapMeetingRunApi(this IEndpointRouteBuilder app)
    {
        var run = app.MapGroup("/api/meetings/{meetingId:guid}/run")
            .RequireAuthorization(new AuthorizeAttribute
            {
                Policy = WorkspacePolicies.WorkspaceUser,
                AuthenticationSchemes = CookieAuthenticationDefaults.AuthenticationScheme,
            })
            .DisableAntiforgery();

        run.MapGet("", (Guid meetingId, ClaimsPrincipal principal, MeetingRunService runs, CancellationToken ct) =>
            runs.StateAsync(WorkspaceUser.From(principal), meetingId, ct));

        run.MapPost("/start", async (Guid meetingId, ClaimsPrincipal principal, MeetingRunService runs, CancellationToken ct) =>
        {
            await runs.StartAsync(WorkspaceUser.From(principal), meetingId, ct);
            return Results.NoContent();
        });

        run.MapPost("/end", async (Guid meetingId, ClaimsPrincipal principal, MeetingRunService runs, CancellationToken ct) =>
        {
            await runs.EndAsync(WorkspaceUser.From(principal), meetingId, ct);
            return Results.NoContent();
        });

        run.MapPost("/step", async (Guid meetingId, StepRequest step, ClaimsPrincipal principal, MeetingRunService runs, CancellationToken ct) =>
        {
            await runs.StepAsync(WorkspaceUser.From(principal), meetingId, step.ExpectedCurrentId, step.Direction, ct);
            return Results.NoContent();
        });

        return app;
    }
}
