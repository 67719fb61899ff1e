using Workspace.ComponentTests.Infrastructure;
using Workspace.Web.Features.Councils;

namespace Workspace.ComponentTests.Features.Councils;

public sealed class HomeTests : ComponentTestContext
{
    [Fact]
    public void Member_is_welcomed_and_sees_only_own_council_with_upcoming_meetings()
    {
        // Arrange
        SignInAs("Mia Kragh");

        // Act
        var cut = Render<Home>();
        cut.WaitForElement("h2");

        // Assert
        Assert.Equal("Velkommen, Mia Kragh", cut.Find("h1").TextContent.Trim());
        Assert.Equal(["Udsatterådet"], cut.FindAll(".mud-card h2").Select(h => h.TextContent.Trim()));
        Assert.Contains("Bøgeby Kommune · Medlem", cut.Markup);
        var upcoming = cut.FindAll("ul.meeting-list li");
        Assert.Equal(2, upcoming.Count);
        Assert.All(upcoming, li => Assert.Contains("Udsatterådets møde", li.TextContent));
    }

    [Fact]
    public void Chair_of_another_council_sees_that_council_as_chair()
    {
        // Arrange
        SignInAs("Hanne Winther");

        // Act
        var cut = Render<Home>();
        cut.WaitForElement("h2");

        // Assert
        Assert.Equal(["Handicaprådet"], cut.FindAll(".mud-card h2").Select(h => h.TextContent.Trim()));
        Assert.Contains("Bøgeby Kommune · Formand", cut.Markup);
        Assert.DoesNotContain("Udsatterådet", cut.Markup);
        // The demo's running meeting first, marked as running; the next one after it, not marked.
        var upcoming = cut.FindAll("ul.meeting-list li");
        Assert.Equal(2, upcoming.Count);
        Assert.Contains("Handicaprådets ekstraordinære møde", upcoming[0].TextContent);
        Assert.Equal("I gang", upcoming[0].QuerySelector("[data-testid=home-meeting-running]")?.TextContent.Trim());
        Assert.Null(upcoming[1].QuerySelector("[data-testid=home-meeting-running]"));
    }
}
