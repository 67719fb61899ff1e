using MudBlazor;

namespace Workspace.Web.Components.Layout;

/// <summary>One calm theme for the whole app; colours chosen for WCAG AA contrast on white and on the app bar.</summary>
public static class WorkspaceTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1b4f72",
            PrimaryContrastText = "#ffffff",
            Secondary = "#7b3f00",
            Tertiary = "#2e6b3a",
            AppbarBackground = "#1b4f72",
            AppbarText = "#ffffff",
            Background = "#f6f7f9",
            TextSecondary = "rgba(0,0,0,0.68)",
            Info = "#0b5cad",
            Success = "#1e6b2f",
            Warning = "#8a4b00",
            Error = "#b00020",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
    };
}
