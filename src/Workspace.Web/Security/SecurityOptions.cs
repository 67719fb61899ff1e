namespace Workspace.Web.Security;

/// <summary>The <c>Security</c> section of the configuration.</summary>
public sealed class SecurityOptions
{
    /// <summary>
    /// Origins besides the app's own that may open the hubs from a browser, e.g. a room display served from another
    /// host: <c>https://skaerm.example.dk</c> (scheme, host and port; no path).
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];
}
