using Microsoft.Playwright;

namespace Workspace.Bench;

/// <summary>Debian's headless Chromium as the page scenarios use it: many tabs on few renderer processes, none throttled.</summary>
public static class BenchBrowser
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Executable(),
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--renderer-process-limit=6", "--disable-renderer-backgrounding", "--disable-background-timer-throttling"],
    });

    /// <summary>
    /// Chromium, or with <c>BENCH_BROWSER_NICE=N</c> Chromium at that lower priority: a second figure, for the part of a
    /// latency that is the app's rather than the hundred tabs' taking the app's cores (on a council's server the browsers
    /// are other people's devices). The figures of record are without it.
    /// </summary>
    private static string Executable()
    {
        if (OperatingSystem.IsWindows() || Environment.GetEnvironmentVariable("BENCH_BROWSER_NICE") is not { Length: > 0 } nice
            || !int.TryParse(nice, out var level))
        {
            return "/usr/bin/chromium";
        }
        var wrapper = Path.Combine(Path.GetTempPath(), $"chromium-nice-{level}.sh");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec nice -n {level} /usr/bin/chromium \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        return wrapper;
    }
}
