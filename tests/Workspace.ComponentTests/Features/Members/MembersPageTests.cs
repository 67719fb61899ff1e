using AngleSharp.Dom;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Data.Entities;
using Workspace.Web.Features.Councils;
using Workspace.Web.Features.Members;

namespace Workspace.ComponentTests.Features.Members;

public sealed class MembersPageTests : ComponentTestContext
{
    [Fact]
    public void Administration_sees_members_substitutes_in_order_and_administration_with_actions_named_for_each_person()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var councilId = CouncilId("Udsatterådet");

        // Act
        var cut = Render<MembersPage>(p => p.Add(x => x.CouncilId, councilId));
        cut.WaitForElement("h1");

        // Assert
        Assert.Equal("Medlemmer og forvaltning", cut.Find("h1").TextContent.Trim());
        Assert.Equal(["Medlemmer", "Suppleanter", "Forvaltningen"], cut.FindAll("h2").Select(h => h.TextContent.Trim()));

        var members = Names(cut, "roster-member");
        Assert.Equal(10, members.Count);
        Assert.Equal(["Gitte Holmgaard", "Jens Vestergaard"], members.Take(2));
        Assert.Contains("Formand", Row(cut, "roster-member", "Gitte Holmgaard").TextContent);
        Assert.Equal(["1 Carsten Lykke", "2 Martin Rosendahl", "3 Birgitte Wendt"],
            Rows(cut, "roster-substitute").Select(r => $"{r.QuerySelector("td")!.TextContent.Trim()} {r.GetAttribute("data-person")}"));
        Assert.Equal(["Iben Sørensen", "Thomas Lindberg"], Names(cut, "roster-administration"));

        var gitte = Row(cut, "roster-member", "Gitte Holmgaard");
        Assert.NotNull(gitte.QuerySelector("button[aria-label='Redigér Gitte Holmgaard']"));
        Assert.NotNull(gitte.QuerySelector("button[aria-label='Fjern Gitte Holmgaard']"));
        Assert.NotNull(gitte.QuerySelector("button[aria-label='Send invitation til Gitte Holmgaard']"));
        Assert.Equal("Ikke logget ind endnu", gitte.QuerySelector("[data-testid=sign-in-status]")!.TextContent.Trim());
        Assert.Equal("Ikke inviteret", gitte.QuerySelector("[data-testid=invited-at]")!.TextContent.Trim());
        Assert.Equal(3, cut.FindAll("button").Count(b => b.TextContent.Trim() is "Tilføj medlem" or "Tilføj suppleant" or "Tilføj medarbejder"));
    }

    [Fact]
    public void Member_of_the_council_gets_no_access_and_sees_no_one()
    {
        // Arrange
        SignInAs("Mia Kragh");
        var councilId = CouncilId("Udsatterådet");

        // Act
        var cut = Render<MembersPage>(p => p.Add(x => x.CouncilId, councilId));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("Ingen adgang", cut.Find("h1").TextContent.Trim()));
        Assert.Contains("Kun rådets forvaltning kan administrere medlemmer.", cut.Markup);
        Assert.Empty(cut.FindAll("table"));
    }

    [Fact]
    public void Chair_of_another_council_gets_not_found()
    {
        // Arrange
        SignInAs("Hanne Winther");
        var councilId = CouncilId("Udsatterådet");

        // Act
        var cut = Render<MembersPage>(p => p.Add(x => x.CouncilId, councilId));

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("Siden blev ikke fundet", cut.Markup));
        Assert.DoesNotContain("Gitte Holmgaard", cut.Markup);
    }

    [Fact]
    public async Task Moving_a_substitute_down_reorders_saves_and_announces_the_new_place()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var councilId = CouncilId("Udsatterådet");
        var cut = Render<MembersPage>(p => p.Add(x => x.CouncilId, councilId));
        cut.WaitForElement("[data-testid=roster-substitute]");

        // Act
        await Row(cut, "roster-substitute", "Carsten Lykke").QuerySelector("[data-testid=move-down]")!.ClickAsync(new MouseEventArgs());

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(["Martin Rosendahl", "Carsten Lykke", "Birgitte Wendt"], Names(cut, "roster-substitute")));
        Assert.Equal("Carsten Lykke er nu suppleant nr. 2 af 3.", cut.Find("[data-testid=members-announcer]").TextContent.Trim());
        await using var db = CreateDbContext();
        var saved = await db.Memberships
            .Where(m => m.CouncilId == councilId && m.Kind == MembershipKind.Substitute)
            .OrderBy(m => m.SubstituteOrder)
            .Select(m => m.Person!.Name)
            .ToListAsync(Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(["Martin Rosendahl", "Carsten Lykke", "Birgitte Wendt"], saved);
    }

    [Theory]
    [InlineData("Iben Sørensen", true)]
    [InlineData("Gitte Holmgaard", false)]
    [InlineData("Carsten Lykke", false)]
    public void Council_page_links_to_the_members_page_for_the_administration_only(string person, bool linked)
    {
        // Arrange
        SignInAs(person);
        var councilId = CouncilId("Udsatterådet");

        // Act
        var cut = Render<CouncilPage>(p => p.Add(x => x.CouncilId, councilId));
        cut.WaitForElement("h1");

        // Assert
        var links = cut.FindAll($"a[href='/councils/{councilId}/members']");
        Assert.Equal(linked ? 1 : 0, links.Count);
        Assert.All(links, link => Assert.Equal("Medlemmer og forvaltning", link.TextContent.Trim()));
    }

    private static List<IElement> Rows(IRenderedComponent<MembersPage> cut, string table) =>
        cut.FindAll($"[data-testid={table}] tr[data-testid=roster-row]").ToList();

    private static List<string> Names(IRenderedComponent<MembersPage> cut, string table) =>
        Rows(cut, table).Select(r => r.GetAttribute("data-person")!).ToList();

    private static IElement Row(IRenderedComponent<MembersPage> cut, string table, string name) =>
        Rows(cut, table).Single(r => r.GetAttribute("data-person") == name);
}
