using Workspace.Web.Features.Account;

namespace Workspace.UnitTests.Account;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/meetings/123")]
    [InlineData("/councils/abc?tab=meetings#top")]
    public void Local_paths_are_kept(string url)
    {
        // Act
        var result = LocalUrl.OrHome(url);

        // Assert
        Assert.Equal(url, result);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("http://evil.example/path")]
    [InlineData("javascript:alert(1)")]
    [InlineData("evil.example")]
    [InlineData("\\\\evil.example")]
    public void Anything_that_could_leave_the_app_becomes_home(string? url)
    {
        // Act
        var result = LocalUrl.OrHome(url);

        // Assert
        Assert.Equal("/", result);
    }
}
