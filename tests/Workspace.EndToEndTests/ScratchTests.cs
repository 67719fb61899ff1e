using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

[Collection(BrowserCollection.Name)]
public sealed class ScratchTests(BrowserFixture browser)
{
    [Fact]
    public async Task Dev_start()
    {
        await using var app = await AppHost.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();
        var errors = ConsoleErrors.Record(page);
        await page.GotoAsync("/");
        await page.ScreenshotAsync(new() { Path = "/tmp/dev.png" });
        TestContext.Current.SendDiagnosticMessage("URL " + page.Url);
        File.WriteAllText("/tmp/dev.txt", page.Url + "\n" + string.Join("\n", errors.Errors) + "\n" + app.Output);
    }

    [Fact]
    public async Task Entra_signin()
    {
        await using var standIn = await OidcStandIn.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        standIn.NextUser = new StandInUser("11111111-2222-3333-4444-555555555555", "Gitte Holmgaard", "gitte.holmgaard@boegeby.example", ["Member"]);
        await using var app = await AppHost.StartAsync(standIn.AzureAdEnvironment(), cancellationToken: TestContext.Current.CancellationToken);
        await using var context = await browser.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();
        var errors = ConsoleErrors.Record(page);
        var log = new List<string>();
        page.Response += (_, r) => { lock (log) { log.Add($"{r.Status} {r.Request.Method} {r.Url}"); } };
        await page.GotoAsync("/");
        await page.WaitForLoadStateAsync(Microsoft.Playwright.LoadState.NetworkIdle);
        await page.ScreenshotAsync(new() { Path = "/tmp/entra.png" });
        var cookies = await context.CookiesAsync();
        File.WriteAllText("/tmp/entra.txt", page.Url + "\n" + string.Join("\n", log) + "\nCOOKIES " + string.Join(", ", cookies.Select(c => c.Name)) + "\n" + string.Join("\n", errors.Errors) + "\nSIGNINS " + standIn.SignInCount + "\n" + app.Output);
    }
}
