using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Workspace.Bench;

public sealed record FollowTabsResult(int Tabs, int Moves, double P50, double P95, double ScreenP50, double ScreenP95, int Missed,
    double DbCommandsPerMove, double ServerCpuMsPerMove, double ArrivedP50, double ArrivedP95, double CallP50, double CallP95);

/// <summary>
/// #13's follow scenario: the secretary starts the next meeting, N member pages of it and one room screen are open in
/// headless Chromium, and the chair's "next item" is made through the run API, one move after another (forward, then back,
/// so the agenda never runs out). Each tab notes when an item other than the one it showed before is marked as current
/// (the card's <c>data-run-now</c> on a meeting page, the screen's current item on the screen); latency is from just
/// before the API call to that note, clocks of the same machine. <c>call_*</c> is how long the chair's call took to answer.
/// </summary>
public static class FollowTabsScenario
{
    private const string Watcher = """
        (() => {
          const shown = () => {
            const el = document.querySelector('[data-testid=agenda-item][data-run-now]') ?? document.querySelector('[data-testid=screen-current-item]');
            return el ? el.getAttribute('data-item-id') : null;
          };
          const check = () => {
            if (window.__followFrom === undefined || window.__followSeen != null) return;
            const now = shown();
            if (now && now !== window.__followFrom) window.__followSeen = performance.timeOrigin + performance.now();
          };
          window.__followShown = shown;
          window.__followWatch = from => { window.__followSeen = null; window.__followFrom = from; check(); };
          new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-run-now', 'data-item-id'] });
        })();
        """;

    public static async Task<FollowTabsResult> RunAsync(AppUnderTest app, int tabs, int moves)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BenchBrowser.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { BaseURL = app.BaseUrl });
        await context.AddInitScriptAsync(Watcher);
        await context.AddInitScriptAsync(Arrival.Script);
        var signIn = await context.NewPageAsync();
        await signIn.GotoAsync("/account/dev-signin");
        await signIn.Locator("button[data-person='Mia Kragh']").ClickAsync();
        await signIn.Locator("#main a[href^='/meetings/']").First.ClickAsync();
        await signIn.Locator("[data-testid=agenda-item]").First.WaitForAsync(new() { Timeout = 30_000 });
        var url = signIn.Url.TrimEnd('/');
        var meetingId = Guid.Parse(url.Split('/')[^1]);
        await signIn.CloseAsync();

        var secretary = await app.SignInAsync("Iben Sørensen");
        using var http = app.Client(secretary);
        (await http.PostAsync($"/api/meetings/{meetingId}/run/start", null)).EnsureSuccessStatusCode();

        var open = new List<IPage>();
        for (var i = 0; i < tabs; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(url);
            await page.Locator("[data-testid=agenda-item][data-run-now]").WaitForAsync(new() { Timeout = 60_000 });
            open.Add(page);
        }
        var screen = await context.NewPageAsync();
        await screen.GotoAsync(url + "/screen");
        await screen.Locator("[data-testid=screen-current-item]").WaitForAsync(new() { Timeout = 60_000 });
        open.Add(screen);
        await Task.Delay(2000);

        var latencies = new List<double>();
        var screenLatencies = new List<double>();
        var arrivals = new List<double>();
        var commands = new List<long>();
        var serverCpu = new List<long>();
        var calls = new List<double>();
        var missed = 0;
        // Two unreported moves first: the first pays for compiling its queries and code paths.
        for (var move = -2; move < moves; move++)
        {
            var from = await CurrentAsync(http, meetingId);
            await Task.WhenAll(open.Select(p => p.EvaluateAsync("id => window.__followWatch(id)", from.ToString())));
            await Arrival.ArmAsync(open);
            var before = await app.MemoryAsync(collect: false);
            var sentAt = LiveTabsScenario.NowMs();
            var step = await http.PostAsJsonAsync($"/api/meetings/{meetingId}/run/step", new { expectedCurrentId = from, direction = move % 2 == 0 ? 1 : -1 });
            step.EnsureSuccessStatusCode();
            var answeredAt = LiveTabsScenario.NowMs();
            var (seen, _) = await LiveTabsScenario.WaitForAllAsync(open, TimeSpan.FromSeconds(10), "() => window.__followSeen ?? null");
            var after = await app.MemoryAsync(collect: false);
            var arrived = await Arrival.ReadAsync(open);
            if (move < 0)
            {
                continue;
            }
            arrivals.AddRange(arrived[..^1].OfType<double>().Select(a => a - sentAt));
            if (Environment.GetEnvironmentVariable("BENCH_DUMP") is { Length: > 0 } dump)
            {
                await File.AppendAllLinesAsync(dump, seen.Select((s, i) => $"{move} {i} {arrived[i] - sentAt:F0} {s - sentAt:F0}"));
            }
            missed += seen.Count(s => s is null);
            latencies.AddRange(seen[..^1].OfType<double>().Select(s => s - sentAt));
            if (seen[^1] is { } onScreen)
            {
                screenLatencies.Add(onScreen - sentAt);
            }
            commands.Add(after.DbCommands - before.DbCommands);
            serverCpu.Add(after.CpuMilliseconds - before.CpuMilliseconds);
            calls.Add(answeredAt - sentAt);
            await Task.Delay(1000);
        }
        (await http.PostAsync($"/api/meetings/{meetingId}/run/end", null)).EnsureSuccessStatusCode();
        foreach (var page in open)
        {
            await page.CloseAsync();
        }
        latencies.Sort();
        screenLatencies.Sort();
        arrivals.Sort();
        calls.Sort();
        return new FollowTabsResult(tabs, moves, Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 95),
            Percentiles.Of(screenLatencies, 50), Percentiles.Of(screenLatencies, 95), missed,
            commands.Count == 0 ? double.NaN : commands.Average(), serverCpu.Count == 0 ? double.NaN : serverCpu.Average(),
            Percentiles.Of(arrivals, 50), Percentiles.Of(arrivals, 95), Percentiles.Of(calls, 50), Percentiles.Of(calls, 95));
    }

    private static async Task<Guid> CurrentAsync(HttpClient http, Guid meetingId)
    {
        var state = await http.GetFromJsonAsync<JsonElement>($"/api/meetings/{meetingId}/run");
        return state.GetProperty("current").GetProperty("itemId").GetGuid();
    }
}
