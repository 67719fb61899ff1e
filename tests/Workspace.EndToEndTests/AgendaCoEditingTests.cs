using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>
/// Two secretaries prepare the same agenda at once in two browsers: additions, keyboard moves and drag and drop reach
/// the other page without reload, and two edits of the same field never silently overwrite each other.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AgendaCoEditingTests(BrowserFixture browser, DevelopmentApp app)
{
    private const string Colleague = "Thomas Lindberg";

    [Fact]
    public async Task Two_secretaries_edit_the_agenda_at_once_and_see_each_others_changes()
    {
        var host = await app.HostAsync();
        await using var iben = await UserSession.SignInAsync(browser, host, DemoPeople.Secretary);
        await using var thomas = await UserSession.SignInAsync(browser, host, Colleague);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var meetingId = await CreateDraftMeetingAsync(iben, suffix, "Velkomst", "Budget", "Eventuelt");
        await iben.OpenMeetingAsync(meetingId);
        await thomas.OpenMeetingAsync(meetingId);
        await iben.Page.EvaluateAsync("() => { window.__marker = 1; }");

        // Iben adds an item through the form; Thomas sees it arrive.
        await iben.Page.Locator("[data-testid=add-item]").ClickAsync();
        await iben.Page.Locator("[data-testid=item-title]").FillAsync($"Boligsocial plan {suffix}");
        await iben.Page.Locator("[data-testid=item-save]").ClickAsync();
        await Assertions.Expect(thomas.AgendaItem("4")).ToContainTextAsync($"Boligsocial plan {suffix}");

        // Thomas moves it up with the keyboard: focus the handle, arrow up.
        var handle = thomas.AgendaItem("4").Locator(".agenda-move-handle");
        await handle.FocusAsync();
        await thomas.Page.Keyboard.PressAsync("ArrowUp");
        await Assertions.Expect(thomas.AgendaItem("3")).ToContainTextAsync($"Boligsocial plan {suffix}");
        await Assertions.Expect(thomas.AgendaItem("3").Locator(".agenda-move-handle")).ToBeFocusedAsync();
        await Assertions.Expect(thomas.Page.Locator("[data-testid=live-announcer]")).ToHaveTextAsync($"»Boligsocial plan {suffix}« er nu punkt 3.");
        await Assertions.Expect(iben.AgendaItem("3")).ToContainTextAsync($"Boligsocial plan {suffix}");
        await Assertions.Expect(iben.AgendaItem("4")).ToContainTextAsync("Eventuelt");

        // ... and makes it a sub-item of Budget with the right arrow.
        await thomas.AgendaItem("3").Locator(".agenda-move-handle").FocusAsync();
        await thomas.Page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(iben.AgendaItem("2a")).ToContainTextAsync($"Boligsocial plan {suffix}");

        // Iben drags Velkomst onto Eventuelt; Thomas sees the new order. A tall window keeps both in view, because
        // scrolling in the middle of Playwright's drag would start it from whatever is under the mouse then.
        await iben.Page.SetViewportSizeAsync(1280, 2000);
        // Cards that were off screen (content-visibility: auto) are laid out in the next frames and take their real height:
        // the drag measures where the cards are only once they have.
        await iben.Page.EvaluateAsync("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
        await iben.AgendaItem("1").Locator(".agenda-move-handle").DragToAsync(iben.AgendaItem("3"));
        await Assertions.Expect(thomas.AgendaItem("3")).ToContainTextAsync("Velkomst");
        await Assertions.Expect(thomas.AgendaItem("1")).ToContainTextAsync("Budget");
        await Assertions.Expect(thomas.AgendaItem("1a")).ToContainTextAsync($"Boligsocial plan {suffix}");
        await Assertions.Expect(thomas.AgendaItem("2")).ToContainTextAsync("Eventuelt");

        // Both open the same item; Thomas saves a title first, Iben's different title is refused, not lost. Iben's own page
        // must show the new order first too: on a busy machine its numbers could still be the old ones, and "Redigér
        // punkt 2" then opened another item (no conflict to see).
        await Assertions.Expect(iben.AgendaItem("2")).ToContainTextAsync("Eventuelt");
        await Assertions.Expect(iben.AgendaItem("1a")).ToContainTextAsync($"Boligsocial plan {suffix}");
        await OpenEditAsync(iben, "2");
        await OpenEditAsync(thomas, "2");
        await thomas.Page.Locator("[data-testid=item-title]").FillAsync("Eventuelt og evaluering");
        await thomas.Page.Locator("[data-testid=item-save]").ClickAsync();
        await Assertions.Expect(iben.AgendaItem("2")).ToContainTextAsync("Eventuelt og evaluering");
        await iben.Page.Locator("[data-testid=item-title]").FillAsync("Eventuelt og næste møde");
        await iben.Page.Locator("[data-testid=item-save]").ClickAsync();
        await Assertions.Expect(iben.Page.Locator("[data-testid=edit-conflict]")).ToContainTextAsync("Overskrift");
        await Assertions.Expect(iben.Page.Locator("[data-testid=item-title]")).ToHaveValueAsync("Eventuelt og næste møde");
        await Assertions.Expect(iben.Page.GetByText("Der står nu: »Eventuelt og evaluering«")).ToBeVisibleAsync();

        // Saving again keeps her text, knowingly; Thomas sees it.
        await iben.Page.Locator("[data-testid=item-save]").ClickAsync();
        await Assertions.Expect(thomas.AgendaItem("2")).ToContainTextAsync("Eventuelt og næste møde");
        Assert.Equal(1, await iben.Page.EvaluateAsync<int?>("() => window.__marker"));
        iben.Errors.AssertNone();
        thomas.Errors.AssertNone();
    }

    private static async Task OpenEditAsync(UserSession session, string number)
    {
        await session.AgendaItem(number).GetByRole(AriaRole.Button, new() { Name = $"Redigér punkt {number}" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator("[data-testid=item-title]")).ToBeVisibleAsync();
    }

    /// <summary>A draft meeting of Udsatterådet (administration only), made through the JSON API so no other test sees it.</summary>
    private static async Task<Guid> CreateDraftMeetingAsync(UserSession secretary, string suffix, params string[] titles)
    {
        await secretary.OpenCouncilAsync(DemoPeople.Council);
        var councilId = Guid.Parse(new Uri(secretary.Page.Url).Segments[^1].TrimEnd('/'));
        var created = await secretary.Context.APIRequest.PostAsync($"/api/councils/{councilId}/meetings", new()
        {
            DataObject = new { title = $"Arbejdsmøde {suffix}", date = "2031-03-13", startTime = "16:00:00", endTime = "18:00:00", place = "Rådhuset", useAgendaTemplate = false },
        });
        Assert.True(created.Status == 201, $"Creating the meeting answered {created.Status}: {await created.TextAsync()}");
        var meetingId = (await created.JsonAsync())!.Value.GetProperty("id").GetGuid();
        foreach (var title in titles)
        {
            var item = await secretary.Context.APIRequest.PostAsync($"/api/meetings/{meetingId}/items", new() { DataObject = new { title, allottedMinutes = 15 } });
            Assert.Equal(201, item.Status);
        }
        return meetingId;
    }
}
