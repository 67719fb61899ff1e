using Microsoft.Playwright;

namespace Workspace.Bench;

/// <summary>Debian's headless Chromium as the page scenarios use it: many tabs on few renderer processes, none throttled.</summary>
public static class BenchBrowser
{
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--no-first-run", "--renderer-process-limit=6", "--disable-renderer-backgrounding", "--disable-background-timer-throttling"],
    });
}
