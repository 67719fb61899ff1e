using System.Text.Json;
using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>A substitute who is not stepping in reads the meeting but cannot write, in the page or through the API.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SubstituteTests(BrowserFixture browser, DevelopmentApp app)
{
    [Fact]
    public async Task Substitute_sees_the_meeting_without_remark_buttons_or_the_closed_item()
    {
        var host = await app.HostAsync();
        await using var carsten = await UserSession.SignInAsync(browser, host, DemoPeople.Substitute);

        await carsten.OpenNextMeetingAsync();

        var items = carsten.Page.Locator("[data-testid=agenda-item]");
        await Assertions.Expect(carsten.AgendaItem("6")).ToContainTextAsync("Høring");
        // He reads the remarks others wrote on the hearing.
        await Assertions.Expect(carsten.AgendaItem("6").Locator("[data-testid=remark]").First).ToBeVisibleAsync();
        await Assertions.Expect(carsten.Page.Locator("[data-testid=remark-open]")).ToHaveCountAsync(0);
        await Assertions.Expect(carsten.Page.GetByText(DemoPeople.ClosedItemTitle)).ToHaveCountAsync(0);
        // The closed item 7 is left out (the items after it, "Status på opfølgning" among them, keep their numbers).
        await Assertions.Expect(items).ToHaveCountAsync(9);
        carsten.Errors.AssertNone();
    }

    [Fact]
    public async Task Server_refuses_a_substitutes_remark_with_403_and_accepts_a_members_with_201()
    {
        var host = await app.HostAsync();
        await using var carsten = await UserSession.SignInAsync(browser, host, DemoPeople.Substitute);
        var meetingId = await carsten.OpenNextMeetingAsync();
        var itemId = await carsten.ItemIdAsync(meetingId, "4");
        var text = $"Skrevet uden om siden ({Guid.NewGuid():N})";

        var refused = await carsten.PostRemarkAsync(itemId, text);

        Assert.Equal(403, refused.Status);
        var meeting = await carsten.GetMeetingJsonAsync(meetingId);
        Assert.DoesNotContain(text, meeting.GetRawText());
        Assert.DoesNotContain(meeting.GetProperty("items").EnumerateArray(), i => i.GetProperty("isClosed").GetBoolean());

        await using var mia = await UserSession.SignInAsync(browser, host, DemoPeople.Member);
        var accepted = await mia.PostRemarkAsync(itemId, text);

        Assert.True(accepted.Status == 201, $"Expected 201, got {accepted.Status}: {await accepted.TextAsync()}");
        var remark = JsonDocument.Parse(await accepted.TextAsync()).RootElement;
        Assert.Equal(text, remark.GetProperty("text").GetString());
        Assert.Contains(text, (await carsten.GetMeetingJsonAsync(meetingId)).GetRawText());
    }
}
