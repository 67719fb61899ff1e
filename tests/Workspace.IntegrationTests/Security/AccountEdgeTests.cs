using System.Net;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Workspace.IntegrationTests.Infrastructure;

namespace Workspace.IntegrationTests.Security;

/// <summary>Sign-out needs the antiforgery token, every returnUrl but a clean local path goes to /, bad requests get a 400 page.</summary>
public sealed class AccountEdgeTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    public static TheoryData<string> EvilReturnUrls() =>
    [
        "/\t/evil.example",
        "//evil.example",
        "/\\evil.example",
        "/a\\..\\..\\evil.example",
        "https://evil.example",
        "/\r\nSet-Cookie: x=1",
        "/meetings\n",
        "/\u0000/evil.example",
        "/\u007f/evil.example",
        "/\u0085/evil.example",
        "evil.example",
    ];

    [Theory]
    [MemberData(nameof(EvilReturnUrls))]
    public async Task Development_sign_in_sends_an_unclean_return_url_home(string returnUrl)
    {
        // Arrange
        using var client = factory.AnonymousClient();

        // Act
        using var response = await client.SubmitSignInAsync(DevSignIn.Member, returnUrl);

        // Assert: home, or (a NUL in a form field, which the form reader refuses) the 400 page; never elsewhere, never 500
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            Assert.Contains('\0', returnUrl);
            Assert.Contains("Ugyldig forespørgsel", await BodyTextAsync(response), StringComparison.Ordinal);
            return;
        }
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(EvilReturnUrls))]
    public async Task Culture_switch_sends_an_unclean_return_url_home(string returnUrl)
    {
        // Arrange
        using var client = factory.AnonymousClient();

        // Act
        using var response = await client.GetAsync($"/culture/en?returnUrl={Uri.EscapeDataString(returnUrl)}", Ct);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(EvilReturnUrls))]
    public async Task Sign_in_page_offers_only_a_clean_return_url(string returnUrl)
    {
        // Arrange
        using var client = factory.AnonymousClient();

        // Act
        using var response = await client.GetAsync($"{DevSignIn.PageUrl}?returnUrl={Uri.EscapeDataString(returnUrl)}", Ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("name=\"returnUrl\" value=\"/\"", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/meetings")]
    [InlineData("/councils/abc?tab=2#x")]
    public async Task A_clean_local_return_url_is_kept(string returnUrl)
    {
        // Arrange
        using var client = factory.AnonymousClient();

        // Act
        using var signIn = await client.SubmitSignInAsync(DevSignIn.Member, returnUrl);
        using var culture = await client.GetAsync($"/culture/da-DK?returnUrl={Uri.EscapeDataString(returnUrl)}", Ct);

        // Assert
        Assert.Equal(returnUrl, signIn.Headers.Location?.OriginalString);
        Assert.Equal(returnUrl, culture.Headers.Location?.OriginalString);
    }

    [Theory]
    [MemberData(nameof(EvilReturnUrls))]
    public async Task Entra_challenge_carries_only_a_clean_return_url(string returnUrl)
    {
        // Arrange
        await using var entra = EntraFactory.WithEntraId(factory);
        using var client = entra.AnonymousClient();

        // Act
        using var response = await client.GetAsync($"/account/signin?returnUrl={Uri.EscapeDataString(returnUrl)}", Ct);

        // Assert: the state sent to Entra ID holds where the browser goes after sign-in
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = System.Web.HttpUtility.ParseQueryString(response.Headers.Location!.Query);
        var options = entra.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        var properties = options.StateDataFormat.Unprotect(query["state"]);
        Assert.NotNull(properties);
        Assert.Equal("/", properties.RedirectUri);
    }

    [Fact]
    public async Task Sign_out_without_the_antiforgery_token_is_refused_with_a_danish_400_page()
    {
        // Arrange: a form on another site posts to /account/signout with the member's cookie
        var ids = await DemoIds.LoadAsync(factory);
        using var client = await factory.SignedInClientAsync(DevSignIn.Member);

        // Act
        using var signOut = await client.PostAsync("/account/signout", new FormUrlEncodedContent(new Dictionary<string, string>()), Ct);
        using var after = await client.GetAsync($"/api/meetings/{ids.NextMeeting}", Ct);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Contains("Ugyldig forespørgsel", await BodyTextAsync(signOut), StringComparison.Ordinal);
        Assert.False(signOut.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("radsrum.auth=", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task Sign_in_without_the_antiforgery_token_gets_a_danish_400_page()
    {
        // Arrange
        using var client = factory.AnonymousClient();
        var form = (await client.GetFormsAsync()).First(f => f.Name == DevSignIn.Member);

        // Act
        using var response = await client.PostAsync(DevSignIn.SubmitUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["personId"] = form.PersonId,
            ["returnUrl"] = "/",
        }), Ct);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        Assert.Contains("Ugyldig forespørgsel", await BodyTextAsync(response), StringComparison.Ordinal);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies)
            && cookies.Any(c => c.StartsWith("radsrum.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Malformed_form_gets_a_danish_400_page()
    {
        // Arrange
        using var client = factory.AnonymousClient();
        var form = (await client.GetFormsAsync()).First(f => f.Name == DevSignIn.Member);

        // Act: personId is not a Guid
        using var response = await client.PostAsync(DevSignIn.SubmitUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["personId"] = "not-a-guid",
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = form.Token,
        }), Ct);

        // Assert
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Ugyldig forespørgsel", await BodyTextAsync(response), StringComparison.Ordinal);
    }

    /// <summary>The page's text as a reader sees it (the renderer writes æ, ø and å as character references).</summary>
    private static async Task<string> BodyTextAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
}
