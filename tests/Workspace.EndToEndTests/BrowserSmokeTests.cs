using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>
/// Proves the browser side of the harness without the app: Chromium follows the stand-in's form_post into a
/// relying party on another loopback port, and keeps the Secure cookies that ASP.NET Core's OpenID Connect handler
/// sets (its nonce and correlation cookies are always Secure; SameSite=None) over plain http on 127.0.0.1.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BrowserSmokeTests(BrowserFixture browser) : IAsyncLifetime
{
    private WebApplication _relyingParty = null!;
    private string _relyingPartyUrl = "";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _relyingParty = builder.Build();
        _relyingParty.MapGet("/set-cookie", (HttpResponse response) =>
        {
            response.Cookies.Append("probe", "1", new CookieOptions { Secure = true, SameSite = SameSiteMode.None, HttpOnly = true });
            return Results.Text("set");
        });
        _relyingParty.MapPost("/signin-oidc", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var cookie = request.Cookies["probe"] ?? "none";
            return Results.Text($"code={form["code"]};state={form["state"]};cookie={cookie}");
        });
        await _relyingParty.StartAsync(Cancel);
        _relyingPartyUrl = _relyingParty.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
    }

    public async ValueTask DisposeAsync()
    {
        await _relyingParty.StopAsync();
        await _relyingParty.DisposeAsync();
    }

    [Fact]
    public async Task Chromium_keeps_secure_cookies_over_http_on_127_0_0_1_and_follows_the_form_post()
    {
        await using var standIn = await OidcStandIn.StartAsync(cancellationToken: Cancel);
        standIn.NextUser = new StandInUser("5d3c9a71-2e4b-4f86-a0d1-93b7c6e2f458", "Jens Berg", "jens.berg@example.dk", []);
        await using var context = await browser.NewContextAsync(_relyingPartyUrl);
        var page = await context.NewPageAsync();
        var errors = ConsoleErrors.Record(page);

        await page.GotoAsync("/set-cookie");
        var cookies = await context.CookiesAsync([_relyingPartyUrl]);
        Assert.Contains(cookies, cookie => cookie is { Name: "probe", Secure: true });

        var authorize = QueryHelpers.AddQueryString($"{standIn.Instance}{OidcStandIn.TenantId}/oauth2/v2.0/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = standIn.ClientId,
            ["redirect_uri"] = $"{_relyingPartyUrl}/signin-oidc",
            ["response_type"] = "code",
            ["response_mode"] = "form_post",
            ["scope"] = "openid profile",
            ["nonce"] = "n",
            ["state"] = "s1",
        });
        // The form page submits itself while it loads, so waiting for its load (or for a later navigation event)
        // races with that submit; poll the URL and the body instead.
        await page.GotoAsync(authorize, new() { WaitUntil = WaitUntilState.Commit });
        await Assertions.Expect(page).ToHaveURLAsync($"{_relyingPartyUrl}/signin-oidc");

        await Assertions.Expect(page.Locator("body")).ToHaveTextAsync(new Regex("^\\s*code=[A-Za-z0-9_-]+;state=s1;cookie=1\\s*$"));
        errors.AssertNone();
    }
}
