using System.Text.Json;
using Microsoft.Playwright;

namespace Workspace.Bench;

/// <summary>
/// Where one tab's time goes when a change arrives: Chromium's own counters (CDP <c>Performance.getMetrics</c>) on a few of
/// the open tabs, and the bytes Blazor sends each of them, per change. Diagnostic for the live_tabs and follow_tabs
/// targets: it tells script from style, layout and the rest, and what a change costs one tab without the others.
/// </summary>
public static class TabCostProbe
{
    private static readonly string[] Metrics = ["TaskDuration", "ScriptDuration", "RecalcStyleDuration", "LayoutDuration", "LayoutCount", "RecalcStyleCount", "Nodes", "JSEventListeners", "JSHeapUsedSize"];

    public static async Task<string> RunAsync(AppUnderTest app, int tabs, LiveChange change, int changes)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BenchBrowser.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { BaseURL = app.BaseUrl });
        var (url, meetingId) = await LiveTabsScenario.MemberMeetingAsync(context);
        await using var maker = await LiveTabsScenario.MakerAsync(app, meetingId, change);
        var open = await LiveTabsScenario.OpenTabsAsync(context, url, tabs);
        var sampled = open.Take(3).ToList();
        var sessions = new List<ICDPSession>();
        long frameBytes = 0;
        var frames = 0;
        foreach (var page in sampled)
        {
            var session = await context.NewCDPSessionAsync(page);
            await session.SendAsync("Performance.enable", new Dictionary<string, object> { ["timeDomain"] = "threadTicks" });
            sessions.Add(session);
        }
        // Frames of the first tab only: what Blazor sends one circuit per change.
        var network = sessions[0];
        await network.SendAsync("Network.enable");
        network.Event("Network.webSocketFrameReceived").OnEvent += (_, e) =>
        {
            if (e is { } frame && frame.TryGetProperty("response", out var r) && r.TryGetProperty("payloadData", out var data))
            {
                Interlocked.Add(ref frameBytes, data.GetString()?.Length ?? 0);
                Interlocked.Increment(ref frames);
            }
        };
        await Task.Delay(2000);
        var idle = await SampleAsync(sessions);
        await Task.Delay(3000);
        var idleDelta = Delta(idle, await SampleAsync(sessions), 1);
        var idleFrames = Interlocked.Exchange(ref frames, 0);
        Interlocked.Exchange(ref frameBytes, 0);

        for (var warm = 0; warm < 2; warm++)
        {
            await maker.MakeAsync($"warm{warm}{Guid.NewGuid():N}"[..16]);
            await Task.Delay(1500);
        }
        Interlocked.Exchange(ref frames, 0);
        Interlocked.Exchange(ref frameBytes, 0);
        if (Environment.GetEnvironmentVariable("BENCH_PROFILE") is { Length: > 0 } profileFile)
        {
            await sessions[0].SendAsync("Profiler.enable");
            await sessions[0].SendAsync("Profiler.setSamplingInterval", new Dictionary<string, object> { ["interval"] = 100 });
            await sessions[0].SendAsync("Profiler.start");
            for (var i = 0; i < changes; i++)
            {
                await maker.MakeAsync($"prof{i}x{Guid.NewGuid():N}"[..16]);
                await Task.Delay(1500);
            }
            var profile = await sessions[0].SendAsync("Profiler.stop");
            await File.WriteAllTextAsync(profileFile + "." + change.ToString().ToLowerInvariant() + ".cpuprofile", profile!.Value.GetProperty("profile").GetRawText());
        }
        if (Environment.GetEnvironmentVariable("BENCH_TRACE") is { Length: > 0 } traceFile)
        {
            // Every renderer's threads over a few changes, for where the time goes outside script, style and layout.
            var tracing = await browser.NewBrowserCDPSessionAsync();
            var events = new List<string>();
            var complete = new TaskCompletionSource();
            tracing.Event("Tracing.dataCollected").OnEvent += (_, e) =>
            {
                if (e is { } data)
                {
                    lock (events)
                    {
                        events.AddRange(data.GetProperty("value").EnumerateArray().Select(v => v.GetRawText()));
                    }
                }
            };
            tracing.Event("Tracing.tracingComplete").OnEvent += (_, _) => complete.TrySetResult();
            await tracing.SendAsync("Tracing.start", new Dictionary<string, object>
            {
                ["categories"] = "devtools.timeline,disabled-by-default-devtools.timeline,toplevel,blink,cc,viz,v8,renderer.scheduler",
                ["transferMode"] = "ReportEvents",
            });
            for (var i = 0; i < 3; i++)
            {
                await maker.MakeAsync($"trace{i}x{Guid.NewGuid():N}"[..16]);
                await Task.Delay(1500);
            }
            await tracing.SendAsync("Tracing.end");
            await complete.Task.WaitAsync(TimeSpan.FromSeconds(60));
            string json;
            lock (events)
            {
                json = "[" + string.Join(",\n", events) + "]";
            }
            await File.WriteAllTextAsync($"{traceFile}.{change.ToString().ToLowerInvariant()}.json", json);
        }
        var before = await SampleAsync(sessions);
        var cpuBefore = BrowserCpu.ByProcessType();
        for (var i = 0; i < changes; i++)
        {
            await maker.MakeAsync($"probe{i}x{Guid.NewGuid():N}"[..16]);
            await Task.Delay(1500);
        }
        var after = await SampleAsync(sessions);
        var cpuAfter = BrowserCpu.ByProcessType();
        var cpuPerChange = string.Join(' ', cpuAfter.Select(kv => $"{kv.Key}={(kv.Value - cpuBefore.GetValueOrDefault(kv.Key)) / changes:F0}ms"));
        var perChange = Delta(before, after, changes);
        // Subtract what the same span costs with nothing changing (3 s sampled idle; 1.5 s per change).
        var line = $"tab_cost tabs={tabs} change={change.ToString().ToLowerInvariant()} per_change: " +
                   string.Join(' ', perChange.Select(kv => $"{kv.Key}={Fmt(kv.Key, kv.Value)}")) +
                   $" ws_bytes={(double)frameBytes / changes:F0} ws_frames={(double)frames / changes:F1}" +
                   $" | idle_per_3s: " + string.Join(' ', idleDelta.Where(kv => kv.Key.EndsWith("Duration", StringComparison.Ordinal)).Select(kv => $"{kv.Key}={Fmt(kv.Key, kv.Value)}")) +
                   $" idle_frames={idleFrames} | browser_cpu_per_change_1.5s: {cpuPerChange}";
        foreach (var page in open)
        {
            await page.CloseAsync();
        }
        return line;
    }

    private static string Fmt(string key, double value) => key.EndsWith("Duration", StringComparison.Ordinal) ? $"{value * 1000:F2}ms" : $"{value:F1}";

    private static async Task<Dictionary<string, double>[]> SampleAsync(List<ICDPSession> sessions)
    {
        var samples = new List<Dictionary<string, double>>();
        foreach (var session in sessions)
        {
            var result = await session.SendAsync("Performance.getMetrics");
            samples.Add(result!.Value.GetProperty("metrics").EnumerateArray()
                .ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("value").GetDouble()));
        }
        return samples.ToArray();
    }

    private static Dictionary<string, double> Delta(Dictionary<string, double>[] before, Dictionary<string, double>[] after, int changes) =>
        Metrics.ToDictionary(m => m, m =>
        {
            var isLevel = m is "Nodes" or "JSEventListeners" or "JSHeapUsedSize";
            return before.Zip(after).Average(p => isLevel ? p.Second[m] : (p.Second[m] - p.First[m]) / changes);
        });
}
