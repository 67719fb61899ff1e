using Microsoft.Playwright;

namespace Workspace.EndToEndTests.Infrastructure;

/// <summary>
/// One Playwright driver and one headless Chromium for a test collection; each test opens its own context
/// (its own cookies and storage) with <see cref="NewContextAsync"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>The system Chromium; Playwright's own browser downloads are not used.</summary>
    public static string ChromiumPath { get; } =
        Environment.GetEnvironmentVariable("E2E_CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been started.");

    public async ValueTask InitializeAsync()
    {
        // The app renders interactively after its circuit starts; give every expectation the same generous time.
        Assertions.SetDefaultExpectTimeout(UserSession.AppearTimeout);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        });
    }

    /// <summary>
    /// A fresh context whose relative URLs resolve against <paramref name="baseUrl"/>. The locale defaults to
    /// Danish, the app's language; pass <paramref name="options"/> to change anything else. Every page of it is
    /// watched for Content-Security-Policy violations (<see cref="CspViolations"/>), which fail the test, and an event the
    /// server refuses is named in the console (<see cref="LostEvents"/>).
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(string baseUrl, BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = baseUrl;
        options.Locale ??= "da-DK";
        options.ViewportSize ??= new ViewportSize { Width = 1280, Height = 900 };
        var context = await Browser.NewContextAsync(options);
        await CspViolations.WatchAsync(context);
        await LostEvents.WatchAsync(context);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}
