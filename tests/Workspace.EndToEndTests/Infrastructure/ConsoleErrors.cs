using Microsoft.Playwright;

namespace Workspace.EndToEndTests.Infrastructure;

/// <summary>
/// Records what a page reports as errors: console.error messages and uncaught exceptions
/// (a Blazor circuit that breaks shows up here).
/// </summary>
public sealed class ConsoleErrors
{
    private readonly List<string> _errors = [];
    private readonly Lock _lock = new();

    private ConsoleErrors()
    {
    }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_lock)
            {
                return [.. _errors];
            }
        }
    }

    /// <summary>Starts recording on <paramref name="page"/>; attach before the first navigation.</summary>
    public static ConsoleErrors Record(IPage page)
    {
        var recorder = new ConsoleErrors();
        page.Console += (_, message) =>
        {
            // The browser asks for /favicon.ico on its own; a 404 there is not the page's error.
            if (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal))
            {
                recorder.Add($"console.error: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => recorder.Add($"uncaught: {error}");
        return recorder;
    }

    /// <summary>Fails the test with the recorded errors, if any (e.g. call at the end of a test).</summary>
    public void AssertNone()
    {
        var errors = Errors;
        Assert.True(errors.Count == 0, "The page reported errors:\n" + string.Join("\n", errors));
    }

    private void Add(string error)
    {
        lock (_lock)
        {
            _errors.Add(error);
        }
    }
}
