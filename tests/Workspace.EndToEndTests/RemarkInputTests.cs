using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>Bad input to the remark field is refused in Danish next to the field, and nothing typed is lost.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RemarkInputTests(BrowserFixture browser, DevelopmentApp app)
{
    private const int MaxLength = 4000;

    /// <summary>MudTextField's control around the remark's text area; its helper line shows the field's error.</summary>
    private const string FieldWithInput = ".mud-input-control:has(textarea[data-testid=remark-input])";

    [Fact]
    public async Task Empty_remark_is_refused_with_a_message_next_to_the_field()
    {
        await using var mia = await SignInAtNextMeetingAsync();
        var item = mia.AgendaItem("2");
        var remarksBefore = await item.Locator("[data-testid=remark]").CountAsync();
        await item.Locator("[data-testid=remark-open]").ClickAsync();

        await item.Locator("[data-testid=remark-submit]").ClickAsync();

        var field = item.Locator(FieldWithInput);
        await Assertions.Expect(field.Locator(".mud-input-helper-text.mud-input-error")).ToHaveTextAsync("Feltet skal udfyldes.");
        await Assertions.Expect(mia.RemarkInput(item)).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(item.Locator("[data-testid=remark]")).ToHaveCountAsync(remarksBefore);
        mia.Errors.AssertNone();
    }

    [Fact]
    public async Task Pasting_more_than_the_limit_keeps_the_first_4000_characters_and_saves_them()
    {
        await using var mia = await SignInAtNextMeetingAsync();
        await mia.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var item = mia.AgendaItem("8");
        await item.Locator("[data-testid=remark-open]").ClickAsync();
        var input = mia.RemarkInput(item);
        var text = LongText(MaxLength + 1);
        await mia.Page.EvaluateAsync("text => navigator.clipboard.writeText(text)", text);

        await input.FocusAsync();
        await mia.Page.Keyboard.PressAsync("Control+V");

        // The field's maxlength cuts the paste at the limit, so there is nothing too long to refuse.
        await Assertions.Expect(input).ToHaveValueAsync(text[..MaxLength]);
        await item.Locator("[data-testid=remark-submit]").ClickAsync();
        await Assertions.Expect(item.Locator("[data-testid=remark]").Filter(new() { HasText = text[..40] })).ToBeVisibleAsync();
        await Assertions.Expect(item.Locator("[data-testid=remark-input]")).ToHaveCountAsync(0);
        mia.Errors.AssertNone();
    }

    [Fact]
    public async Task Too_long_remark_that_gets_past_the_limit_is_refused_and_the_text_stays()
    {
        await using var mia = await SignInAtNextMeetingAsync();
        var item = mia.AgendaItem("9");
        var remarksBefore = await item.Locator("[data-testid=remark]").CountAsync();
        await item.Locator("[data-testid=remark-open]").ClickAsync();
        var input = mia.RemarkInput(item);
        var text = LongText(MaxLength + 1);
        // maxlength only limits what is typed or pasted; a script, an extension or a browser that ignores the
        // attribute can still put a longer text in, and then the server's rule has to speak.
        await input.EvaluateAsync(
            "(e, text) => { e.value = text; e.dispatchEvent(new Event('input', { bubbles: true })); }", text);

        await item.Locator("[data-testid=remark-submit]").ClickAsync();

        var field = item.Locator(FieldWithInput);
        await Assertions.Expect(field.Locator(".mud-input-helper-text.mud-input-error")).ToContainTextAsync("Teksten er for lang.");
        await Assertions.Expect(input).ToHaveValueAsync(text);
        await Assertions.Expect(item.Locator("[data-testid=remark]")).ToHaveCountAsync(remarksBefore);
        mia.Errors.AssertNone();
    }

    [Fact]
    public async Task Api_refuses_an_empty_and_a_too_long_remark_with_400()
    {
        await using var mia = await SignInAtNextMeetingAsync();
        var itemId = await mia.ItemIdAsync(mia.MeetingIdFromUrl(), "9");

        var empty = await mia.PostRemarkAsync(itemId, "   ");
        var tooLong = await mia.PostRemarkAsync(itemId, LongText(MaxLength + 1));

        Assert.Equal(400, empty.Status);
        Assert.Contains("Feltet skal udfyldes.", await empty.TextAsync());
        Assert.Equal(400, tooLong.Status);
        Assert.Contains("Teksten er for lang.", await tooLong.TextAsync());
    }

    private async Task<UserSession> SignInAtNextMeetingAsync()
    {
        var session = await UserSession.SignInAsync(browser, await app.HostAsync(), DemoPeople.Member);
        await session.OpenNextMeetingAsync();
        return session;
    }

    /// <summary>A text of exactly <paramref name="length"/> characters that starts with something unique.</summary>
    private static string LongText(int length)
    {
        var start = $"Lang bemærkning {Guid.NewGuid():N} ";
        return (start + string.Concat(Enumerable.Repeat("Æbler og øl på å. ", length / 18 + 1)))[..length];
    }
}
