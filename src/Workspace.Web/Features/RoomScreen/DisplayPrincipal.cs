using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Workspace.Web.Features.RoomScreen;

/// <summary>
/// The sign-in of a device that shows one meeting's room screen through a display link: its own cookie scheme, a
/// principal with the link's id and meeting and nothing else (no person, no app role), so every page, endpoint and hub
/// that asks for a workspace user refuses it. The link itself is checked again on every render and event.
/// </summary>
public static class DisplayPrincipal
{
    public const string Scheme = "Display";
    public const string CookieName = "radsrum.display";
    public const string LinkClaim = "workspace_display_link";
    public const string MeetingClaim = "workspace_display_meeting";

    public static ClaimsPrincipal Create(Guid linkId, Guid meetingId) =>
        new(new ClaimsIdentity(
            [new Claim(LinkClaim, linkId.ToString()), new Claim(MeetingClaim, meetingId.ToString())],
            authenticationType: Scheme));

    /// <summary>The display link a principal signed in with, or null for a person or nobody.</summary>
    public static (Guid LinkId, Guid MeetingId)? Of(ClaimsPrincipal? principal) =>
        principal?.Identity?.IsAuthenticated == true
        && Guid.TryParse(principal.FindFirstValue(LinkClaim), out var linkId)
        && Guid.TryParse(principal.FindFirstValue(MeetingClaim), out var meetingId)
            ? (linkId, meetingId)
            : null;

    public static bool IsDisplay(ClaimsPrincipal? principal) => Of(principal) is not null;

    public static WebApplicationBuilder AddDisplaySignIn(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthentication().AddCookie(Scheme, options =>
        {
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // A display never signs in on its own: an expired or missing cookie is simply no display.
            options.SlidingExpiration = false;
            options.Events.OnRedirectToLogin = context =>
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            };
        });
        return builder;
    }

    /// <summary>
    /// Where no person is signed in, a display cookie makes the request the display's. A person's sign-in always wins;
    /// opening a display link signs the person out of that browser (<see cref="DisplayLinkEndpoints"/>).
    /// </summary>
    public static IApplicationBuilder UseDisplaySignIn(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.User.Identity?.IsAuthenticated != true && context.Request.Cookies.ContainsKey(CookieName))
            {
                var result = await context.AuthenticateAsync(Scheme);
                if (result.Succeeded && IsDisplay(result.Principal))
                {
                    context.User = result.Principal;
                }
            }
            await next(context);
        });

    /// <summary>The room screen's policy: a workspace user (the page checks their rights) or a display (the page checks its link).</summary>
    public const string ScreenPolicy = "RoomScreenViewer";

    /// <summary>
    /// The rule of pages and endpoints that name no policy: a workspace role; a display only on the Blazor circuit's
    /// own endpoint (in the circuit, the room screen checks the link and every other page finds no person and refuses).
    /// </summary>
    public static bool MayPassFallback(ClaimsPrincipal user, object? resource) =>
        HasWorkspaceRole(user) || (IsDisplay(user) && resource is HttpContext http && http.Request.Path.StartsWithSegments("/_blazor"));

    public static bool MayViewScreen(ClaimsPrincipal user) => HasWorkspaceRole(user) || IsDisplay(user);

    private static bool HasWorkspaceRole(ClaimsPrincipal user) => Access.WorkspaceRoles.All.Any(user.IsInRole);
}
