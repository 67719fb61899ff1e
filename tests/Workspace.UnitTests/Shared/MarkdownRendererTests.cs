using Workspace.Web.Components.Shared;

namespace Workspace.UnitTests.Shared;

public sealed class MarkdownRendererTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Fact]
    public void Markdown_becomes_html()
    {
        // Act
        var html = _renderer.Render("**Høringsfrist:** 15. december\n\n- et\n- to").Value;

        // Assert
        Assert.Contains("<strong>Høringsfrist:</strong>", html);
        Assert.Contains("<li>et</li>", html);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_markdown_gives_empty_html(string? markdown)
    {
        // Act
        var html = _renderer.Render(markdown).Value;

        // Assert
        Assert.Equal("", html);
    }

    [Fact]
    public void Script_tags_are_not_rendered()
    {
        // Act
        var html = _renderer.Render("Hej <script>alert('x')</script> <img src=x onerror=alert(1)>").Value;

        // Assert
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("[klik](javascript:alert(1))")]
    [InlineData("[klik](JavaScript:alert(1))")]
    [InlineData("[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    [InlineData("[klik](vbscript:msgbox(1))")]
    public void Script_links_are_removed(string markdown)
    {
        // Act
        var html = _renderer.Render(markdown).Value;

        // Assert
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("vbscript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("klik", html);
    }

    [Theory]
    [InlineData("[strategien](https://boegeby.example/strategi.pdf)", "https://boegeby.example/strategi.pdf")]
    [InlineData("Se https://boegeby.example/x", "https://boegeby.example/x")]
    public void Links_open_in_a_new_tab_with_rel_noopener(string markdown, string href)
    {
        // Act
        var html = _renderer.Render(markdown).Value;

        // Assert
        Assert.Contains($"href=\"{href}\"", html);
        Assert.Contains("rel=\"noopener noreferrer\"", html);
        Assert.Contains("target=\"_blank\"", html);
    }
}
