using System.Net;
using Workspace.IntegrationTests.Infrastructure;

namespace Workspace.IntegrationTests.Account;

public sealed class DevelopmentSignInTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    [Fact]
    public async Task Sign_in_page_lists_the_demo_people_of_both_councils()
    {
        // Arrange
        using var client = factory.AnonymousClient();

        // Act
        var names = (await client.GetFormsAsync()).Select(f => f.Name).ToList();

        // Assert
        Assert.Contains(DevSignIn.Administration, names);
        Assert.Contains(DevSignIn.Member, names);
        Assert.Contains(DevSignIn.Chair, names);
        Assert.Contains(DevSignIn.Substitute, names);
        Assert.Contains(DevSignIn.OtherCouncilChair, names);
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public async Task Signing_in_sets_the_auth_cookie_and_redirects_to_the_return_url()
    {
        // Arrange
        using var client = factory.AnonymousClient();

        // Act
        using var response = await client.SubmitSignInAsync(DevSignIn.Member, returnUrl: "/meetings");

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/meetings", response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("radsrum.auth=", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    public async Task Return_url_outside_the_app_is_replaced_by_home(string returnUrl)
    {
        // Arrange
        using var client = factory.AnonymousClient();

        // Act
        using var response = await client.SubmitSignInAsync(DevSignIn.Member, returnUrl);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Unknown_person_is_sent_back_to_the_sign_in_page()
    {
        // Arrange
        using var client = factory.AnonymousClient();
        var form = (await client.GetFormsAsync()).First();

        // Act
        using var response = await client.PostAsync(DevSignIn.SubmitUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["personId"] = Guid.NewGuid().ToString(),
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = form.Token,
        }), Ct);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(DevSignIn.PageUrl, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Sign_in_endpoint_redirects_to_the_development_sign_in_page()
    {
        // Arrange
        using var client = factory.AnonymousClient();

        // Act
        using var response = await client.GetAsync("/account/signin?returnUrl=/meetings", Ct);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/dev-signin?returnUrl=%2Fmeetings", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Signed_out_client_is_unauthorized_on_the_api()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        using var client = await factory.SignedInClientAsync(DevSignIn.Member);
        var form = (await client.GetFormsAsync()).First();
        using var before = await client.GetAsync($"/api/meetings/{ids.NextMeeting}", Ct);

        // Act
        using var signOut = await client.PostAsync("/account/signout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = form.Token,
        }), Ct);
        using var after = await client.GetAsync($"/api/meetings/{ids.NextMeeting}", Ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }
}
