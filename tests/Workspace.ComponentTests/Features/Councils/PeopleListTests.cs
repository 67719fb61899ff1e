using Workspace.ComponentTests.Infrastructure;
using Workspace.Web.Features.Councils;

namespace Workspace.ComponentTests.Features.Councils;

public sealed class PeopleListTests : ComponentTestContext
{
    [Fact]
    public void Substitutes_are_listed_in_their_order_with_numbers()
    {
        // Arrange
        IReadOnlyList<CouncilPerson> substitutes =
        [
            Person("Carsten Lykke", "Foreningen Gadens Stemme", substituteOrder: 1),
            Person("Martin Rosendahl", "Café Lyspunktet", substituteOrder: 2),
            Person("Birgitte Wendt", "Retshjælpen Bøgeby", substituteOrder: 3),
        ];

        // Act
        var cut = Render<PeopleList>(p => p.Add(x => x.People, substitutes).Add(x => x.Ordered, true));

        // Assert
        Assert.Equal(
            ["1. Carsten Lykke (Foreningen Gadens Stemme)", "2. Martin Rosendahl (Café Lyspunktet)", "3. Birgitte Wendt (Retshjælpen Bøgeby)"],
            cut.FindAll("li").Select(PeopleRows.Row));
    }

    [Fact]
    public void Unordered_list_shows_no_numbers()
    {
        // Arrange
        IReadOnlyList<CouncilPerson> people = [Person("Carsten Lykke", "Foreningen Gadens Stemme", substituteOrder: 1)];

        // Act
        var cut = Render<PeopleList>(p => p.Add(x => x.People, people));

        // Assert
        Assert.Empty(cut.FindAll(".order"));
        Assert.Equal("Carsten Lykke (Foreningen Gadens Stemme)", PeopleRows.Row(cut.Find("li")));
    }

    [Fact]
    public void Chair_and_vice_chair_get_Danish_chips()
    {
        // Arrange
        IReadOnlyList<CouncilPerson> members =
        [
            Person("Gitte Holmgaard", "Café Lyspunktet", chair: true),
            Person("Jens Vestergaard", "Foreningen Gadens Stemme", viceChair: true),
            Person("Mia Kragh", "Bøgeby Værested"),
        ];

        // Act
        var cut = Render<PeopleList>(p => p.Add(x => x.People, members));

        // Assert
        var rows = cut.FindAll("li");
        Assert.Equal("Formand", rows[0].QuerySelector(".mud-chip")?.TextContent.Trim());
        Assert.Equal("Næstformand", rows[1].QuerySelector(".mud-chip")?.TextContent.Trim());
        Assert.Null(rows[2].QuerySelector(".mud-chip"));
    }

    [Fact]
    public void Administration_shows_title_when_there_is_no_organisation()
    {
        // Arrange
        IReadOnlyList<CouncilPerson> people = [Person("Iben Sørensen", organisation: null, title: "Sekretær, Socialforvaltningen")];

        // Act
        var cut = Render<PeopleList>(p => p.Add(x => x.People, people));

        // Assert
        Assert.Equal("Iben Sørensen (Sekretær, Socialforvaltningen)", PeopleRows.Row(cut.Find("li")));
    }

    [Fact]
    public void Empty_list_shows_the_empty_text()
    {
        // Arrange, Act
        var cut = Render<PeopleList>(p => p.Add(x => x.People, []).Add(x => x.EmptyText, "Rådet har ingen suppleanter."));

        // Assert
        Assert.Empty(cut.FindAll("ul"));
        Assert.Contains("Rådet har ingen suppleanter.", cut.Markup);
    }

    private static CouncilPerson Person(string name, string? organisation, bool chair = false, bool viceChair = false, int? substituteOrder = null, string? title = null) =>
        new(Guid.NewGuid(), name, organisation, title, chair, viceChair, substituteOrder, new DateOnly(2026, 1, 1), new DateOnly(2029, 12, 31));
}
