using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Workspace.IntegrationTests.Infrastructure;

namespace Workspace.IntegrationTests.Security;

/// <summary>
/// Cross-site WebSocket hijacking: a page of another origin (even another port of the same host, which gets the Lax
/// cookie) must not open the hubs with a member's cookie. Negotiate, long polling and the WebSocket upgrade are checked.
/// </summary>
public sealed class HubOriginTests(HubOriginTests.Factory factory) : IClassFixture<HubOriginTests.Factory>
{
    public const string RoomDisplay = "https://skaerm.boegeby.example";

    /// <summary>The app with one configured extra origin (a room display on another host).</summary>
    public sealed class Factory : WorkspaceFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Security:AllowedOrigins:0", RoomDisplay);
        }
    }

    public static TheoryData<string, string> ForeignOrigins() => new()
    {
        { "/hubs/meeting", "http://localhost:5081" },
        { "/hubs/meeting", "https://evil.example" },
        { "/hubs/meeting", "null" },
        { "/_blazor", "http://localhost:5081" },
        { "/_blazor", "https://evil.example" },
    };

    [Theory]
    [MemberData(nameof(ForeignOrigins))]
    public async Task Negotiate_from_a_foreign_origin_is_refused(string hub, string origin)
    {
        // Arrange
        using var client = await factory.SignedInClientAsync(DevSignIn.Member);

        // Act
        using var response = await NegotiateAsync(client, hub, origin);

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("connectionToken", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/hubs/meeting")]
    [InlineData("/_blazor")]
    public async Task Negotiate_from_the_apps_own_origin_or_a_configured_one_or_without_origin_is_accepted(string hub)
    {
        // Arrange
        using var client = await factory.SignedInClientAsync(DevSignIn.Member);
        var own = factory.Server.BaseAddress.GetLeftPart(UriPartial.Authority);

        // Act
        using var fromOwn = await NegotiateAsync(client, hub, own);
        using var fromRoomDisplay = await NegotiateAsync(client, hub, RoomDisplay);
        using var withoutOrigin = await NegotiateAsync(client, hub, origin: null);

        // Assert
        Assert.Equal(HttpStatusCode.OK, fromOwn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fromRoomDisplay.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withoutOrigin.StatusCode);
    }

    [Fact]
    public async Task Long_polling_from_a_foreign_origin_is_refused_even_with_a_valid_connection()
    {
        // Arrange: a connection negotiated without Origin (as a non-browser would), then read by a foreign page
        using var client = await factory.SignedInClientAsync(DevSignIn.Member);
        using var negotiate = await NegotiateAsync(client, "/hubs/meeting", origin: null);
        var token = System.Text.Json.JsonDocument.Parse(await negotiate.Content.ReadAsStringAsync(Ct))
            .RootElement.GetProperty("connectionToken").GetString();
        using var poll = new HttpRequestMessage(HttpMethod.Get, $"/hubs/meeting?id={token}");
        poll.Headers.Add("Origin", "http://localhost:5081");

        // Act
        using var response = await client.SendAsync(poll, Ct);

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("/hubs/meeting", "http://localhost:5081", false)]
    [InlineData("/hubs/meeting", RoomDisplay, true)]
    [InlineData("/_blazor", "https://evil.example", false)]
    public async Task WebSocket_upgrade_checks_the_origin(string hub, string origin, bool accepted)
    {
        // Arrange
        var socketClient = factory.Server.CreateWebSocketClient();
        socketClient.ConfigureRequest = request => request.Headers.Origin = origin;

        // Act
        var thrown = await Record.ExceptionAsync(async () =>
        {
            using var socket = await socketClient.ConnectAsync(new Uri(factory.Server.BaseAddress, hub.TrimStart('/')) is var uri
                ? new UriBuilder(uri) { Scheme = "ws" }.Uri : null!, Ct);
        });

        // Assert: refused with 403 by the origin check; an accepted origin gets past it (to SignalR, which then
        // answers the upgrade that has no connection id with its own 400, or 401 without a cookie)
        if (accepted)
        {
            Assert.True(thrown is null || !thrown.Message.Contains("403", StringComparison.Ordinal), thrown?.Message);
        }
        else
        {
            Assert.NotNull(thrown);
            Assert.Contains("403", thrown.Message, StringComparison.Ordinal);
        }
    }

    private static Task<HttpResponseMessage> NegotiateAsync(HttpClient client, string hub, string? origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"{hub}/negotiate?negotiateVersion=1");
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        return client.SendAsync(request, Ct);
    }
}
