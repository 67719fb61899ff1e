namespace Workspace.EndToEndTests.Infrastructure;

/// <summary>
/// The app signing in with Entra ID (Microsoft.Identity.Web) against an <see cref="OidcStandIn"/>, with demo data,
/// for one test class. Tests set <see cref="OidcStandIn.NextUser"/> before a browser starts a sign-in.
/// </summary>
public sealed class EntraApp : IAsyncLifetime
{
    private OidcStandIn? _standIn;
    private AppHost? _host;

    public OidcStandIn StandIn => _standIn ?? throw new InvalidOperationException("The stand-in has not been started.");

    public AppHost Host => _host ?? throw new InvalidOperationException("The app has not been started.");

    public async ValueTask InitializeAsync()
    {
        _standIn = await OidcStandIn.StartAsync();
        _host = await AppHost.StartAsync(_standIn.AzureAdEnvironment());
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        if (_standIn is not null)
        {
            await _standIn.DisposeAsync();
        }
    }
}
