using Workspace.ComponentTests.Infrastructure;
using Workspace.Web.Features.Councils;

namespace Workspace.ComponentTests.Features.Councils;

public sealed class CouncilPageTests : ComponentTestContext
{
    [Fact]
    public void Member_sees_members_with_organisation_substitutes_in_order_and_administration()
    {
        // Arrange
        SignInAs("Mia Kragh");
        var councilId = CouncilId("Udsatterådet");

        // Act
        var cut = Render<CouncilPage>(p => p.Add(x => x.CouncilId, councilId));
        cut.WaitForElement("h1");

        // Assert
        Assert.Equal("Udsatterådet", cut.Find("h1").TextContent.Trim());
        var lists = cut.FindAll("ul.people-list");
        Assert.Equal(3, lists.Count);

        var members = PeopleRows.Of(lists[0]);
        Assert.Equal(10, members.Count);
        Assert.Equal("Gitte Holmgaard (Café Lyspunktet) Formand", members[0]);
        Assert.Equal("Jens Vestergaard (Foreningen Gadens Stemme) Næstformand", members[1]);
        Assert.Contains("Mia Kragh (Bøgeby Værested)", members);

        Assert.Equal(
            ["1. Carsten Lykke (Foreningen Gadens Stemme)", "2. Martin Rosendahl (Café Lyspunktet)", "3. Birgitte Wendt (Retshjælpen Bøgeby)"],
            PeopleRows.Of(lists[1]));
        Assert.Equal(
            ["Iben Sørensen (Sekretær, Socialforvaltningen)", "Thomas Lindberg (Områdeleder, Socialpsykiatrien)"],
            PeopleRows.Of(lists[2]));
    }

    [Fact]
    public void Member_cannot_create_meetings()
    {
        // Arrange
        SignInAs("Mia Kragh");
        var councilId = CouncilId("Udsatterådet");

        // Act
        var cut = Render<CouncilPage>(p => p.Add(x => x.CouncilId, councilId));
        cut.WaitForElement("h1");

        // Assert
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Trim() == "Nyt møde");
    }

    [Fact]
    public void Administration_can_create_meetings()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var councilId = CouncilId("Udsatterådet");

        // Act
        var cut = Render<CouncilPage>(p => p.Add(x => x.CouncilId, councilId));
        cut.WaitForElement("h1");

        // Assert
        Assert.Single(cut.FindAll("button"), b => b.TextContent.Trim() == "Nyt møde");
    }

    [Fact]
    public void Member_of_another_council_gets_not_found()
    {
        // Arrange
        SignInAs("Hanne Winther");
        var councilId = CouncilId("Udsatterådet");

        // Act
        var cut = Render<CouncilPage>(p => p.Add(x => x.CouncilId, councilId));

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("Siden blev ikke fundet", cut.Markup));
        Assert.Empty(cut.FindAll("ul.people-list"));
        Assert.DoesNotContain("Gitte Holmgaard", cut.Markup);
    }
}
