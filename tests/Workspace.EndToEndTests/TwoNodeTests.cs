using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>
/// Two app nodes on one database and one real Redis: people on different nodes see each other's remarks and
/// presence; with Redis gone each node keeps working for its own users, and when it is back they converge.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TwoNodeTests(BrowserFixture browser) : IAsyncLifetime
{
    /// <summary>Each test starts its own two app processes; the first page on a fresh node also warms it up.</summary>
    private const float FreshNode = 30_000;

    /// <summary>A failed event dispatch or interop call is logged at Debug only; a failure must say which and why.</summary>
    private const string CircuitLogLevel = "Logging__LogLevel__Microsoft.AspNetCore.Components.Server.Circuits";

    private RedisServer? _redis;
    private AppHost? _nodeA;
    private AppHost? _nodeB;
    private readonly List<(string Who, ConsoleErrors Errors)> _browsers = [];

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _nodeA = await AppHost.StartAsync(new Dictionary<string, string?>
        {
            ["Redis__ConnectionString"] = _redis.ConnectionString,
            [CircuitLogLevel] = "Debug",
        });
        _nodeB = await AppHost.StartAsync(new Dictionary<string, string?>
        {
            ["Redis__ConnectionString"] = _redis.ConnectionString,
            ["Database__SqliteFile"] = _nodeA.DatabaseFile,
            [CircuitLogLevel] = "Debug",
        });
    }

    public async ValueTask DisposeAsync()
    {
        // This test has failed under a full CI run only (once, a remark on node B during the outage): keep both nodes'
        // logs with the failure, so the next one says why.
        if (TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            foreach (var (name, node) in new[] { ("A", _nodeA), ("B", _nodeB) })
            {
                var lines = node?.Output.Split('\n') ?? [];
                TestContext.Current.TestOutputHelper?.WriteLine($"--- node {name}, last {Math.Min(lines.Length, 200)} lines ---\n{string.Join('\n', lines.TakeLast(200))}");
            }
            foreach (var (who, errors) in _browsers)
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"--- {who}'s browser console errors ---\n{string.Join('\n', errors.Errors)}");
            }
        }
        if (_nodeB is not null)
        {
            await _nodeB.StopAsync();
        }
        if (_nodeA is not null)
        {
            await _nodeA.DisposeAsync();
        }
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    [Fact]
    public async Task Remarks_and_presence_cross_nodes_each_node_works_without_Redis_and_they_converge_after()
    {
        await using var mia = await UserSession.SignInAsync(browser, _nodeA!, DemoPeople.Member, FreshNode);
        await using var gitte = await UserSession.SignInAsync(browser, _nodeB!, DemoPeople.Chair, FreshNode);
        _browsers.AddRange([("Mia on node A", mia.Errors), ("Gitte on node B", gitte.Errors)]);
        var meetingId = await mia.OpenNextMeetingAsync();
        await gitte.OpenMeetingAsync(meetingId);

        // Presence crosses nodes.
        await Assertions.Expect(mia.Page.Locator($"[data-testid=present-person][data-person='{DemoPeople.Chair}']")).ToHaveCountAsync(1);
        await Assertions.Expect(gitte.Page.Locator($"[data-testid=present-person][data-person='{DemoPeople.Member}']")).ToHaveCountAsync(1);

        // A remark on node A reaches the page on node B.
        var first = await WriteRemarkAsync(mia, "4", "Fra node A");
        await Assertions.Expect(RemarkOn(gitte, "4", first)).ToBeVisibleAsync();

        // Redis goes down: each node keeps serving its own users.
        await _redis!.StopAsync();
        var duringOutageA = await WriteRemarkAsync(mia, "4", "Skrevet på A uden Redis");
        var duringOutageB = await WriteRemarkAsync(gitte, "6", "Skrevet på B uden Redis");

        // Redis is back: the nodes reconnect and the pages catch up with what they missed.
        await _redis.StartAgainAsync();
        await Assertions.Expect(RemarkOn(gitte, "4", duringOutageA)).ToBeVisibleAsync(new() { Timeout = 45_000 });
        await Assertions.Expect(RemarkOn(mia, "6", duringOutageB)).ToBeVisibleAsync(new() { Timeout = 45_000 });

        // And live again after the outage.
        var after = await WriteRemarkAsync(gitte, "4", "Efter nedbruddet");
        await Assertions.Expect(RemarkOn(mia, "4", after)).ToBeVisibleAsync(new() { Timeout = 15_000 });
        mia.Errors.AssertNone();
        gitte.Errors.AssertNone();
    }

    [Fact]
    public async Task A_sign_in_on_one_node_is_valid_on_the_other_because_the_keys_are_shared()
    {
        await using var mia = await UserSession.SignInAsync(browser, _nodeA!, DemoPeople.Member, FreshNode);

        // Cookies are per host, not per port: the same cookie now goes to node B, which must be able to read it.
        await mia.Page.GotoAsync(_nodeB!.BaseUrl + "/");

        await mia.ExpectHomeAsync(DemoPeople.Member);
    }

    private static ILocator RemarkOn(UserSession session, string item, string text) =>
        session.AgendaItem(item).Locator("[data-testid=remark]").Filter(new() { HasText = text });

    private static async Task<string> WriteRemarkAsync(UserSession session, string itemNumber, string text)
    {
        var unique = $"{text} ({Guid.NewGuid():N})";
        var item = session.AgendaItem(itemNumber);
        await item.Locator("[data-testid=remark-open]").ClickAsync();
        await session.RemarkInput(item).FillAsync(unique);
        await item.Locator("[data-testid=remark-submit]").ClickAsync();
        await Assertions.Expect(RemarkOn(session, itemNumber, unique)).ToBeVisibleAsync();
        return unique;
    }
}
