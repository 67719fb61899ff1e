using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Workspace.EndToEndTests;

/// <summary>
/// The room screen on the day: the secretary issues a display link, a TV (a fresh browser with no one signed in) opens
/// it and shows the meeting; the chair starts the meeting and moves on (through the run API, as a remote control
/// would) and the TV and a member's screen follow; the QR code decodes to the short link; revoking the link blanks the
/// TV at once. Runs on an app of its own, because starting the meeting changes the shared app's next meeting.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class RoomScreenTests(BrowserFixture browser) : IAsyncLifetime
{
    private AppHost? _host;

    public async ValueTask InitializeAsync() => _host = await AppHost.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_display_link_shows_the_screen_that_follows_the_chair_and_a_revoke_blanks_it_at_once()
    {
        var host = _host!;
        var ct = TestContext.Current.CancellationToken;
        await using var iben = await UserSession.SignInAsync(browser, host, DemoPeople.Secretary);
        var meetingId = await iben.OpenNextMeetingAsync();

        // The secretary issues a display link for the TV; it is shown once.
        await iben.Page.Locator("[data-testid=display-links-open]").ClickAsync();
        await Field(iben.Page, "display-link-label").FillAsync("Tv i mødelokale 2");
        await iben.Page.Locator("[data-testid=display-link-issue]").ClickAsync();
        var url = Field(iben.Page, "display-link-url");
        await Assertions.Expect(url).ToHaveValueAsync(new Regex("/display/[A-Za-z0-9_-]{43}$"));
        var displayUrl = await url.InputValueAsync();
        await Assertions.Expect(iben.Page.Locator("[data-testid=display-link-qr] svg")).ToBeVisibleAsync();
        await AxeScan.AssertNoViolationsAsync(iben.Page);

        // The TV opens the link: no one signs in, and it shows the meeting before it starts.
        await using var tv = await UserSession.AnonymousAsync(browser, host);
        await tv.Page.GotoAsync(displayUrl);
        await Assertions.Expect(tv.Page).ToHaveURLAsync($"{host.BaseUrl}/meetings/{meetingId}/screen");
        await Assertions.Expect(tv.Page.Locator("[data-testid=screen-before-start]")).ToBeVisibleAsync();
        await Assertions.Expect(tv.Page.Locator("[data-testid=screen-agenda]")).ToContainTextAsync("Godkendelse af dagsorden");
        // The display was not given closed items.
        await Assertions.Expect(tv.Page.Locator("[data-testid=screen-agenda]")).Not.ToContainTextAsync(DemoPeople.ClosedItemTitle);
        await AxeScan.AssertNoViolationsAsync(tv.Page);

        // The QR code holds the short link shown beside it, and the short link opens the meeting for a member.
        var shortText = await tv.Page.Locator("[data-testid=screen-short-link-text]").InnerTextAsync();
        var decoded = await DecodeQrAsync(tv.Page.Locator("[data-testid=screen-short-link] [data-testid=qr-code]"));
        Assert.Equal($"{host.BaseUrl}/m/{shortText[(shortText.IndexOf("/m/", StringComparison.Ordinal) + 3)..]}", decoded);
        Assert.Equal(new Uri(host.BaseUrl).Authority, shortText[..shortText.IndexOf('/', StringComparison.Ordinal)]);
        await using var mia = await UserSession.SignInAsync(browser, host, DemoPeople.Member);
        await mia.Page.GotoAsync(decoded);
        await Assertions.Expect(mia.Page).ToHaveURLAsync($"{host.BaseUrl}/meetings/{meetingId}");

        // A member's own screen, dark.
        await mia.Page.GotoAsync($"/meetings/{meetingId}/screen?theme=dark");
        await Assertions.Expect(mia.Page.Locator("[data-testid=screen-before-start]")).ToBeVisibleAsync();
        await Assertions.Expect(mia.Page.Locator(".room-screen--dark")).ToBeVisibleAsync();
        await AxeScan.AssertNoViolationsAsync(mia.Page);

        // The chair starts the meeting and moves to the next item; both screens follow.
        var chairCookies = await HttpSignIn.AsAsync(host.BaseUrl, DemoPeople.Chair, ct);
        using var chair = HttpSignIn.Client(host.BaseUrl, chairCookies);
        (await chair.PostAsync($"/api/meetings/{meetingId}/run/start", null, ct)).EnsureSuccessStatusCode();
        foreach (var page in new[] { tv.Page, mia.Page })
        {
            await Assertions.Expect(page.Locator("[data-testid=screen-item-title]")).ToHaveTextAsync("Godkendelse af dagsorden");
            await Assertions.Expect(page.Locator("[data-testid=screen-timer]")).ToBeVisibleAsync();
        }
        await AxeScan.AssertNoViolationsAsync(tv.Page);
        await AxeScan.AssertNoViolationsAsync(mia.Page);
        var state = await chair.GetFromJsonAsync<JsonElement>($"/api/meetings/{meetingId}/run", ct);
        var current = state.GetProperty("current").GetProperty("itemId").GetGuid();
        var step = await chair.PostAsJsonAsync($"/api/meetings/{meetingId}/run/step", new { expectedCurrentId = current, direction = 1 }, ct);
        Assert.Equal(HttpStatusCode.NoContent, step.StatusCode);
        foreach (var page in new[] { tv.Page, mia.Page })
        {
            await Assertions.Expect(page.Locator("[data-testid=screen-item-title]")).ToHaveTextAsync("Godkendelse af referat fra sidste møde");
            await Assertions.Expect(page.Locator("[data-testid=screen-announcer]")).ToContainTextAsync("Mødet er nu ved punkt 2");
        }
        // A stale press does not skip an item.
        var stale = await chair.PostAsJsonAsync($"/api/meetings/{meetingId}/run/step", new { expectedCurrentId = current, direction = 1 }, ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        // The secretary revokes the link: the TV shows nothing of the meeting within a second.
        var revoke = iben.Page.Locator("[data-testid=display-link-revoke]");
        await Assertions.Expect(revoke).ToHaveAttributeAsync("aria-label", "Tilbagekald visningslinket »Tv i mødelokale 2«");
        var watch = Stopwatch.StartNew();
        await revoke.ClickAsync();
        await Assertions.Expect(tv.Page.Locator("[data-testid=display-link-invalid]")).ToHaveTextAsync("Visningslinket er ikke længere gyldigt", new() { Timeout = 1000 });
        Assert.True(watch.ElapsedMilliseconds < 1500, $"The revoke took {watch.ElapsedMilliseconds} ms to reach the screen.");
        await Assertions.Expect(tv.Page.Locator("[data-testid=screen-current-item]")).ToHaveCountAsync(0);
        // The member's own screen goes on.
        await Assertions.Expect(mia.Page.Locator("[data-testid=screen-item-title]")).ToHaveTextAsync("Godkendelse af referat fra sidste møde");
        // Opened again, the revoked link and the old cookie show nothing either.
        await tv.Page.GotoAsync(displayUrl);
        await Assertions.Expect(tv.Page.Locator("[data-testid=display-link-invalid]")).ToBeVisibleAsync();
        // The refused link took the display's sign-in with it: the screen now asks for a person's sign-in.
        await tv.Page.GotoAsync($"/meetings/{meetingId}/screen");
        await Assertions.Expect(tv.Page).ToHaveURLAsync(new Regex("/account/dev-signin"));

        // Ending the meeting: "Mødet er afsluttet".
        (await chair.PostAsync($"/api/meetings/{meetingId}/run/end", null, ct)).EnsureSuccessStatusCode();
        await Assertions.Expect(mia.Page.Locator("[data-testid=screen-ended]")).ToHaveTextAsync("Mødet er afsluttet");
        iben.Errors.AssertNone();
        mia.Errors.AssertNone();
    }

    /// <summary>A MudTextField's input, wherever MudBlazor puts the test id.</summary>
    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    /// <summary>Draws the SVG's modules (one unit square each) into a bitmap and reads it with ZXing, as a phone would.</summary>
    private static async Task<string> DecodeQrAsync(ILocator svg)
    {
        const int scale = 6;
        var size = int.Parse(await svg.GetAttributeAsync("data-qr-size") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var path = await svg.Locator("path").GetAttributeAsync("d") ?? "";
        var pixels = Enumerable.Repeat((byte)255, size * scale * size * scale).ToArray();
        foreach (Match module in Module().Matches(path))
        {
            var x = int.Parse(module.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var y = int.Parse(module.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
            for (var dy = 0; dy < scale; dy++)
            {
                for (var dx = 0; dx < scale; dx++)
                {
                    pixels[(y * scale + dy) * size * scale + x * scale + dx] = 0;
                }
            }
        }
        var source = new RGBLuminanceSource(pixels, size * scale, size * scale, RGBLuminanceSource.BitmapFormat.Gray8);
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
        Assert.NotNull(result);
        return result.Text;
    }

    [GeneratedRegex(@"M(\d+) (\d+)h1v1h-1z")]
    private static partial Regex Module();
}
