using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Account;
using Workspace.Web.Features.RoomScreen;

namespace Workspace.Web.Extensions;

public static class AuthExtensions
{
    /// <summary>
    /// Entra ID through Microsoft.Identity.Web when <c>AzureAd:ClientId</c> is set; otherwise, in Development only,
    /// a cookie sign-in where one picks a demo person. Anywhere else without Entra ID the app refuses to start.
    /// </summary>
    public static WebApplicationBuilder AddWorkspaceAuth(this WebApplicationBuilder builder)
    {
        var mode = SignInMode.From(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(mode);
        builder.Services.AddSingleton<PersonLinker>();
        builder.Services.AddSingleton<CouncilAccess>();

        if (mode.UsesEntraId)
        {
            builder.Services
                .AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApp(builder.Configuration.GetSection("AzureAd"));
            var azureAd = builder.Configuration.GetSection("AzureAd");
            builder.Services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
            {
                // Authorization code flow with PKCE; the client secret is sent to the token endpoint.
                options.ResponseType = OpenIdConnectResponseType.Code;
                options.UsePkce = true;
                // Keep Entra's claim names (roles, oid, tid) instead of the long WS-Fed URIs.
                options.MapInboundClaims = false;
                // Microsoft.Identity.Web sets its own token handler, which the switch above does not reach.
                if (options.TokenHandler is Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler tokenHandler)
                {
                    tokenHandler.MapInboundClaims = false;
                }
                options.RequireHttpsMetadata = azureAd.GetValue("RequireHttpsMetadata", true);
                // A single-tenant app accepts tokens from its own tenant only.
                options.TokenValidationParameters.ValidIssuer =
                    $"{azureAd["Instance"]?.TrimEnd('/')}/{azureAd["TenantId"]}/v2.0";
                options.TokenValidationParameters.RoleClaimType = WorkspaceClaims.Roles;
                options.TokenValidationParameters.NameClaimType = WorkspaceClaims.Name;
                var previous = options.Events.OnTokenValidated;
                options.Events.OnTokenValidated = async context =>
                {
                    await previous(context);
                    await context.HttpContext.RequestServices.GetRequiredService<PersonLinker>()
                        .AddPersonClaimAsync(context.Principal, context.HttpContext.RequestAborted);
                };
            });
        }
        else
        {
            builder.Services
                .AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                .AddCookie(options => options.LoginPath = "/account/signin");
        }

        builder.Services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, options =>
        {
            options.AccessDeniedPath = "/no-access";
            options.Cookie.Name = "radsrum.auth";
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromHours(10);
            // The JSON API answers with status codes instead of redirecting to a sign-in page.
            var redirectToLogin = options.Events.OnRedirectToLogin;
            var redirectToAccessDenied = options.Events.OnRedirectToAccessDenied;
            options.Events.OnRedirectToLogin = context => IsApi(context.Request)
                ? SetStatus(context.Response, StatusCodes.Status401Unauthorized)
                : redirectToLogin(context);
            options.Events.OnRedirectToAccessDenied = context => IsApi(context.Request)
                ? SetStatus(context.Response, StatusCodes.Status403Forbidden)
                : redirectToAccessDenied(context);
        });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(WorkspacePolicies.WorkspaceUser, policy => policy.RequireRole(WorkspaceRoles.All))
            .AddPolicy(Features.RoomScreen.DisplayPrincipal.ScreenPolicy, policy => policy.RequireAssertion(c => Features.RoomScreen.DisplayPrincipal.MayViewScreen(c.User)))
            // A workspace role; a room display (no role) only on the Blazor circuit's endpoint (Features/RoomScreen).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder()
                .RequireAssertion(c => Features.RoomScreen.DisplayPrincipal.MayPassFallback(c.User, c.Resource)).Build());
        builder.Services.AddCascadingAuthenticationState();
        builder.AddDisplaySignIn();
        return builder;
    }

    /// <summary>Machine clients (JSON API, SignalR hub) get 401/403, never a redirect to the sign-in page.</summary>
    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs");

    private static Task SetStatus(HttpResponse response, int status)
    {
        response.StatusCode = status;
        // A bare 401/403 for the API: the friendly status-code page is for browsers on pages.
        if (response.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }
        return Task.CompletedTask;
    }
}
