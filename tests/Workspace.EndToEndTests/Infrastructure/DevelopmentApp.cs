[assembly: AssemblyFixture(typeof(Workspace.EndToEndTests.Infrastructure.DevelopmentApp))]

namespace Workspace.EndToEndTests.Infrastructure;

/// <summary>
/// One app in the Development environment (development sign-in, demo data) shared by every test class that asks
/// for it, started the first time one does. Tests that change data use texts of their own, so they do not see each
/// other's changes as their own.
/// </summary>
public sealed class DevelopmentApp : IAsyncDisposable
{
    private readonly Lazy<Task<AppHost>> _host = new(() => AppHost.StartAsync());

    /// <summary>The running app; starts it on first use.</summary>
    public Task<AppHost> HostAsync() => _host.Value;

    public async ValueTask DisposeAsync()
    {
        if (_host.IsValueCreated)
        {
            await (await _host.Value).DisposeAsync();
        }
    }
}
