using MudBlazor;

namespace Workspace.Web.Components.Layout;

/// <summary>
/// The theme's stylesheet (some 12,000 characters of CSS variables), built once by MudBlazor's own MudThemeProvider and
/// written into the page's head by App.razor. A MudThemeProvider in the interactive layout would keep its own copy of
/// the string in every open tab's render tree; the app has one light theme and no dark mode, so it needs no circuit.
/// </summary>
public sealed class ThemeStylesheet : MudThemeProvider
{
    private static readonly Lazy<Microsoft.AspNetCore.Components.MarkupString> Shared = new(() =>
        Build(new ThemeStylesheet { Theme = WorkspaceTheme.Theme }));

    private static Microsoft.AspNetCore.Components.MarkupString Build(ThemeStylesheet provider) =>
        new(BuildMudBlazorScrollbar() + ChartStyle + provider.BuildTheme());

    /// <summary>What MudThemeProvider renders between the scrollbar and the theme.</summary>
    private const string ChartStyle = "<style>\n    .mud-chart-serie:hover {\n        filter: url(#lighten);\n    }\n\n    .mud-chart-serie-hovered \n    {\n        filter: url(#lighten);\n    }\n</style>\n\n";

    /// <summary>The &lt;style&gt; element MudThemeProvider renders for <see cref="WorkspaceTheme.Theme"/>.</summary>
    public static Microsoft.AspNetCore.Components.MarkupString Style => Shared.Value;
}
