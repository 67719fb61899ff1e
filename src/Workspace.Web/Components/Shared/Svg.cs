using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace Workspace.Web.Components.Shared;

/// <summary>
/// A MudBlazor icon as plain, decorative SVG markup, the same as MudIcon renders but without a component per icon:
/// pages with many items keep one shared string per icon instead of a component and its render tree per use.
/// </summary>
public static class Svg
{
    private static readonly ConcurrentDictionary<(string Icon, string Size, string? Class), MarkupString> Cache = new();

    /// <summary>The icon (an Icons.Material constant), hidden from screen readers; size is small, medium or large.</summary>
    public static MarkupString Icon(string icon, string size = "small", string? cssClass = null) =>
        Cache.GetOrAdd((icon, size, cssClass), key => new MarkupString(
            $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-{key.Size}{(key.Class is null ? "" : " " + key.Class)}\" focusable=\"false\" " +
            $"viewBox=\"0 0 24 24\" aria-hidden=\"true\">{key.Icon}</svg>"));
}
