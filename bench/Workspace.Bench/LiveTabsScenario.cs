using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using Workspace.Web.Collaboration.CoEditing;

namespace Workspace.Bench;

/// <summary>What changes while the tabs watch.</summary>
public enum LiveChange
{
    /// <summary>A member adds a remark to the hearing through /hubs/meeting.</summary>
    Remark,

    /// <summary>The secretary types into the hearing's decision through /hubs/meeting (co-edited text).</summary>
    Text,
}

public sealed record LiveTabsResult(int Tabs, LiveChange Change, int Changes, double P50, double P95, double AllTabsP50, double AllTabsP95,
    double DbCommandsPerChange, double FromKeystrokeP50, double FromKeystrokeP95, int Missed, double ServerCpuMsPerChange,
    double BrowserCpuMsPerChange, double BrowserIdleCpuMs, double ArrivedP50, double ArrivedP95, double CallP50, double CallP95);

/// <summary>
/// N meeting pages (a member's view of the next meeting) open in headless Chromium while one change after another is made
/// through the hub. Every tab watches its own DOM (a MutationObserver) and notes when the change's unique text appears;
/// latency is from the moment the change is known on the server to that note, clocks of the same machine. For a remark
/// that is the hub call; for a text it is the <c>TextChanged</c> notice (the text reaches the item a moment after the
/// keystroke, in the co-editing flush), with the time from the keystroke beside it. Database commands are the app's own
/// count (development-only <c>/dev/memory</c>) from just before the change until every tab shows it.
/// </summary>
public static class LiveTabsScenario
{
    // Looks only at what each mutation adds, not the whole page: a full-page textContent per mutation cost the 100 tabs
    // more CPU than the change itself, on the same cores as the app.
    private const string Watcher = """
        (() => {
          const note = () => { window.__liveSeen = performance.timeOrigin + performance.now(); };
          const has = node => node && node.textContent && node.textContent.includes(window.__liveMarker);
          window.__liveWatch = marker => {
            window.__liveSeen = null;
            window.__liveMarker = marker;
            if (document.body && document.body.textContent.includes(marker)) note();
          };
          new MutationObserver(records => {
            if (!window.__liveMarker || window.__liveSeen != null) return;
            for (const record of records) {
              if (record.type === 'characterData' ? has(record.target) : Array.from(record.addedNodes).some(has)) {
                note();
                return;
              }
            }
          }).observe(document, { subtree: true, childList: true, characterData: true });
        })();
        """;

    public static async Task<LiveTabsResult> RunAsync(AppUnderTest app, int tabs, LiveChange change, int changes)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BenchBrowser.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { BaseURL = app.BaseUrl });
        await context.AddInitScriptAsync(Watcher);
        await context.AddInitScriptAsync(Arrival.Script);
        var (url, meetingId) = await MemberMeetingAsync(context);
        // Before the tabs: the secretary's hub connection is then the meeting's first subscriber and hears of a stored text
        // before the pages do, so the notice marks when the change was known, not when the server had told every page.
        await using var maker = await MakerAsync(app, meetingId, change);

        var open = await OpenTabsAsync(context, url, tabs);
        await Task.Delay(2000);
        // What the open tabs cost with nothing changing, over the same 1.5 s as browser_cpu_ms.
        var idleFrom = BrowserCpu.Milliseconds();
        await Task.Delay(1500);
        var browserIdle = BrowserCpu.Milliseconds() - idleFrom;

        var latencies = new List<double>();
        var fromKeystroke = new List<double>();
        var allTabs = new List<double>();
        var arrivals = new List<double>();
        var commands = new List<long>();
        var serverCpu = new List<long>();
        var browserCpu = new List<double>();
        var calls = new List<double>();
        var missed = 0;
        Console.Error.WriteLine($"bench: {tabs} tabs open, measuring {change}");
        // Two unreported rounds first: the first change pays for compiling its queries and code paths.
        for (var round = -2; round < changes; round++)
        {
            var marker = $"live{round + 3}x{Guid.NewGuid():N}"[..20];
            await Task.WhenAll(open.Select(p => p.EvaluateAsync("m => window.__liveWatch(m)", marker)));
            await Arrival.ArmAsync(open);
            var before = await app.MemoryAsync(collect: false);
            var browserBefore = BrowserCpu.Milliseconds();
            var (knownAt, madeAt, callMs) = await maker.MakeAsync(marker);
            var (seen, browserAfter) = await WaitForAllAsync(open, TimeSpan.FromSeconds(10));
            var after = await app.MemoryAsync(collect: false);
            var arrived = await Arrival.ReadAsync(open);
            if (round < 0)
            {
                continue;
            }
            arrivals.AddRange(arrived.OfType<double>().Select(a => a - knownAt));
            missed += seen.Count(s => s is null);
            var shown = seen.OfType<double>().ToList();
            latencies.AddRange(shown.Select(s => s - knownAt));
            fromKeystroke.AddRange(shown.Select(s => s - madeAt));
            if (shown.Count > 0)
            {
                allTabs.Add(shown.Max() - knownAt);
            }
            commands.Add(after.DbCommands - before.DbCommands);
            serverCpu.Add(after.CpuMilliseconds - before.CpuMilliseconds);
            browserCpu.Add(browserAfter - browserBefore);
            calls.Add(callMs);
            await Task.Delay(1000);
        }
        foreach (var page in open)
        {
            await page.CloseAsync();
        }
        latencies.Sort();
        fromKeystroke.Sort();
        allTabs.Sort();
        arrivals.Sort();
        calls.Sort();
        return new LiveTabsResult(tabs, change, changes, Percentiles.Of(latencies, 50), Percentiles.Of(latencies, 95),
            Percentiles.Of(allTabs, 50), Percentiles.Of(allTabs, 95), commands.Count == 0 ? double.NaN : commands.Average(),
            Percentiles.Of(fromKeystroke, 50), Percentiles.Of(fromKeystroke, 95), missed, serverCpu.Count == 0 ? double.NaN : serverCpu.Average(),
            browserCpu.Count == 0 ? double.NaN : browserCpu.Average(), browserIdle, Percentiles.Of(arrivals, 50), Percentiles.Of(arrivals, 95),
            Percentiles.Of(calls, 50), Percentiles.Of(calls, 95));
    }

    /// <summary>
    /// Each tab's time of showing the change (Unix milliseconds), or null for a tab that did not within the timeout; and the
    /// browsers' CPU time just before the first question, so the questions' own cost is not counted.
    /// </summary>
    internal static async Task<(double?[] Seen, double BrowserCpuMs)> WaitForAllAsync(List<IPage> pages, TimeSpan timeout,
        string seenExpression = "() => window.__liveSeen ?? null")
    {
        var seen = new double?[pages.Count];
        var until = DateTime.UtcNow + timeout;
        // Asking 100 tabs costs the browsers' CPU on the same machine: look only after all of them should have it, so the
        // questions do not slow the tabs still rendering (each tab notes its own time; asking later changes no figure).
        await Task.Delay(1500);
        var browserCpu = BrowserCpu.Milliseconds();
        while (true)
        {
            for (var i = 0; i < pages.Count; i++)
            {
                seen[i] ??= await pages[i].EvaluateAsync<double?>(seenExpression);
            }
            if (seen.All(s => s is not null) || DateTime.UtcNow > until)
            {
                return (seen, browserCpu);
            }
            await Task.Delay(250);
        }
    }

    /// <summary>Mia Kragh, a member, signed in in this context; her page of the next meeting.</summary>
    internal static async Task<(string Url, Guid MeetingId)> MemberMeetingAsync(IBrowserContext context)
    {
        var signIn = await context.NewPageAsync();
        await signIn.GotoAsync("/account/dev-signin");
        await signIn.Locator("button[data-person='Mia Kragh']").ClickAsync();
        await signIn.Locator("#main a[href^='/meetings/']").First.ClickAsync();
        await signIn.Locator("[data-testid=agenda-item]").First.WaitForAsync(new() { Timeout = 30_000 });
        var url = signIn.Url;
        await signIn.CloseAsync();
        return (url, Guid.Parse(url.TrimEnd('/').Split('/')[^1]));
    }

    /// <summary>N tabs of the meeting page, each once its agenda shows.</summary>
    internal static async Task<List<IPage>> OpenTabsAsync(IBrowserContext context, string url, int tabs)
    {
        var open = new List<IPage>();
        for (var i = 0; i < tabs; i++)
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync(url);
            await page.Locator("[data-testid=agenda-item]").First.WaitForAsync(new() { Timeout = 60_000 });
            open.Add(page);
        }
        return open;
    }

    internal static async Task<IChangeMaker> MakerAsync(AppUnderTest app, Guid meetingId, LiveChange change) => change == LiveChange.Remark
        ? await RemarkMaker.StartAsync(app, meetingId)
        : await TextMaker.StartAsync(app, meetingId);

    internal static double NowMs() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    private static HubConnection Hub(AppUnderTest app, CookieContainer cookies) =>
        new HubConnectionBuilder()
            .WithUrl(app.BaseUrl + "/hubs/meeting", options =>
            {
                options.Cookies = cookies;
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();

    private static async Task<Guid> HearingIdAsync(AppUnderTest app, CookieContainer cookies, Guid meetingId)
    {
        using var http = app.Client(cookies);
        var meeting = await http.GetFromJsonAsync<JsonElement>($"/api/meetings/{meetingId}");
        return meeting.GetProperty("items").EnumerateArray()
            .First(i => i.GetProperty("title").GetString()!.StartsWith("Høring", StringComparison.Ordinal))
            .GetProperty("id").GetGuid();
    }

    internal interface IChangeMaker : IAsyncDisposable
    {
        /// <summary>
        /// Makes a change showing <paramref name="marker"/>; returns when the server knew it and when it was made (Unix ms),
        /// and how long the maker's hub call took to answer (what the member adding a remark waits for).
        /// </summary>
        Task<(double KnownAt, double MadeAt, double CallMs)> MakeAsync(string marker);
    }

    /// <summary>Gitte Holmgaard, a member, adds remarks through the hub.</summary>
    private sealed class RemarkMaker(HubConnection hub, Guid itemId) : IChangeMaker
    {
        public static async Task<RemarkMaker> StartAsync(AppUnderTest app, Guid meetingId)
        {
            var cookies = await app.SignInAsync("Gitte Holmgaard");
            var itemId = await HearingIdAsync(app, cookies, meetingId);
            var hub = Hub(app, cookies);
            await hub.StartAsync();
            return new RemarkMaker(hub, itemId);
        }

        public async Task<(double KnownAt, double MadeAt, double CallMs)> MakeAsync(string marker)
        {
            var sentAt = NowMs();
            await hub.InvokeAsync<JsonElement>("AddRemark", itemId, $"Bemærkning {marker}");
            return (sentAt, sentAt, NowMs() - sentAt);
        }

        public ValueTask DisposeAsync() => hub.DisposeAsync();
    }

    /// <summary>Iben Sørensen, the secretary, types the decision of the hearing through the hub.</summary>
    private sealed class TextMaker : IChangeMaker
    {
        private readonly HubConnection _hub;
        private readonly Guid _itemId;
        private readonly string _clientId = Guid.NewGuid().ToString("N");
        private readonly object _gate = new();
        private TaskCompletionSource<double>? _notice;
        private long _seq;

        private TextMaker(HubConnection hub, Guid itemId)
        {
            _hub = hub;
            _itemId = itemId;
            hub.On<JsonElement>("MeetingChanged", message =>
            {
                if (message.GetProperty("kind").GetString() == "TextChanged" && message.GetProperty("agendaItemId").GetGuid() == _itemId)
                {
                    lock (_gate)
                    {
                        _notice?.TrySetResult(NowMs());
                    }
                }
            });
        }

        public static async Task<TextMaker> StartAsync(AppUnderTest app, Guid meetingId)
        {
            var cookies = await app.SignInAsync("Iben Sørensen");
            var itemId = await HearingIdAsync(app, cookies, meetingId);
            var hub = Hub(app, cookies);
            var maker = new TextMaker(hub, itemId);
            await hub.StartAsync();
            await hub.InvokeAsync<JsonElement>("JoinMeeting", meetingId);
            return maker;
        }

        public async Task<(double KnownAt, double MadeAt, double CallMs)> MakeAsync(string marker)
        {
            // Opened again every time: the latest revision and length, whatever happened in between.
            var opened = await _hub.InvokeAsync<OpenTextResult>("OpenText", _itemId, "decision");
            var notice = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                _notice = notice;
            }
            var insert = $" {marker}";
            var operation = opened.Text.Length == 0
                ? TextOperation.Create(OpComponent.Insert(insert))
                : TextOperation.Create(OpComponent.Retain(opened.Text.Length), OpComponent.Insert(insert));
            var madeAt = NowMs();
            await _hub.InvokeAsync<JsonElement>("SubmitText", opened.DocumentId, opened.Revision, operation, _clientId, ++_seq);
            var callMs = NowMs() - madeAt;
            var knownAt = await notice.Task.WaitAsync(TimeSpan.FromSeconds(10));
            return (knownAt, madeAt, callMs);
        }

        public ValueTask DisposeAsync() => _hub.DisposeAsync();
    }
}
