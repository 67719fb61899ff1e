using Microsoft.Playwright;

namespace Workspace.EndToEndTests.Infrastructure;

/// <summary>
/// Names the element behind an event the server refused. Blazor's own console error for a refused event says only
/// "There is no event handler associated with this event" and the handler's number; CI has lost such events a few times
/// (stops 21 and 24), and no run here could make it happen again. The script wraps the call that sends a browser event
/// to the circuit and, when the server refuses it, writes the event, its handler number and its element to the console,
/// where <see cref="ConsoleErrors"/> records it with the test's other errors. Nothing is written while events succeed.
/// </summary>
public static class LostEvents
{
    private const string InitScript = """
        document.addEventListener('DOMContentLoaded', () => {
          const proto = window.DotNet && window.DotNet.DotNetObject && window.DotNet.DotNetObject.prototype;
          if (!proto || proto.__lostEventsWatched) return;
          proto.__lostEventsWatched = true;
          const describe = e => !e || !e.tagName ? String(e)
            : e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.dataset && e.dataset.testid ? `[data-testid=${e.dataset.testid}]` : '')
              + (e.getAttribute('aria-label') ? ` "${e.getAttribute('aria-label')}"` : '') + (e.isConnected ? '' : ' (no longer in the page)');
          const send = proto.invokeMethodAsync;
          proto.invokeMethodAsync = function (method, ...args) {
            const sent = send.call(this, method, ...args);
            if (method !== 'DispatchEventAsync' || !args[0]) return sent;
            window.__blazorEventSender = this; // for the test that proves this watch
            const what = `${args[0].eventName} (handler ${args[0].eventHandlerId}) on ${describe(window.event && window.event.target)}`
              + ` with the focus on ${describe(document.activeElement)}, ${Math.round(performance.now())} ms after the page opened`;
            return sent.catch(error => { console.error('[lost-event] ' + what); throw error; });
          };
        });
        """;

    public static Task WatchAsync(IBrowserContext context) => context.AddInitScriptAsync(InitScript);
}
