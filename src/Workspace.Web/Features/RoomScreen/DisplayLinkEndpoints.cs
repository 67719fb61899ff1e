using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.RoomScreen;

/// <summary>
/// <c>/display/{token}</c> signs a device in as one meeting's display and opens its room screen; <c>/m/{code}</c> is the
/// short link the screen's QR code points at (a signed-in reader of the meeting is sent on to it; the code is no credential).
/// </summary>
public static class DisplayLinkEndpoints
{
    public const string InvalidPath = "/display-link-invalid";

    public static IEndpointRouteBuilder MapRoomScreenEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/display/{token}", async (string token, HttpContext context, DisplayLinkService links) =>
        {
            // Never cached, never sent on as a Referer: the token is in the path.
            context.Response.Headers.CacheControl = "no-store";
            var grant = await links.OpenAsync(token, context.RequestAborted);
            if (grant is null)
            {
                await context.SignOutAsync(DisplayPrincipal.Scheme);
                return Results.Redirect(InvalidPath);
            }
            // The browser becomes the display: a person signed in here is signed out, so nothing but the link decides.
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(DisplayPrincipal.Scheme, DisplayPrincipal.Create(grant.LinkId, grant.MeetingId),
                new AuthenticationProperties { IsPersistent = true, ExpiresUtc = grant.ExpiresAt, AllowRefresh = false });
            return Results.Redirect($"/meetings/{grant.MeetingId}/screen");
        }).AllowAnonymous();

        app.MapGet("/m/{code}", async (string code, ClaimsPrincipal principal, RoomScreenService screens, CancellationToken ct) =>
        {
            try
            {
                var meetingId = await screens.MeetingOfCodeAsync(WorkspaceUser.From(principal), code, ct);
                return Results.Redirect($"/meetings/{meetingId}");
            }
            catch (NotFoundException)
            {
                return Results.NotFound();
            }
        }).RequireAuthorization(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute { Policy = WorkspacePolicies.WorkspaceUser });

        return app;
    }
}
