using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Workspace.IntegrationTests.Infrastructure;

namespace Workspace.IntegrationTests.Account;

/// <summary>Which sign-in the app offers, by environment and Entra ID configuration.</summary>
public sealed class SignInConfigurationTests
{
    private const string ClientId = EntraFactory.ClientId;

    [Fact]
    public async Task Production_without_entra_id_refuses_to_start()
    {
        // Arrange
        await using var baseFactory = new WorkspaceFactory();
        await using var production = baseFactory.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));

        // Act
        var thrown = Record.Exception(() => production.CreateClient());

        // Assert
        Assert.NotNull(thrown);
        var startupError = Chain(thrown).OfType<InvalidOperationException>().FirstOrDefault(e => e.Message.Contains("without Entra ID", StringComparison.Ordinal));
        Assert.True(startupError is not null, $"Expected an InvalidOperationException about Entra ID, got: {thrown}");
        Assert.Contains("Production", startupError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_sign_in_page_is_not_found_when_entra_id_is_configured()
    {
        // Arrange
        await using var baseFactory = new WorkspaceFactory();
        await using var entra = EntraFactory.WithEntraId(baseFactory);
        using var client = entra.AnonymousClient();

        // Act
        using var response = await client.GetAsync(DevSignIn.PageUrl, Ct);

        // Assert
        Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{response.StatusCode} {response.Headers.Location}");
        Assert.DoesNotContain("data-person=", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_sign_in_submit_is_not_found_when_entra_id_is_configured()
    {
        // Arrange: a valid antiforgery pair from the app itself, so that only the sign-in mode can refuse
        await using var baseFactory = new WorkspaceFactory();
        var memberId = await DemoIds.PersonIdAsync(baseFactory, DevSignIn.Member);
        await using var entra = EntraFactory.WithEntraId(baseFactory);
        var antiforgery = entra.Services.GetRequiredService<IAntiforgery>();
        var cookieName = entra.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name;
        var tokens = antiforgery.GetTokens(new DefaultHttpContext { RequestServices = entra.Services });
        using var client = entra.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, DevSignIn.SubmitUrl)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["personId"] = memberId.ToString(),
                ["returnUrl"] = "/",
                [tokens.FormFieldName] = tokens.RequestToken!,
            }),
        };
        request.Headers.Add("Cookie", $"{cookieName}={tokens.CookieToken}");

        // Act
        using var response = await client.SendAsync(request, Ct);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith("radsrum.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Sign_in_redirects_to_entra_id_when_it_is_configured()
    {
        // Arrange
        await using var baseFactory = new WorkspaceFactory();
        await using var entra = EntraFactory.WithEntraId(baseFactory);
        using var client = entra.AnonymousClient();

        // Act
        using var response = await client.GetAsync("/account/signin?returnUrl=/meetings", Ct);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location;
        Assert.NotNull(location);
        Assert.Equal("login.microsoftonline.com", location.Host);
        Assert.Contains($"client_id={ClientId}", location.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_diagnostics_are_mapped_in_development_only()
    {
        // Arrange: /dev/memory forces a full garbage collection, so anyone who reached it could stall the server
        await using var development = new WorkspaceFactory();
        await using var production = EntraFactory.WithEntraId(new WorkspaceFactory()).WithWebHostBuilder(builder => builder.UseEnvironment("Production"));
        development.CreateClient().Dispose();
        production.CreateClient().Dispose();

        // Act
        static IEnumerable<string?> Routes(WebApplicationFactory<Program> factory) => factory.Services.GetServices<EndpointDataSource>()
            .SelectMany(source => source.Endpoints).OfType<RouteEndpoint>().Select(endpoint => endpoint.RoutePattern.RawText);

        // Assert
        Assert.Contains("/dev/memory", Routes(development));
        Assert.DoesNotContain("/dev/memory", Routes(production));
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var current))
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
