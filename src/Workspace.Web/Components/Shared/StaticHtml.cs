using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Caching.Memory;

namespace Workspace.Web.Components.Shared;

/// <summary>
/// Read-only Razor fragments rendered once to HTML and shared by every circuit (decision 008). A component and its render
/// tree on every open meeting page cost each tab 1.3 KB or more; one markup frame holding a shared string costs almost
/// nothing. The fragment stays a .razor file, so Razor encodes what users wrote. The cache key is the data the fragment
/// shows (records with value equality) and the language: changed data is a new key, so nothing shows stale HTML, and
/// entries nobody asks for any more leave the size-limited cache.
/// </summary>
public sealed class StaticHtml(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    /// <summary>Characters of HTML kept for sharing between circuits.</summary>
    private const long CachedCharacters = 8 * 1024 * 1024;

    private readonly MemoryCache _rendered = new(new MemoryCacheOptions { SizeLimit = CachedCharacters });

    /// <summary>Fragments being rendered now, so that those who ask for one meanwhile wait for it instead of rendering it too.</summary>
    private readonly ConcurrentDictionary<object, Lazy<Task<string>>> _rendering = new();

    /// <summary>
    /// The HTML of <typeparamref name="TComponent"/> with these parameters. <paramref name="key"/> must change whenever
    /// anything the fragment shows changes (the parameters themselves, when they are records without per-viewer data).
    /// Completes at once when the HTML was rendered before.
    /// </summary>
    public ValueTask<MarkupString> RenderAsync<TComponent>(object key, IReadOnlyDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        var cacheKey = (typeof(TComponent), key, CultureInfo.CurrentUICulture.Name);
        return _rendered.TryGetValue(cacheKey, out string? html)
            ? ValueTask.FromResult(new MarkupString(html!))
            : new ValueTask<MarkupString>(RenderOnceAsync<TComponent>(cacheKey, parameters));
    }

    /// <summary>
    /// A change reaches every open page at the same moment, and each asks for the changed fragment: one renders it, the
    /// others wait for that rendering (a hundred tabs rendered the same decision text a hundred times).
    /// </summary>
    private async Task<MarkupString> RenderOnceAsync<TComponent>(object cacheKey, IReadOnlyDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        // Looked up again once this rendering is ours: one that finished between the caller's look-up and here has left
        // _rendering already, and its HTML is in the cache (stored before it left).
        var rendering = _rendering.GetOrAdd(cacheKey, key => new Lazy<Task<string>>(() =>
            _rendered.TryGetValue(key, out string? done) ? Task.FromResult(done!) : RenderNewAsync<TComponent>(key, parameters)));
        try
        {
            return new MarkupString(await rendering.Value);
        }
        finally
        {
            _rendering.TryRemove(KeyValuePair.Create(cacheKey, rendering));
        }
    }

    private async Task<string> RenderNewAsync<TComponent>(object cacheKey, IReadOnlyDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        // The renderer resolves scoped services (texts, cascading values), as a circuit does.
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(new WithTextEncoder(scope.ServiceProvider), loggers);
        // Not back on the first asker's circuit: the others waiting for this rendering must not wait for that circuit's turn too.
        var html = await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters.ToDictionary()))).ToHtmlString())
            .ConfigureAwait(false);
        _rendered.Set(cacheKey, html, new MemoryCacheEntryOptions { Size = html.Length, SlidingExpiration = TimeSpan.FromHours(1) });
        return html;
    }

    /// <summary>
    /// The scope's services with an encoder that leaves Danish letters as they are ("æ", not "&amp;#xE6;"), as the browser's
    /// own rendering of a component does; what could be markup (&lt; &gt; &amp; quotes) is still encoded.
    /// </summary>
    private sealed class WithTextEncoder(IServiceProvider services) : IServiceProvider
    {
        private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

        public object? GetService(Type serviceType) => serviceType == typeof(HtmlEncoder) ? Encoder : services.GetService(serviceType);
    }
}
