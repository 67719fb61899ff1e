using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Infrastructure;

/// <summary>Waits for something another thread does: hearing a live change, a background flush writing a field.</summary>
public static class Eventually
{
    public static Task TrueAsync(Func<bool> condition, string failure = "The change did not arrive.") =>
        TrueAsync(() => Task.FromResult(condition()), failure);

    /// <summary>Asks <paramref name="condition"/> until it holds; fails the test with <paramref name="failure"/> after ten seconds.</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(20, Ct);
        }
    }
}
