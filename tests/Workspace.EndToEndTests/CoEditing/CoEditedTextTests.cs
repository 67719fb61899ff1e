using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests.CoEditing;

/// <summary>
/// Two secretaries type into the same decision text at the same time, at different places, in two browsers: both end with
/// the same text holding both their words, each caret stays where its owner types, a third browser joining late sees
/// the same text, and a browser that loses its connection keeps what it typed and sends it when it is back.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CoEditedTextTests(BrowserFixture browser, DevelopmentApp app)
{
    [Fact]
    public async Task Two_browsers_type_at_once_converge_keep_their_carets_and_a_late_third_sees_the_same()
    {
        var host = await app.HostAsync();
        await using var iben = await UserSession.SignInAsync(browser, host, DemoPeople.Secretary);
        await using var thomas = await UserSession.SignInAsync(browser, host, "Thomas Lindberg");
        var meetingId = await iben.OpenNextMeetingAsync();
        await thomas.OpenMeetingAsync(meetingId);
        var ibenText = await OpenDecisionAsync(iben, "3");
        var thomasText = await OpenDecisionAsync(thomas, "3");

        await ibenText.ClickAsync();
        await iben.Page.Keyboard.TypeAsync("Første linje. Sidste linje.");
        await Assertions.Expect(thomasText).ToHaveValueAsync("Første linje. Sidste linje.");

        // Iben types at the start, Thomas at the end, at the same time.
        await ibenText.EvaluateAsync("t => { t.focus(); t.setSelectionRange(0, 0); }");
        await thomasText.EvaluateAsync("t => { t.focus(); t.setSelectionRange(t.value.length, t.value.length); }");
        await Task.WhenAll(
            iben.Page.Keyboard.TypeAsync("Iben skriver her. ", new() { Delay = 35 }),
            thomas.Page.Keyboard.TypeAsync(" Thomas skriver her.", new() { Delay = 35 }));

        const string expected = "Iben skriver her. Første linje. Sidste linje. Thomas skriver her.";
        await Assertions.Expect(ibenText).ToHaveValueAsync(expected);
        await Assertions.Expect(thomasText).ToHaveValueAsync(expected);
        // Each caret is still right after what its owner typed.
        Assert.Equal("Iben skriver her. ".Length, await ibenText.EvaluateAsync<int>("t => t.selectionStart"));
        Assert.Equal(expected.Length, await thomasText.EvaluateAsync<int>("t => t.selectionStart"));

        await using var mia = await UserSession.SignInAsync(browser, host, DemoPeople.Member);
        await mia.OpenMeetingAsync(meetingId);
        await Assertions.Expect(mia.AgendaItem("3").Locator("section.decision")).ToContainTextAsync(expected, new() { Timeout = 15_000 });
        iben.Errors.AssertNone();
        thomas.Errors.AssertNone();
    }

    [Fact]
    public async Task A_browser_that_loses_its_connection_keeps_what_it_typed_and_sends_it_when_back()
    {
        var host = await app.HostAsync();
        await using var iben = await UserSession.SignInAsync(browser, host, DemoPeople.Secretary);
        await using var thomas = await UserSession.SignInAsync(browser, host, "Thomas Lindberg");
        var meetingId = await iben.OpenNextMeetingAsync();
        await thomas.OpenMeetingAsync(meetingId);
        var ibenText = await OpenDecisionAsync(iben, "2");
        var thomasText = await OpenDecisionAsync(thomas, "2");
        var before = await ibenText.InputValueAsync();

        await iben.Context.SetOfflineAsync(true);
        await ibenText.ClickAsync();
        await ibenText.PressAsync("End");
        await iben.Page.Keyboard.TypeAsync(" Skrevet uden forbindelse.");
        await iben.Context.SetOfflineAsync(false);

        await Assertions.Expect(thomasText).ToHaveValueAsync(before + " Skrevet uden forbindelse.", new() { Timeout = 30_000 });
        await Assertions.Expect(ibenText).ToHaveValueAsync(before + " Skrevet uden forbindelse.");
    }

    [Fact]
    public async Task An_open_text_turns_read_only_and_says_why_the_moment_a_colleague_cancels_the_meeting()
    {
        var host = await app.HostAsync();
        await using var iben = await UserSession.SignInAsync(browser, host, DemoPeople.Secretary);
        await using var thomas = await UserSession.SignInAsync(browser, host, "Thomas Lindberg");
        var meetingId = await DraftMeetingAsync(iben, "Budget");
        await iben.OpenMeetingAsync(meetingId);
        await thomas.OpenMeetingAsync(meetingId);
        var thomasText = await OpenDecisionAsync(thomas, "1");
        await thomasText.ClickAsync();
        await thomas.Page.Keyboard.TypeAsync("Rådet tager orienteringen til efterretning.");
        await Assertions.Expect(thomas.Page.GetByRole(AriaRole.Dialog).Locator("[data-testid=coedit-state-decision]")).ToHaveTextAsync("Gemt");

        await iben.Page.GetByRole(AriaRole.Button, new() { Name = "Aflys mødet" }).ClickAsync();
        await iben.Page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Aflys mødet" }).ClickAsync();

        // Told on the open text without a reload: read-only, why, and what was typed is still there.
        await Assertions.Expect(thomas.Page.GetByRole(AriaRole.Dialog).Locator("[data-testid=coedit-access-decision]"))
            .ToHaveTextAsync("Mødet er aflyst: teksten kan læses, men ikke længere ændres.");
        await Assertions.Expect(thomasText).Not.ToBeEditableAsync();
        await Assertions.Expect(thomasText).ToHaveValueAsync("Rådet tager orienteringen til efterretning.");
        thomas.Errors.AssertNone();
        iben.Errors.AssertNone();
    }

    /// <summary>A draft meeting of Udsatterådet with the given items, through the JSON API, so no other test sees it.</summary>
    private static async Task<Guid> DraftMeetingAsync(UserSession secretary, params string[] titles)
    {
        await secretary.OpenCouncilAsync(DemoPeople.Council);
        var councilId = Guid.Parse(new Uri(secretary.Page.Url).Segments[^1].TrimEnd('/'));
        var created = await secretary.Context.APIRequest.PostAsync($"/api/councils/{councilId}/meetings", new()
        {
            DataObject = new { title = $"Ekstraordinært møde {Guid.NewGuid():N}"[..30], date = "2031-05-15", startTime = "16:00:00", endTime = "18:00:00", place = "Rådhuset", useAgendaTemplate = false },
        });
        Assert.True(created.Status == 201, $"Creating the meeting answered {created.Status}: {await created.TextAsync()}");
        var meetingId = (await created.JsonAsync())!.Value.GetProperty("id").GetGuid();
        foreach (var title in titles)
        {
            Assert.Equal(201, (await secretary.Context.APIRequest.PostAsync($"/api/meetings/{meetingId}/items", new() { DataObject = new { title } })).Status);
        }
        return meetingId;
    }

    /// <summary>Opens the item's form, where its texts are co-edited, and returns the decision's textarea.</summary>
    private static async Task<ILocator> OpenDecisionAsync(UserSession session, string itemNumber)
    {
        await session.AgendaItem(itemNumber).GetByRole(AriaRole.Button, new() { Name = $"Redigér punkt {itemNumber}" }).ClickAsync();
        var dialog = session.Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.Locator("[data-testid=coedit-state-decision]")).ToHaveTextAsync("Gemt");
        return dialog.Locator("textarea[data-testid=coedit-decision]");
    }
}
