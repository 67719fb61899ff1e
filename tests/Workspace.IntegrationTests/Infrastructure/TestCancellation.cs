namespace Workspace.IntegrationTests.Infrastructure;

/// <summary>The running test's cancellation token, short enough to pass to every call.</summary>
public static class TestCancellation
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;
}
