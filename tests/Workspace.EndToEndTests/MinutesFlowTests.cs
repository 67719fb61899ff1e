using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>
/// #15 minutes in the browser: the secretary generates the held meeting's minutes, writes in an item's co-edited minutes
/// text and circulates them; a member comments; the secretary resolves; the chair approves under the next meeting's item;
/// the minutes lock; a correction makes version 2; the print view and the Word file hold the text; axe-core finds nothing
/// on the minutes page and the public pages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class MinutesFlowTests(BrowserFixture browser, DevelopmentApp app)
{
    private const float Timeout = UserSession.AppearTimeout;

    // MudTextField puts the test id on the input or on its wrapper.
    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;

    [Fact]
    public async Task Minutes_are_generated_edited_circulated_commented_approved_locked_corrected_exported_and_published()
    {
        var host = await app.HostAsync();
        await using var secretary = await UserSession.SignInAsync(browser, host, DemoPeople.Secretary);
        var nextId = await secretary.OpenNextMeetingAsync();
        var next = await secretary.GetMeetingJsonAsync(nextId);
        var heldId = next.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("number").GetString() == "2").GetProperty("approvesMinutesOf").GetProperty("id").GetGuid();
        var page = secretary.Page;

        // The secretary generates the draft and writes in item 4's minutes text, in place
        await page.GotoAsync($"/meetings/{heldId}/minutes");
        await page.Locator("[data-testid=minutes-start]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=minutes-status]")).ToContainTextAsync("Udkast", new() { Timeout = Timeout });
        var text = page.Locator("[data-testid=minutes-item-4] textarea[data-testid=coedit-minutes]");
        await Assertions.Expect(text).Not.ToHaveAttributeAsync("readonly", "", new() { Timeout = Timeout });
        await text.ClickAsync();
        await text.PressSequentiallyAsync("Rådet gennemgik standarderne punkt for punkt.");
        await Assertions.Expect(page.Locator("[data-testid=minutes-item-4] [data-testid=coedit-state-minutes]")).ToHaveTextAsync("Gemt", new() { Timeout = Timeout });
        await AxeScan.AssertNoViolationsAsync(page);

        // A member who opens the draft is told it is not ready, and sees nothing of it
        await using (var early = await UserSession.SignInAsync(browser, host, DemoPeople.Member))
        {
            await early.Page.GotoAsync($"/meetings/{heldId}/minutes");
            await Assertions.Expect(early.Page.Locator("[data-testid=minutes-not-ready]")).ToContainTextAsync("Referatet er ikke klar endnu", new() { Timeout = Timeout });
            await Assertions.Expect(early.Page.Locator("[data-testid=minutes-document]")).ToHaveCountAsync(0);
            await Assertions.Expect(early.Page.GetByText("Rådet gennemgik standarderne")).ToHaveCountAsync(0);
        }

        // ... and sends it for reading with a deadline
        await Field(page, "minutes-deadline").FillAsync(DanishDate.Today.AddDays(7).ToString("dd-MM-yyyy"));
        await page.Locator("[data-testid=minutes-circulate]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=minutes-status]")).ToContainTextAsync("Til gennemlæsning", new() { Timeout = Timeout });

        // A member comments on item 3
        await using (var member = await UserSession.SignInAsync(browser, host, DemoPeople.Member))
        {
            await member.Page.GotoAsync($"/meetings/{heldId}/minutes");
            var comment = member.Page.Locator("[data-testid=minutes-comments-3] textarea");
            await comment.FillAsync("Mit navn er stavet forkert under punkt 3.");
            await member.Page.Locator("[data-testid=minutes-comments-3] [data-testid=minutes-comment-send]").ClickAsync();
            await Assertions.Expect(member.Page.Locator("[data-testid=minutes-message]")).ToHaveTextAsync("Din kommentar er gemt.", new() { Timeout = Timeout });
            await AxeScan.AssertNoViolationsAsync(member.Page);
        }

        // The secretary resolves it
        await page.ReloadAsync();
        await page.Locator("[data-testid=minutes-comments-3]").Locator("input[data-testid=minutes-resolution], [data-testid=minutes-resolution] input").First.FillAsync("Rettet.");
        await page.Locator("[data-testid=minutes-comments-3] [data-testid=minutes-resolve]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=minutes-comment-resolution]")).ToHaveTextAsync("Afklaret: Rettet.", new() { Timeout = Timeout });

        // The chair approves at the next meeting's "Godkendelse af referat": the minutes lock
        await using (var chair = await UserSession.SignInAsync(browser, host, DemoPeople.Chair))
        {
            await chair.Page.GotoAsync($"/meetings/{heldId}/minutes");
            await chair.Page.Locator("[data-testid=minutes-approve]").ClickAsync();
            await Assertions.Expect(chair.Page.Locator("[data-testid=minutes-status]")).ToContainTextAsync("Godkendt og låst (version 1)", new() { Timeout = Timeout });
            // The approving item's decision got the line, as a co-edited text the secretary can edit
            // (the item's field follows the co-edited text within a second or two; the page reads the field when it loads)
            var line = chair.Page.Locator("[data-testid=agenda-list] li, li").Filter(new() { HasText = "Godkendelse af referat" }).GetByText("Referatet fra mødet den");
            for (var attempt = 0; attempt < 10; attempt++)
            {
                await chair.Page.GotoAsync($"/meetings/{nextId}");
                await chair.Page.GetByRole(AriaRole.Heading, new() { Name = "2. Godkendelse af referat fra sidste møde" }).WaitForAsync(new() { Timeout = Timeout });
                if (await line.CountAsync() > 0)
                {
                    break;
                }
                await Task.Delay(1000, TestContext.Current.CancellationToken);
            }
            await Assertions.Expect(line.First).ToBeVisibleAsync(new() { Timeout = Timeout });
            await Assertions.Expect(line.First).ToContainTextAsync("blev godkendt.");
        }

        // Locked: no editors; a correction with a reason is version 2, and version 1 stays listed
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-testid=minutes-status]")).ToContainTextAsync("version 1", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("textarea[data-testid=coedit-minutes]")).ToHaveCountAsync(0);
        await Field(page, "minutes-reason").FillAsync("Stavefejl i punkt 3 rettet.");
        await page.Locator("[data-testid=minutes-correct]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=minutes-status]")).ToContainTextAsync("version 2", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("[data-testid=minutes-versions] li")).ToHaveCountAsync(2);

        // The print view: the minutes only, with the secretary's text
        await page.GotoAsync($"/meetings/{heldId}/minutes/print");
        await Assertions.Expect(page.Locator("[data-testid=minutes-version-mark]")).ToHaveTextAsync("Version 2");
        await Assertions.Expect(page.Locator("[data-testid=minutes-item-4]")).ToContainTextAsync("Rådet gennemgik standarderne punkt for punkt.");
        await Assertions.Expect(page.Locator(".mud-appbar")).ToHaveCountAsync(0);

        // The Word file
        var word = await secretary.Context.APIRequest.GetAsync($"/meetings/{heldId}/minutes.docx");
        Assert.True(word.Ok);
        using (var stream = new MemoryStream(await word.BodyAsync()))
        using (var document = WordprocessingDocument.Open(stream, false))
        {
            var body = document.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("Rådet gennemgik standarderne punkt for punkt.", body);
            Assert.Contains("Beslutning:", body);
        }

        // The public pages, without signing in: the council, the approved minutes with the closed item as a placeholder
        await using var anonymous = await UserSession.AnonymousAsync(browser, host);
        await anonymous.Page.GotoAsync("/public");
        await AxeScan.AssertNoViolationsAsync(anonymous.Page);
        await anonymous.Page.GetByRole(AriaRole.Link, new() { Name = DemoPeople.Council }).ClickAsync();
        await Assertions.Expect(anonymous.Page.Locator("[data-testid=public-meetings]")).ToBeVisibleAsync();
        await AxeScan.AssertNoViolationsAsync(anonymous.Page);
        await anonymous.Page.GotoAsync($"/public/meetings/{heldId}/minutes");
        await Assertions.Expect(anonymous.Page.Locator("[data-testid=minutes-item-4]")).ToContainTextAsync("Rådet gennemgik standarderne punkt for punkt.");
        await AxeScan.AssertNoViolationsAsync(anonymous.Page);
        await anonymous.Page.GotoAsync($"/public/meetings/{nextId}/agenda");
        await Assertions.Expect(anonymous.Page.Locator("[data-testid=public-agenda]")).ToContainTextAsync("Lukket punkt");
        await AxeScan.AssertNoViolationsAsync(anonymous.Page);

        // The hearing responses sent, from the council page: the final text, no remarks
        await anonymous.Page.GotoAsync("/public");
        await anonymous.Page.GetByRole(AriaRole.Link, new() { Name = DemoPeople.Council }).ClickAsync();
        await Assertions.Expect(anonymous.Page.Locator("[data-testid=public-hearings]")).ToContainTextAsync("Kvalitetsstandarder for 2027");
        await Assertions.Expect(anonymous.Page.Locator("[data-testid=public-hearings]")).Not.ToContainTextAsync("hjemløsestrategi");
        await anonymous.Page.Locator("[data-testid=public-hearings] a").First.ClickAsync();
        await Assertions.Expect(anonymous.Page.Locator("[data-testid=public-hearing-response]")).ToContainTextAsync("aftenbostøtte nævnes", new() { Timeout = Timeout });
        await Assertions.Expect(anonymous.Page.Locator("[data-testid=public-hearing]")).Not.ToContainTextAsync("Aftenbostøtte mangler");
        await AxeScan.AssertNoViolationsAsync(anonymous.Page);
    }

    [Fact]
    public async Task The_last_member_present_approves_with_Godkend_and_the_minutes_lock_and_are_published()
    {
        // Handicaprådet approves by each member's "Godkend": last year's minutes wait for the chair alone
        var host = await app.HostAsync();
        await using var chair = await UserSession.SignInAsync(browser, host, DemoPeople.OtherCouncilChair);
        var page = chair.Page;
        await page.GotoAsync("/public");
        await page.GetByRole(AriaRole.Link, new() { Name = "Handicaprådet" }).ClickAsync();
        var agenda = await page.Locator("[data-testid=public-meetings] li").Last.Locator("a").First.GetAttributeAsync("href");
        var meetingId = Guid.Parse(agenda!.Split('/')[3]);

        await page.GotoAsync($"/meetings/{meetingId}/minutes");
        await Assertions.Expect(page.Locator("[data-testid=minutes-member-approval-progress]")).ToHaveTextAsync("2 af 3 har godkendt.", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("[data-testid=minutes-approver-missing]")).ToHaveCountAsync(1);
        await AxeScan.AssertNoViolationsAsync(page);
        await page.Locator("[data-testid=minutes-member-approve]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=minutes-status]")).ToHaveTextAsync("Godkendt af medlemmerne og låst (version 1).", new() { Timeout = Timeout });
        await Assertions.Expect(page.Locator("[data-testid=minutes-member-approval-progress]")).ToHaveTextAsync("3 af 3 har godkendt.");

        await using var anonymous = await UserSession.AnonymousAsync(browser, host);
        var published = await anonymous.Page.GotoAsync($"/public/meetings/{meetingId}/minutes");
        Assert.Equal(200, published!.Status);
        await Assertions.Expect(anonymous.Page.Locator("[data-testid=minutes-document]")).ToContainTextAsync("Ramper og elevatorer på biblioteket");
    }
}
