using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>
/// The real Microsoft.Identity.Web sign-in (authorization code with PKCE) against the OpenID Connect stand-in: the
/// account is linked to its person by email, and the app roles in the token decide what the person may do.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EntraSignInTests(BrowserFixture browser, EntraApp entra) : IClassFixture<EntraApp>
{
    /// <summary>
    /// A sign-in is several round trips (authorize, form post, token redemption, the first metadata download, then
    /// the circuit); on a busy machine it takes longer than a page appearing.
    /// </summary>
    private const float SignInTimeout = 30_000;

    [Fact]
    public async Task Administration_role_signs_in_through_the_provider_and_may_create_meetings()
    {
        entra.StandIn.NextUser = User(DemoPeople.Secretary, "Administration");
        await using var session = await UserSession.AnonymousAsync(browser, entra.Host);
        var signInsBefore = entra.StandIn.SignInCount;

        await StartAtHomeAsync(session);

        await ExpectHomeAsync(session, DemoPeople.Secretary);
        Assert.Equal(signInsBefore + 1, entra.StandIn.SignInCount);
        await session.OpenCouncilAsync(DemoPeople.Council);
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Button, new() { Name = "Nyt møde" })).ToBeVisibleAsync();
        session.Errors.AssertNone();
    }

    [Fact]
    public async Task Member_role_signs_in_as_a_member_without_the_new_meeting_button()
    {
        entra.StandIn.NextUser = User(DemoPeople.Member, "Member");
        await using var session = await UserSession.AnonymousAsync(browser, entra.Host);

        await StartAtHomeAsync(session);

        await ExpectHomeAsync(session, DemoPeople.Member);
        await Assertions.Expect(session.CouncilCard(DemoPeople.Council)).ToContainTextAsync("Medlem");
        await session.OpenCouncilAsync(DemoPeople.Council);
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Møder" })).ToBeVisibleAsync();
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Button, new() { Name = "Nyt møde" })).ToHaveCountAsync(0);
        session.Errors.AssertNone();
    }

    [Fact]
    public async Task A_token_without_app_roles_lands_on_no_access()
    {
        // A known person's email: the link to a person alone must not give access, only an app role does.
        entra.StandIn.NextUser = User(DemoPeople.Chair);
        await using var session = await UserSession.AnonymousAsync(browser, entra.Host);
        var signInsBefore = entra.StandIn.SignInCount;

        await StartAtHomeAsync(session);

        await Assertions.Expect(session.Page).ToHaveURLAsync(new Regex("/no-access(\\?|$)"), new() { Timeout = SignInTimeout });
        Assert.Equal(1, entra.StandIn.SignInCount - signInsBefore);
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Ingen adgang");
        await Assertions.Expect(session.Page.GetByText("Velkommen")).ToHaveCountAsync(0);
    }

    /// <summary>Asks for the home page without waiting for it: the app sends the browser on to the provider first.</summary>
    private static Task StartAtHomeAsync(UserSession session) =>
        session.Page.GotoAsync("/", new() { WaitUntil = WaitUntilState.Commit, Timeout = SignInTimeout });

    private static StandInUser User(string name, params string[] roles) =>
        new(Guid.NewGuid().ToString(), name, DemoPeople.EmailOf(name), roles);

    private async Task ExpectHomeAsync(UserSession session, string person)
    {
        // Wait for wherever the sign-in ends (home or no access), so a refused sign-in fails at once and says why.
        var heading = session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 });
        try
        {
            await Assertions.Expect(heading).ToHaveTextAsync(new Regex("^(Velkommen, .+|Ingen adgang)$"), new() { Timeout = SignInTimeout });
        }
        catch (PlaywrightException ex)
        {
            Assert.Fail($"Sign-in did not end on a page (at {session.Page.Url}): {ex.Message}\nApp output:\n{entra.Host.Output}");
        }
        var text = await heading.InnerTextAsync();
        Assert.True(text == $"Velkommen, {person}",
            $"Sign-in as {person} ended on {session.Page.Url} with the heading '{text}' instead of the home page. App output:\n{entra.Host.Output}");
        Assert.Equal(entra.Host.BaseUrl + "/", session.Page.Url);
    }
}
