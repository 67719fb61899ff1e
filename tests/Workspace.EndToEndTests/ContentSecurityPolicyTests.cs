using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>
/// The app's pages run under its Content-Security-Policy without a single violation (every test is also checked by
/// <see cref="NoCspViolationsAttribute"/>; these visit the main pages on purpose), and the watch itself notices one.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser, DevelopmentApp app)
{
    [Fact]
    public async Task Main_pages_run_without_csp_violations_for_the_secretary_and_a_member()
    {
        var host = await app.HostAsync();
        await using var iben = await UserSession.SignInAsync(browser, host, DemoPeople.Secretary);
        await using var mia = await UserSession.SignInAsync(browser, host, DemoPeople.Member);

        // The secretary: council page, standard agenda, annual plan, the meeting page.
        await iben.OpenCouncilAsync(DemoPeople.Council);
        await iben.Page.Locator("[data-testid=agenda-template]").ClickAsync();
        await Assertions.Expect(iben.Page.Locator("[data-testid=template-item]").First).ToBeVisibleAsync();
        await iben.Page.GoBackAsync();
        await iben.Page.Locator("[data-testid=annual-plan]").ClickAsync();
        await iben.Page.WaitForURLAsync("**/plan/*");
        await iben.Page.GotoAsync("/");
        await iben.ExpectHomeAsync(DemoPeople.Secretary);
        var meetingId = await iben.OpenNextMeetingAsync();

        // The member: the meeting page with the remark composer open and typed into, the language switch.
        await mia.OpenMeetingAsync(meetingId);
        var item = mia.AgendaItem("4");
        await item.Locator("[data-testid=remark-open]").ClickAsync();
        await mia.RemarkInput(item).FillAsync("Et udkast, der ikke gemmes");
        await mia.Page.GotoAsync("/culture/en?returnUrl=/");
        await mia.Page.GotoAsync("/culture/da-DK?returnUrl=/");
        await mia.ExpectHomeAsync(DemoPeople.Member);

        // The circuits are up over WebSockets (connect-src 'self' covers ws: of the same host) and nothing was refused.
        await Assertions.Expect(mia.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        Assert.Empty(CspViolations.Take());
        iben.Errors.AssertNone();
        mia.Errors.AssertNone();
    }

    [Fact]
    public async Task An_inline_script_is_refused_and_the_watch_reports_it()
    {
        var host = await app.HostAsync();
        await using var session = await UserSession.AnonymousAsync(browser, host);
        await session.Page.GotoAsync("/account/dev-signin");

        // An injected inline script, as an XSS would try; the policy blocks it and Chromium reports the violation.
        await session.Page.EvaluateAsync("""
            () => { const s = document.createElement('script'); s.textContent = 'window.__ran = true'; document.body.append(s); }
            """);
        await session.Page.WaitForTimeoutAsync(500);

        Assert.Null(await session.Page.EvaluateAsync<bool?>("() => window.__ran ?? null"));
        var violations = CspViolations.Take();
        Assert.Contains(violations, v => v.Contains("script-src", StringComparison.Ordinal));
    }
}
