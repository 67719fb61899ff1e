using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>How the built app behaves when it starts, run as its own process.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task The_app_refuses_to_start_in_production_without_entra_id()
    {
        // AppHost removes any AzureAd__* variables inherited from the machine, so no ClientId is configured.
        var exit = await AppHost.RunUntilExitAsync(environment: "Production", cancellationToken: TestContext.Current.CancellationToken);

        Assert.NotEqual(0, exit.ExitCode);
        Assert.Contains("without Entra ID", exit.Output);
    }
}
