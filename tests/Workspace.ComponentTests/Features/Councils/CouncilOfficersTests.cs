using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Web.Features.Attendance;
using Workspace.Web.Features.Councils;
using Workspace.Web.Features.Members;

namespace Workspace.ComponentTests.Features.Councils;

/// <summary>
/// The council page lists the council as it is today: a chair or vice chair whose term has ended leaves the post vacant
/// ("Formand: ledig"); the administration still sees the seat, marked, on the members page.
/// </summary>
public sealed class CouncilOfficersTests : ComponentTestContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public void Council_page_names_the_chair_and_vice_chair()
    {
        // Arrange
        SignInAs("Mia Kragh");

        // Act
        var cut = Render<CouncilPage>(p => p.Add(x => x.CouncilId, CouncilId("Udsatterådet")));
        cut.WaitForElement("[data-testid=council-officers]");

        // Assert
        Assert.Equal("Formand: Gitte Holmgaard", cut.Find("[data-testid=chair]").TextContent);
        Assert.Equal("Næstformand: Jens Vestergaard", cut.Find("[data-testid=vice-chair]").TextContent);
    }

    [Fact]
    public void Vice_chair_whose_term_has_ended_leaves_the_post_vacant_and_is_not_listed()
    {
        // Arrange: the demo's vice chair of Handicaprådet, Preben Nørgaard, left the council this year
        SignInAs("Hanne Winther");

        // Act
        var cut = Render<CouncilPage>(p => p.Add(x => x.CouncilId, CouncilId("Handicaprådet")));
        cut.WaitForElement("[data-testid=council-officers]");

        // Assert
        Assert.Equal("Formand: Hanne Winther", cut.Find("[data-testid=chair]").TextContent);
        Assert.Equal("Næstformand: ledig", cut.Find("[data-testid=vice-chair]").TextContent);
        Assert.DoesNotContain("Preben Nørgaard", cut.Find("ul.people-list").TextContent);
    }

    [Fact]
    public async Task Chair_whose_term_ended_yesterday_shows_as_vacant()
    {
        // Arrange
        SignInAs("Mia Kragh");
        await using (var db = CreateDbContext())
        {
            var yesterday = Term.DayOf(DateTimeOffset.UtcNow).AddDays(-1);
            await db.Memberships.Where(m => m.Person!.Name == "Gitte Holmgaard")
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.TermEnd, yesterday), Ct);
        }

        // Act
        var cut = Render<CouncilPage>(p => p.Add(x => x.CouncilId, CouncilId("Udsatterådet")));
        cut.WaitForElement("[data-testid=council-officers]");

        // Assert
        Assert.Equal("Formand: ledig", cut.Find("[data-testid=chair]").TextContent);
        Assert.Equal(9, PeopleRows.Of(cut.FindAll("ul.people-list")[0]).Count);
    }

    [Fact]
    public void Administration_sees_the_former_vice_chair_on_the_members_page_marked_as_ended()
    {
        // Arrange
        SignInAs("Lone Frandsen");

        // Act
        var cut = Render<MembersPage>(p => p.Add(x => x.CouncilId, CouncilId("Handicaprådet")));
        cut.WaitForElement("[data-testid=roster-member]");

        // Assert
        var preben = cut.Find("[data-testid=roster-row][data-person='Preben Nørgaard']");
        Assert.Equal("Valgperioden er udløbet", preben.QuerySelector("[data-testid=term-note]")!.TextContent.Trim());
        Assert.Null(cut.Find("[data-testid=roster-row][data-person='Hanne Winther']").QuerySelector("[data-testid=term-note]"));
    }

    [Fact]
    public void Statistics_offer_every_year_with_a_held_meeting()
    {
        // Arrange: Handicaprådet held a meeting a year ago
        SignInAs("Hanne Winther");
        var lastYear = Term.DayOf(DateTimeOffset.UtcNow.AddDays(-365)).Year;

        // Act
        var cut = Render<AttendanceStatisticsPage>(p => p.Add(x => x.CouncilId, CouncilId("Handicaprådet")));
        cut.WaitForElement("h1");

        // Assert
        var years = cut.FindComponents<MudSelectItem<int>>().Select(i => i.Instance.Value).ToList();
        Assert.Contains(lastYear, years);
        Assert.Equal(years.OrderDescending(), years);
    }
}
