using System.Diagnostics;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

[Collection(BrowserCollection.Name)]
public sealed class ScratchProbeTests(BrowserFixture browser)
{
    [Fact]
    public async Task Probe()
    {
        await using var standIn = await OidcStandIn.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        standIn.NextUser = new StandInUser("11111111-2222-3333-4444-555555555555", "Gitte Holmgaard", "gitte.holmgaard@boegeby.example", ["Member"]);
        var url = "http://127.0.0.1:5123";
        var psi = new ProcessStartInfo("dotnet", ["/tmp/idweb-probe/bin/Debug/net10.0/idweb-probe.dll"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (k, v) in standIn.AzureAdEnvironment()) psi.Environment[k] = v;
        psi.Environment["ASPNETCORE_URLS"] = url;
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        using var p = Process.Start(psi)!;
        var outTask = p.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var errTask = p.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await Task.Delay(3000, TestContext.Current.CancellationToken);
        await using var context = await browser.NewContextAsync(url);
        var page = await context.NewPageAsync();
        var log = new List<string>();
        page.Response += (_, r) => { lock (log) { log.Add($"{r.Status} {r.Request.Method} {r.Url}"); } };
        await page.GotoAsync("/");
        var body = await page.Locator("body").InnerTextAsync();
        p.Kill();
        File.WriteAllText("/tmp/probe.txt", page.Url + "\n" + string.Join("\n", log) + "\nBODY\n" + body + "\nOUT\n" + await outTask + await errTask);
    }
}
