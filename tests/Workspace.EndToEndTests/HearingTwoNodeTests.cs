using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>
/// Two app nodes on one database and one real Redis: a remark written on one node appears, with its "Enig", on a
/// reader's page on the other, and the joint response the chair writes on one node reaches the secretary's draft on the other.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HearingTwoNodeTests(BrowserFixture browser) : IAsyncLifetime
{
    /// <summary>Each test starts its own two app processes; the first page on a fresh node also warms it up.</summary>
    private const float FreshNode = 30_000;

    private const string OpenHearing = "Udkast til hjemløsestrategi 2027–2030";

    private RedisServer? _redis;
    private AppHost? _nodeA;
    private AppHost? _nodeB;

    public async ValueTask InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _nodeA = await AppHost.StartAsync(new Dictionary<string, string?> { ["Redis__ConnectionString"] = _redis.ConnectionString });
        _nodeB = await AppHost.StartAsync(new Dictionary<string, string?>
        {
            ["Redis__ConnectionString"] = _redis.ConnectionString,
            ["Database__SqliteFile"] = _nodeA.DatabaseFile,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            foreach (var (name, node) in new[] { ("A", _nodeA), ("B", _nodeB) })
            {
                var lines = node?.Output.Split('\n') ?? [];
                TestContext.Current.TestOutputHelper?.WriteLine($"--- node {name}, last {Math.Min(lines.Length, 80)} lines ---\n{string.Join('\n', lines.TakeLast(80))}");
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
    public async Task A_remark_and_the_response_written_on_one_node_reach_readers_on_the_other()
    {
        await using var mia = await UserSession.SignInAsync(browser, _nodeA!, DemoPeople.Member, FreshNode);
        await using var iben = await UserSession.SignInAsync(browser, _nodeA!, DemoPeople.Secretary, FreshNode);
        await using var gitte = await UserSession.SignInAsync(browser, _nodeB!, DemoPeople.Chair, FreshNode);
        foreach (var session in new[] { mia, iben, gitte })
        {
            await session.Page.Locator("[data-testid=open-hearing] a").Filter(new() { HasText = OpenHearing }).ClickAsync();
            await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(OpenHearing);
        }

        // Mia writes on node A; Gitte reads it on node B without a reload, and agrees; Mia sees that.
        var text = $"Fra node A: husk natcaféerne {Guid.NewGuid().ToString("N")[..6]}.";
        await mia.Page.Locator("textarea[data-testid=hearing-remark-text], [data-testid=hearing-remark-text] textarea").First.FillAsync(text);
        await mia.Page.Locator("[data-testid=hearing-remark-add]").ClickAsync();
        var onB = gitte.Page.Locator("[data-testid=hearing-remark]").Filter(new() { HasText = text }).First;
        await Assertions.Expect(onB).ToBeVisibleAsync();
        await onB.Locator("[data-testid=hearing-remark-agree]").ClickAsync();
        await Assertions.Expect(mia.Page.Locator("[data-testid=hearing-remark]").Filter(new() { HasText = text }).First
            .Locator("[data-testid=hearing-remark-support]")).ToHaveTextAsync("Enig: Gitte Holmgaard");

        // The chair writes in the response on node B; the secretary's draft on node A follows.
        var gitteText = gitte.Page.Locator("textarea[data-testid=coedit-response]");
        var ibenText = iben.Page.Locator("textarea[data-testid=coedit-response]");
        await Assertions.Expect(gitteText).ToBeEditableAsync();
        await Assertions.Expect(ibenText).ToBeEditableAsync();
        await gitteText.EvaluateAsync("t => { t.focus(); t.setSelectionRange(t.value.length, t.value.length); }");
        await gitteText.PressSequentiallyAsync(" Skrevet på node B.", new() { Delay = 20 });
        await Assertions.Expect(ibenText).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("Skrevet på node B\\.$"));
        await Assertions.Expect(gitteText).ToHaveValueAsync(await ibenText.InputValueAsync());
        foreach (var session in new[] { mia, iben, gitte })
        {
            session.Errors.AssertNone();
        }
    }
}
