using Microsoft.AspNetCore.Authentication.Cookies;
using Workspace.Web.Security;

namespace Workspace.Web.Extensions;

public static class SecurityExtensions
{
    /// <summary>Allowed origins of the hubs (<c>Security:AllowedOrigins</c>) and cookies that are Secure whenever the request is HTTPS.</summary>
    public static WebApplicationBuilder AddWorkspaceSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<SecurityOptions>(builder.Configuration.GetSection("Security"));
        // SameAsRequest (not Always) so that the development server and the tests on http:// keep working; behind
        // HTTPS (or a proxy whose forwarded headers say https) every cookie is Secure.
        builder.Services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme,
            options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        // A malformed form throws in every environment (not only Development), so that one handler answers all of them.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadRequestPageHandler>();
        return builder;
    }

    /// <summary>Headers on every response, then the origin check in front of the hubs; first in the pipeline.</summary>
    public static WebApplication UseWorkspaceSecurity(this WebApplication app)
    {
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<HubOriginCheck>();
        return app;
    }
}
