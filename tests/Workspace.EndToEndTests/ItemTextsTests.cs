using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>
/// An item's texts in one place, the item form: typed into a new item before its first save, co-edited live in an
/// existing one, with a history that shows who wrote what, the words that changed, and restores an older version to
/// every open editor. The presenter's list never covers the form's buttons.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ItemTextsTests(BrowserFixture browser, DevelopmentApp app)
{
    private const string Colleague = "Thomas Lindberg";

    [Fact]
    public async Task Tabbing_from_the_minutes_into_the_presenter_leaves_save_clickable_and_the_new_items_texts_are_kept()
    {
        var host = await app.HostAsync();
        await using var iben = await UserSession.SignInAsync(browser, host, DemoPeople.Secretary);
        var meetingId = await DraftMeetingAsync(iben, "Velkomst");
        await iben.OpenMeetingAsync(meetingId);
        // A laptop's height: a list opened under the presenter field reaches down over the dialog's buttons.
        await iben.Page.SetViewportSizeAsync(1280, 560);

        await iben.Page.Locator("[data-testid=add-item]").ClickAsync();
        var dialog = iben.Page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("[data-testid=item-title]").FillAsync("Nyt natværested");
        await dialog.Locator("textarea[data-testid=item-background]").FillAsync("Kommunen åbner et natværested i Nørregade.");
        await dialog.Locator("textarea[data-testid=item-minutes-text]").FillAsync("Rådet bød tilbuddet velkommen.");
        await dialog.GetByLabel("Minutter").FillAsync("20");
        await iben.Page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(dialog.Locator("input[data-testid=item-presenter]")).ToBeFocusedAsync();
        // Focus is in the presenter field, and no list lies over the dialog (it opens on typing, the arrow keys or its button) ...
        await Assertions.Expect(iben.Page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
        // ... so the click reaches the button.
        await dialog.Locator("[data-testid=item-save]").ClickAsync(new() { Timeout = 5_000 });

        await Assertions.Expect(iben.Page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Assertions.Expect(iben.AgendaItem("2")).ToContainTextAsync("Kommunen åbner et natværested i Nørregade.");
        await Assertions.Expect(iben.AgendaItem("2").Locator("[data-testid=item-minutes]")).ToContainTextAsync("Rådet bød tilbuddet velkommen.");
        iben.Errors.AssertNone();
    }

    [Fact]
    public async Task The_secretary_writes_an_items_minutes_in_its_dialog_a_colleague_sees_it_live_and_the_history_restores_her_version()
    {
        var host = await app.HostAsync();
        await using var iben = await UserSession.SignInAsync(browser, host, DemoPeople.Secretary);
        await using var thomas = await UserSession.SignInAsync(browser, host, Colleague);
        var meetingId = await DraftMeetingAsync(iben, "Budget 2027");
        await iben.OpenMeetingAsync(meetingId);
        await thomas.OpenMeetingAsync(meetingId);

        // Iben writes the minutes text (referat) of the existing item in its dialog; Thomas's page shows it without a reload.
        var ibenMinutes = await OpenMinutesAsync(iben);
        await AxeScan.AssertNoViolationsAsync(iben.Page);
        await ibenMinutes.ClickAsync();
        await iben.Page.Keyboard.TypeAsync("Rådet drøftede budgettet.");
        await Assertions.Expect(thomas.AgendaItem("1").Locator("[data-testid=item-minutes]")).ToContainTextAsync("Rådet drøftede budgettet.");

        // Thomas rewrites it in his dialog; Iben's open text follows.
        var thomasMinutes = await OpenMinutesAsync(thomas);
        await Assertions.Expect(thomasMinutes).ToHaveValueAsync("Rådet drøftede budgettet.");
        await thomasMinutes.ClickAsync();
        await thomas.Page.Keyboard.PressAsync("Control+A");
        await thomas.Page.Keyboard.TypeAsync("Rådet vedtog budgettet.");
        await Assertions.Expect(ibenMinutes).ToHaveValueAsync("Rådet vedtog budgettet.");

        // Iben opens the history over her dialog: two versions, and the words Thomas changed.
        await iben.Page.Locator("[data-testid=coedit-history-minutes]").ClickAsync();
        var history = iben.Page.Locator("[data-testid=text-history-minutes]");
        await Assertions.Expect(history.Locator("[data-testid=history-version]")).ToHaveCountAsync(2);
        await Assertions.Expect(history.Locator("[data-testid=history-version]").First).ToContainTextAsync(Colleague);
        await Assertions.Expect(history.Locator("[data-testid=diff-deleted]")).ToContainTextAsync("drøftede");
        await Assertions.Expect(history.Locator("[data-testid=diff-inserted]")).ToContainTextAsync("vedtog");
        await AxeScan.AssertNoViolationsAsync(iben.Page);

        // She restores her own version: an edit like any other, so both open texts get it and it heads the history.
        await history.Locator("[data-testid=history-version]", new() { HasText = DemoPeople.Secretary }).Locator("[data-testid=history-restore]").ClickAsync();
        await Assertions.Expect(history.Locator("[data-testid=history-announcer]")).ToContainTextAsync("er gendannet");
        await Assertions.Expect(thomasMinutes).ToHaveValueAsync("Rådet drøftede budgettet.");
        await Assertions.Expect(history.Locator("[data-testid=history-version]")).ToHaveCountAsync(3);
        await Assertions.Expect(history.Locator("[data-testid=history-version]").First).ToContainTextAsync("Gendannet fra");
        await iben.Page.Locator("[data-testid=history-close]").ClickAsync();
        await Assertions.Expect(ibenMinutes).ToHaveValueAsync("Rådet drøftede budgettet.");
        iben.Errors.AssertNone();
        thomas.Errors.AssertNone();
    }

    /// <summary>Opens item 1's form, where its texts are co-edited, and returns the minutes text's textarea once it is connected.</summary>
    private static async Task<ILocator> OpenMinutesAsync(UserSession session)
    {
        await session.AgendaItem("1").GetByRole(AriaRole.Button, new() { Name = "Redigér punkt 1" }).ClickAsync();
        var dialog = session.Page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog.Locator("[data-testid=coedit-state-minutes]")).ToHaveTextAsync("Gemt");
        return dialog.Locator("textarea[data-testid=coedit-minutes]");
    }

    /// <summary>A draft meeting of Udsatterådet with the given items, through the JSON API, so no other test sees it.</summary>
    private static async Task<Guid> DraftMeetingAsync(UserSession secretary, params string[] titles)
    {
        await secretary.OpenCouncilAsync(DemoPeople.Council);
        var councilId = Guid.Parse(new Uri(secretary.Page.Url).Segments[^1].TrimEnd('/'));
        var created = await secretary.Context.APIRequest.PostAsync($"/api/councils/{councilId}/meetings", new()
        {
            DataObject = new { title = $"Tekstmøde {Guid.NewGuid():N}"[..24], date = "2031-06-12", startTime = "16:00:00", endTime = "18:00:00", place = "Rådhuset", useAgendaTemplate = false },
        });
        Assert.True(created.Status == 201, $"Creating the meeting answered {created.Status}: {await created.TextAsync()}");
        var meetingId = (await created.JsonAsync())!.Value.GetProperty("id").GetGuid();
        foreach (var title in titles)
        {
            Assert.Equal(201, (await secretary.Context.APIRequest.PostAsync($"/api/meetings/{meetingId}/items", new() { DataObject = new { title } })).Status);
        }
        return meetingId;
    }
}
