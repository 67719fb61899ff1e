using Microsoft.Extensions.Options;

namespace Workspace.Web.Security;

/// <summary>
/// Refuses (403) a browser that opens <c>/hubs/meeting</c> or Blazor's <c>/_blazor</c> from a page of another origin:
/// negotiate, the WebSocket upgrade, long polling and server-sent events all pass here. The cookie is SameSite=Lax, and
/// a page on another port of the same host is the same site, so the cookie alone proves nothing about the page.
/// Browsers always send <c>Origin</c> on WebSocket upgrades and cross-origin requests; a request without it comes from
/// a client that is not a browser (the benchmark, the SignalR .NET client), which no foreign page can drive, so it passes.
/// </summary>
public sealed class HubOriginCheck(RequestDelegate next, IOptionsMonitor<SecurityOptions> options)
{
    public static readonly PathString[] GuardedPaths = ["/hubs/meeting", "/_blazor"];

    public Task InvokeAsync(HttpContext context)
    {
        if (IsGuarded(context.Request.Path)
            && context.Request.Headers.Origin is { Count: > 0 } origin
            && !IsAllowed(context.Request, origin.ToString(), options.CurrentValue.AllowedOrigins))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync("Origin not allowed.");
        }
        return next(context);
    }

    private static bool IsGuarded(PathString path) => GuardedPaths.Any(guarded => path.StartsWithSegments(guarded));

    /// <summary>Same origin means the scheme, host and port the request was made to, as ASP.NET Core sees them (after forwarded headers).</summary>
    public static bool IsAllowed(HttpRequest request, string origin, IEnumerable<string> allowedOrigins)
    {
        if (Normalize(origin) is not { } actual)
        {
            // "null" (a sandboxed frame, a file) or anything unparsable.
            return false;
        }
        var own = Normalize($"{request.Scheme}://{request.Host.Value}");
        return actual == own || allowedOrigins.Select(Normalize).Any(allowed => allowed is not null && allowed == actual);
    }

    private static string? Normalize(string origin) =>
        Uri.TryCreate(origin.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.UserInfo)
            ? $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}".ToLowerInvariant()
            : null;
}
