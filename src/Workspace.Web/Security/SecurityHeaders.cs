using System.Security.Cryptography;

namespace Workspace.Web.Security;

/// <summary>
/// Security headers on every response (pages, static files, the API, errors), set before anything else runs so that no
/// branch of the pipeline can miss them. See docs/decisions/009-security-headers-and-origins.md for each directive.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private const string NonceKey = "radsrum.csp-nonce";

    public const string PermissionsPolicy =
        "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

    /// <summary>The nonce of this request's inline scripts (only Blazor's import map); empty outside a request.</summary>
    public static string Nonce(HttpContext? context) => context?.Items[NonceKey] as string ?? "";

    public static string ContentSecurityPolicy(string nonce) => string.Join("; ",
        "default-src 'self'",
        // No inline script: only the app's own files, and the import map Blazor writes inline (it carries the nonce).
        $"script-src 'self' 'nonce-{nonce}'",
        // MudBlazor sets style attributes on its elements, and the theme is one inline <style>; CSS cannot run script.
        "style-src 'self' 'unsafe-inline'",
        // Images pasted as data: URLs by MudBlazor's icons/inputs and previews of chosen files (blob:).
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        // 'self' covers ws:/wss: to the same host in CSP Level 3 (Chromium, Firefox, Safari); the E2E suite checks it.
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'self'");

    public Task InvokeAsync(HttpContext context)
    {
        // Base64url: no '+' or '/' that the HTML encoder would turn into character references.
        var nonce = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // One policy for the whole app: replaces the frame-ancestors-only header Blazor adds to its pages.
            headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
            headers.XContentTypeOptions = "nosniff";
            // Meeting addresses stay inside the app; a link out (a video meeting) sends no referrer.
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = PermissionsPolicy;
            return Task.CompletedTask;
        });
        return next(context);
    }
}
