using Microsoft.Playwright;

namespace Workspace.Bench;

public sealed record MemoryResult(int Pages, int Circuits, double HeapPerCircuitKb, double WorkingSetPerCircuitKb);

/// <summary>Which page the scenario opens N times.</summary>
public enum MemoryPage
{
    /// <summary>A member's view of the next meeting.</summary>
    Meeting,

    /// <summary>The development-only empty page in an empty layout: what Blazor itself keeps per circuit.</summary>
    Empty,

    /// <summary>The development-only empty page in the app's layout: what the layout adds.</summary>
    EmptyInAppLayout,
}

/// <summary>
/// Opens N meeting pages in headless Chromium (one signed-in context, tabs sharing a few renderer processes),
/// forces a full garbage collection on the server and divides the growth by the number of circuits. Ten pages opened and
/// closed before the baseline take the app's one-time allocations out of the figure.
/// </summary>
public static class MemoryScenario
{
    public static async Task<MemoryResult> RunAsync(AppUnderTest app, int pages, MemoryPage which)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BenchBrowser.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { BaseURL = app.BaseUrl });
        var signIn = await context.NewPageAsync();
        await signIn.GotoAsync("/account/dev-signin");
        await signIn.Locator("button[data-person='Mia Kragh']").ClickAsync();
        await signIn.Locator("#main a[href^='/meetings/']").First.ClickAsync();
        await signIn.Locator("[data-testid=agenda-item]").First.WaitForAsync(new() { Timeout = 30_000 });
        var (url, ready) = which switch
        {
            MemoryPage.Empty => ("/dev/empty-circuit", "[data-testid=empty-circuit]"),
            MemoryPage.EmptyInAppLayout => ("/dev/empty-page-in-layout", "[data-testid=empty-page-in-layout]"),
            _ => (signIn.Url, "[data-testid=agenda-item]"),
        };
        await signIn.CloseAsync();
        // What the app allocates once, whatever the number of tabs (caches filled, code paths' first run), is paid before the
        // baseline. Without this, the figure depended on what ran before: this scenario alone measured 299-310 KB per meeting
        // page, after the live-tabs scenario 187-216 KB; with it, alone, 268-275 KB.
        await CloseAllAsync(await OpenAsync(context, url, ready, WarmUpPages));
        // Circuits of an earlier scenario may still be closing; measuring beside them would count their memory going away.
        await WaitForNoCircuitsAsync(app);
        var baseline = await app.MemoryAsync(collect: true);

        var open = await OpenAsync(context, url, ready, pages);
        await Task.Delay(2000);
        var loaded = await app.MemoryAsync(collect: true);
        var circuits = loaded.Circuits - baseline.Circuits;
        await CloseAllAsync(open);
        return new MemoryResult(pages, circuits,
            (loaded.GcHeapBytes - baseline.GcHeapBytes) / 1024d / Math.Max(1, circuits),
            (loaded.WorkingSetBytes - baseline.WorkingSetBytes) / 1024d / Math.Max(1, circuits));
    }

    private const int WarmUpPages = 10;

    private static async Task<List<IPage>> OpenAsync(IBrowserContext context, string url, string ready, int pages)
    {
        var open = new List<IPage>();
        for (var i = 0; i < pages; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(url);
            await page.Locator(ready).First.WaitForAsync(new() { Timeout = 60_000 });
            open.Add(page);
        }
        return open;
    }

    private static async Task CloseAllAsync(List<IPage> pages)
    {
        foreach (var page in pages)
        {
            await page.CloseAsync();
        }
    }

    /// <summary>Waits until every tab's circuit is gone (a closed tab's circuit is dropped when its connection goes).</summary>
    private static async Task WaitForNoCircuitsAsync(AppUnderTest app)
    {
        var until = DateTime.UtcNow.AddMinutes(5);
        while ((await app.MemoryAsync(collect: false)).Circuits > 0)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("Circuits of closed pages were still open after 5 minutes.");
            }
            await Task.Delay(1000);
        }
        await Task.Delay(1000);
    }
}
