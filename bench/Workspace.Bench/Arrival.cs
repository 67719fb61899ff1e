using Microsoft.Playwright;

namespace Workspace.Bench;

/// <summary>
/// When each tab's main thread handled the first WebSocket message after a change was made: it splits a tab's latency
/// into the part before the page has the message (the app's renders and sends, the network, the tab's turn on its
/// renderer's main thread) and the part after (Blazor applying the batch).
/// </summary>
public static class Arrival
{
    public const string Script = """
        (() => {
          const Native = window.WebSocket;
          window.__wsArrived = null;
          window.__wsArmed = false;
          window.__wsArm = () => { window.__wsArrived = null; window.__wsArmed = true; };
          window.WebSocket = class extends Native {
            constructor(...args) {
              super(...args);
              this.addEventListener('message', () => {
                if (window.__wsArmed && window.__wsArrived == null) window.__wsArrived = performance.timeOrigin + performance.now();
              });
            }
          };
        })();
        """;

    public static Task ArmAsync(IEnumerable<IPage> pages) => Task.WhenAll(pages.Select(p => p.EvaluateAsync("() => window.__wsArm()")));

    public static async Task<double?[]> ReadAsync(IReadOnlyList<IPage> pages)
    {
        var arrived = new double?[pages.Count];
        for (var i = 0; i < pages.Count; i++)
        {
            arrived[i] = await pages[i].EvaluateAsync<double?>("() => window.__wsArrived");
        }
        return arrived;
    }
}
