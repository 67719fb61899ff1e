using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Workspace.IntegrationTests.Infrastructure;

namespace Workspace.IntegrationTests.Security;

/// <summary>Security headers on every kind of response, and cookies that are Secure over HTTPS.</summary>
public sealed class SecurityHeaderTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    [Theory]
    [InlineData("/account/dev-signin", HttpStatusCode.OK)]
    [InlineData("/app.css", HttpStatusCode.OK)]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/api/meetings/00000000-0000-0000-0000-000000000001", HttpStatusCode.NotFound)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/no-such-file.js", HttpStatusCode.NotFound)]
    public async Task Every_response_carries_the_security_headers(string path, HttpStatusCode expected)
    {
        // Arrange
        using var client = await factory.SignedInClientAsync(DevSignIn.Member);

        // Act
        using var response = await client.GetAsync(path, Ct);

        // Assert
        Assert.Equal(expected, response.StatusCode);
        var csp = Assert.Single(Header(response, "Content-Security-Policy"));
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.Matches("^script-src 'self' 'nonce-[A-Za-z0-9+/=_-]{16,}'$", directives["script-src"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.Equal("base-uri 'self'", directives["base-uri"]);
        Assert.Equal("frame-ancestors 'self'", directives["frame-ancestors"]);
        Assert.Equal(["nosniff"], Header(response, "X-Content-Type-Options"));
        Assert.Equal(["same-origin"], Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Assert.Single(Header(response, "Permissions-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_import_map_is_the_only_inline_script_and_carries_the_nonce_of_the_policy()
    {
        // Arrange
        using var client = await factory.SignedInClientAsync(DevSignIn.Member);

        // Act
        using var response = await client.GetAsync("/", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        // Assert
        var nonce = System.Text.RegularExpressions.Regex.Match(Header(response, "Content-Security-Policy").Single(), "'nonce-([^']+)'").Groups[1].Value;
        var inline = System.Text.RegularExpressions.Regex.Matches(html, "<script\\b(?![^>]*\\bsrc=)[^>]*>").Select(m => System.Net.WebUtility.HtmlDecode(m.Value)).ToList();
        Assert.All(inline, script => Assert.Contains($"nonce=\"{nonce}\"", script, StringComparison.Ordinal));
        Assert.All(inline, script => Assert.Contains("importmap", script, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Each_response_gets_its_own_nonce()
    {
        // Arrange
        using var client = factory.AnonymousClient();

        // Act
        using var first = await client.GetAsync("/account/dev-signin", Ct);
        using var second = await client.GetAsync("/account/dev-signin", Ct);

        // Assert
        Assert.NotEqual(Header(first, "Content-Security-Policy").Single(), Header(second, "Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Cookies_are_secure_over_https()
    {
        // Arrange
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        });

        // Act
        using var page = await client.GetAsync(DevSignIn.PageUrl, Ct);
        var antiforgeryCookies = Header(page, "Set-Cookie");
        using var signIn = await client.SubmitSignInAsync(DevSignIn.Member, "/");
        using var culture = await client.GetAsync("/culture/en?returnUrl=/", Ct);

        // Assert
        Assert.Contains(antiforgeryCookies, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal) && IsSecure(c));
        Assert.Contains(Header(signIn, "Set-Cookie"), c => c.StartsWith("radsrum.auth=", StringComparison.Ordinal) && IsSecure(c));
        Assert.Contains(Header(culture, "Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal) && IsSecure(c));
    }

    [Fact]
    public async Task Cookies_are_not_secure_over_http_so_the_development_server_works()
    {
        // Arrange
        using var client = factory.AnonymousClient();

        // Act
        using var page = await client.GetAsync(DevSignIn.PageUrl, Ct);

        // Assert
        Assert.Contains(Header(page, "Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal) && !IsSecure(c));
    }

    private static bool IsSecure(string setCookie) =>
        setCookie.Split(';', StringSplitOptions.TrimEntries).Any(part => part.Equals("secure", StringComparison.OrdinalIgnoreCase));

    private static IReadOnlyList<string> Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.ToList()
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? contentValues.ToList()
        : [];
}
