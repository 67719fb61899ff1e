using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Workspace.Web.Extensions;
using Workspace.Web.Security;

namespace Workspace.Web.Features.Account;

/// <summary>Sign-in, sign-out and language endpoints (Microsoft.Identity.Web.UI is not used; these are the few we need).</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account").AllowAnonymous();

        account.MapGet("/signin", (string? returnUrl, SignInMode mode) =>
            mode.UsesEntraId
                ? Results.Challenge(new AuthenticationProperties { RedirectUri = LocalUrl.OrHome(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme])
                : Results.Redirect($"/account/dev-signin?returnUrl={Uri.EscapeDataString(LocalUrl.OrHome(returnUrl))}"));

        account.MapPost("/signout", async (HttpContext context, SignInMode mode) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return mode.UsesEntraId
                ? Results.SignOut(new AuthenticationProperties { RedirectUri = "/signed-out" }, [OpenIdConnectDefaults.AuthenticationScheme])
                : Results.Redirect("/signed-out");
        }).RequireAntiforgeryToken();

        account.MapPost("/dev-signin/submit", async (
            [FromForm] Guid personId, [FromForm] string? returnUrl, HttpContext context, SignInMode mode, DevelopmentSignIn devSignIn) =>
        {
            if (!mode.OffersDevelopmentSignIn)
            {
                return Results.NotFound();
            }
            var principal = await devSignIn.CreatePrincipalAsync(personId, context.RequestAborted);
            if (principal is null)
            {
                return Results.Redirect("/account/dev-signin");
            }
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        });

        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext context) =>
        {
            if (LocalizationExtensions.SupportedCultures.Contains(culture))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = context.Request.IsHttps });
            }
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        }).AllowAnonymous();

        return app;
    }
}

/// <summary>Keeps redirects inside the app (no open redirect through returnUrl).</summary>
public static class LocalUrl
{
    /// <summary>
    /// A clean local path, or <c>/</c>. Browsers drop tabs and line breaks from URLs and read <c>\</c> as <c>/</c>, so
    /// <c>/%09/evil.example</c> would become <c>//evil.example</c>; control characters also break the Location header.
    /// </summary>
    public static string OrHome(string? url) => IsCleanLocalPath(url) ? url! : "/";

    public static bool IsCleanLocalPath(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.Contains('\\', StringComparison.Ordinal)
        && !url.Any(char.IsControl);
}
