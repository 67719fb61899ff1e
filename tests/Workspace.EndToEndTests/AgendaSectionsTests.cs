using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>
/// The secretary shapes a standard agenda in the browser: a new item lands before the end items, a heading and a pause
/// are added in one action each, and "group by kind" puts the items under headings; no WCAG 2.1 A/AA violations.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AgendaSectionsTests(BrowserFixture browser, DevelopmentApp app)
{
    [Fact]
    public async Task Secretary_adds_an_item_a_heading_and_a_pause_and_groups_the_agenda_by_kind()
    {
        await using var iben = await UserSession.SignInAsync(browser, await app.HostAsync(), DemoPeople.Secretary);
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var meetingId = await CreateMeetingWithStandardAgendaAsync(iben, suffix);
        await iben.OpenMeetingAsync(meetingId);
        await Assertions.Expect(iben.AgendaItem("5")).ToContainTextAsync("Status på opfølgning");
        await Assertions.Expect(iben.AgendaItem("7")).ToContainTextAsync("Eventuelt");

        // A new item on the untouched standard agenda lands before "Næste møde" and "Eventuelt".
        await iben.Page.Locator("[data-testid=add-item]").ClickAsync();
        await iben.Page.Locator("[data-testid=item-title]").FillAsync($"Oplæg om bostøtte {suffix}");
        await iben.Page.Locator("[data-testid=item-save]").ClickAsync();
        await Assertions.Expect(iben.AgendaItem("6")).ToContainTextAsync($"Oplæg om bostøtte {suffix}");
        await Assertions.Expect(iben.AgendaItem("7")).ToContainTextAsync("Næste møde");
        await Assertions.Expect(iben.AgendaItem("8")).ToContainTextAsync("Eventuelt");

        // A heading of her own, in one action; the dialog has no violations.
        await iben.Page.Locator("[data-testid=add-section]").ClickAsync();
        var dialog = iben.Page.GetByRole(AriaRole.Dialog);
        await dialog.Locator("[data-testid=entry-title]").FillAsync("Diverse");
        await AxeScan.AssertNoViolationsAsync(iben.Page);
        await dialog.Locator("[data-testid=entry-save]").ClickAsync();
        await Assertions.Expect(iben.Page.Locator("[data-testid=agenda-section]")).ToHaveTextAsync(["Diverse"]);

        // A pause, with its default text and ten minutes; it takes no number.
        await iben.Page.Locator("[data-testid=add-pause]").ClickAsync();
        await Assertions.Expect(dialog.Locator("[data-testid=entry-minutes]")).ToHaveValueAsync("10");
        await dialog.Locator("[data-testid=entry-save]").ClickAsync();
        await Assertions.Expect(iben.Page.Locator("[data-testid=agenda-pause]")).ToContainTextAsync("(10 min.)");
        await Assertions.Expect(iben.AgendaItem("7")).ToContainTextAsync("Næste møde");

        // Group by kind: one heading for the information item; her own heading goes; numbers run on.
        await iben.Page.Locator("[data-testid=group-by-kind]").ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Gruppér efter type" }).ClickAsync();
        await Assertions.Expect(iben.Page.Locator("[data-testid=agenda-section]")).ToHaveTextAsync(["Orienteringspunkter"]);
        await Assertions.Expect(iben.Page.Locator("[data-testid=live-announcer]")).ToHaveTextAsync("Dagsordenen er grupperet efter type.");
        var outline = iben.Page.Locator("ol.agenda > li");
        // The follow-up status item is a standard item: it stays with the start items.
        await Assertions.Expect(outline.Nth(4)).ToContainTextAsync("5. Status på opfølgning");
        await Assertions.Expect(outline.Nth(5)).ToContainTextAsync("Orienteringspunkter");
        await Assertions.Expect(outline.Nth(6)).ToContainTextAsync($"6. Oplæg om bostøtte {suffix}");
        await Assertions.Expect(outline.Nth(7)).ToContainTextAsync("Pause");
        await Assertions.Expect(outline.Nth(8)).ToContainTextAsync("7. Næste møde");
        await Assertions.Expect(outline.Nth(9)).ToContainTextAsync("8. Eventuelt");

        // Moving the heading with the keyboard keeps focus on its handle.
        var handle = iben.Page.Locator(".agenda-section .agenda-move-handle");
        await handle.FocusAsync();
        await iben.Page.Keyboard.PressAsync("ArrowUp");
        await Assertions.Expect(outline.Nth(4)).ToContainTextAsync("Orienteringspunkter");
        await Assertions.Expect(handle).ToBeFocusedAsync();

        await AxeScan.AssertNoViolationsAsync(iben.Page);
        iben.Errors.AssertNone();
    }

    /// <summary>A draft meeting of Udsatterådet with the council's standard agenda, made through the JSON API so no other test sees it.</summary>
    private static async Task<Guid> CreateMeetingWithStandardAgendaAsync(UserSession secretary, string suffix)
    {
        await secretary.OpenCouncilAsync(DemoPeople.Council);
        var councilId = Guid.Parse(new Uri(secretary.Page.Url).Segments[^1].TrimEnd('/'));
        var created = await secretary.Context.APIRequest.PostAsync($"/api/councils/{councilId}/meetings", new()
        {
            DataObject = new { title = $"Møde i sektioner {suffix}", date = "2031-09-11", startTime = "16:00:00", endTime = "19:00:00", place = "Rådhuset", useAgendaTemplate = true },
        });
        Assert.True(created.Status == 201, $"Creating the meeting answered {created.Status}: {await created.TextAsync()}");
        return (await created.JsonAsync())!.Value.GetProperty("id").GetGuid();
    }
}
