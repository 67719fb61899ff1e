using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>
/// The watch for events the server refuses (<see cref="LostEvents"/>) works against the real blazor.web.js: an event for a
/// handler the circuit does not have is named in the console, with Blazor's detailed reason beside it (Development shows
/// a circuit's exceptions), and the page goes on working.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LostEventsTests(BrowserFixture browser, DevelopmentApp app)
{
    [Fact]
    public async Task An_event_for_a_handler_the_circuit_does_not_have_is_named_in_the_console_and_the_page_goes_on()
    {
        var host = await app.HostAsync();
        await using var mia = await UserSession.SignInAsync(browser, host, DemoPeople.Member);
        await mia.OpenNextMeetingAsync();
        var item = mia.AgendaItem("4");
        await item.Locator("[data-testid=remark-open]").ClickAsync();
        await Assertions.Expect(mia.RemarkInput(item)).ToBeVisibleAsync();

        // The same call Blazor makes for a browser event, for a handler number no render ever gave out.
        var refusal = await mia.Page.EvaluateAsync<string>("""
            () => window.__blazorEventSender.invokeMethodAsync('DispatchEventAsync',
                { eventHandlerId: 987654321, eventName: 'click', eventFieldInfo: null }, {}).then(() => 'sent', e => e.message)
            """);

        for (var waited = 0; waited < 100 && !Named(mia.Errors); waited++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
        Assert.True(Named(mia.Errors), "The refused event was not named in the console:\n" + string.Join("\n", mia.Errors.Errors));
        Assert.Contains("There is no event handler associated with this event. EventId: '987654321'", refusal);

        // The circuit still answers: another item's remark field opens.
        var other = mia.AgendaItem("3");
        await other.Locator("[data-testid=remark-open]").ClickAsync();
        await Assertions.Expect(mia.RemarkInput(other)).ToBeVisibleAsync();
    }

    private static bool Named(ConsoleErrors errors) =>
        errors.Errors.Any(e => e.Contains("[lost-event] click (handler 987654321)", StringComparison.Ordinal));
}
