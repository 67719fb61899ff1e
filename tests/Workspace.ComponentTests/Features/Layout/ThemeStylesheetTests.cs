using MudBlazor;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Web.Components.Layout;

namespace Workspace.ComponentTests.Features.Layout;

public sealed class ThemeStylesheetTests : ComponentTestContext
{
    [Fact]
    public void Shared_stylesheet_is_what_MudThemeProvider_renders_for_the_theme()
    {
        // Arrange
        var provider = Render<MudThemeProvider>(p => p.Add(x => x.Theme, WorkspaceTheme.Theme));

        // Act
        var shared = ThemeStylesheet.Style.Value;

        // Assert
        Assert.Equal(provider.Markup, shared);
        Assert.Contains("--mud-palette-primary:", shared);
    }
}
