using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests.CoEditing;

/// <summary>
/// A blank page on a made-up origin whose requests Playwright answers from disk: /js/coedit/* from the app's wwwroot,
/// /tests/* from this folder (copied to the test output). No app runs; the modules load as in the browser.
/// </summary>
public sealed class CoEditPage : IAsyncDisposable
{
    public const string Origin = "http://coedit.test";

    private const string Html = """
        <!doctype html>
        <html lang="da">
        <head><meta charset="utf-8"><title>Samskrivning</title><link rel="icon" href="data:,"></head>
        <body>
          <label for="a">Tekst A</label>
          <textarea id="a" rows="8" cols="80"></textarea>
          <label for="b">Tekst B</label>
          <textarea id="b" rows="8" cols="80"></textarea>
        </body>
        </html>
        """;

    private static readonly string ScriptsDirectory = Path.Combine(AppPaths.WebProjectDirectory, "wwwroot", "js", "coedit");
    private static readonly string TestsDirectory = Path.Combine(AppContext.BaseDirectory, "CoEditing");

    private readonly IBrowserContext _context;

    private CoEditPage(IBrowserContext context, IPage page, ConsoleErrors errors)
    {
        _context = context;
        Page = page;
        Errors = errors;
    }

    public IPage Page { get; }

    public ConsoleErrors Errors { get; }

    public static async Task<CoEditPage> OpenAsync(BrowserFixture browser)
    {
        var context = await browser.NewContextAsync(Origin);
        await context.RouteAsync($"{Origin}/**", route =>
        {
            var path = new Uri(route.Request.Url).AbsolutePath;
            var file = path switch
            {
                _ when path.StartsWith("/js/coedit/", StringComparison.Ordinal) => Path.Combine(ScriptsDirectory, Path.GetFileName(path)),
                _ when path.StartsWith("/tests/", StringComparison.Ordinal) => Path.Combine(TestsDirectory, Path.GetFileName(path)),
                _ => null,
            };
            if (path == "/index.html")
            {
                return route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = Html });
            }
            if (file is null || !File.Exists(file))
            {
                return route.FulfillAsync(new() { Status = 404, Body = "" });
            }
            var type = file.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "text/javascript";
            return route.FulfillAsync(new() { Status = 200, ContentType = $"{type}; charset=utf-8", Body = File.ReadAllText(file) });
        });
        var page = await context.NewPageAsync();
        var errors = ConsoleErrors.Record(page);
        await page.GotoAsync("/index.html");
        return new CoEditPage(context, page, errors);
    }

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
