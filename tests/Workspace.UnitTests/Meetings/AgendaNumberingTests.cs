using Workspace.Data.Entities;
using Workspace.Web.Features.Meetings;

namespace Workspace.UnitTests.Meetings;

public sealed class AgendaNumberingTests
{
    private static AgendaItem Item(int number, string title, AgendaItem? parent = null) =>
        new() { Number = number, Title = title, ParentId = parent?.Id };

    [Fact]
    public void Items_and_sub_items_are_numbered_1_2_3_3a_3b_4_in_order_of_number()
    {
        // Arrange: given out of order, as a database may return them
        var one = Item(1, "Godkendelse af dagsorden");
        var two = Item(2, "Godkendelse af referat");
        var three = Item(3, "Orientering fra formanden");
        var threeB = Item(2, "Valg til rådet", three);
        var threeA = Item(1, "Fællesmøde", three);
        var four = Item(4, "Eventuelt");
        AgendaItem[] items = [four, threeB, two, threeA, one, three];

        // Act
        var numbered = AgendaNumbering.InOrder(items).Select(n => (n.Item.Title, n.Number)).ToList();

        // Assert
        Assert.Equal(
            [
                ("Godkendelse af dagsorden", "1"),
                ("Godkendelse af referat", "2"),
                ("Orientering fra formanden", "3"),
                ("Fællesmøde", "3a"),
                ("Valg til rådet", "3b"),
                ("Eventuelt", "4"),
            ],
            numbered);
    }

    [Fact]
    public void Shown_numbers_are_positions_so_gaps_in_stored_numbers_do_not_show()
    {
        // Arrange
        var first = Item(10, "A");
        var second = Item(20, "B");
        var sub = Item(7, "B sub", second);

        // Act
        var numbers = AgendaNumbering.InOrder([second, sub, first]).Select(n => n.Number).ToList();

        // Assert
        Assert.Equal(["1", "2", "2a"], numbers);
    }

    [Fact]
    public void Empty_agenda_gives_no_numbers()
    {
        // Arrange
        AgendaItem[] items = [];

        // Act
        var numbered = AgendaNumbering.InOrder(items).ToList();

        // Assert
        Assert.Empty(numbered);
    }

    [Theory]
    [InlineData(0, "a")]
    [InlineData(1, "b")]
    [InlineData(25, "z")]
    [InlineData(26, "aa")]
    [InlineData(27, "ab")]
    [InlineData(51, "az")]
    [InlineData(52, "ba")]
    [InlineData(701, "zz")]
    [InlineData(702, "aaa")]
    public void Sub_letters_go_a_to_z_then_aa_ab(int index, string expected)
    {
        // Act
        var letter = AgendaNumbering.SubLetter(index);

        // Assert
        Assert.Equal(expected, letter);
    }

    [Fact]
    public void Sub_letters_are_distinct_and_in_agenda_order_beyond_z()
    {
        // Arrange
        var indexes = Enumerable.Range(0, 800);

        // Act
        var letters = indexes.Select(AgendaNumbering.SubLetter).ToList();

        // Assert
        Assert.Equal(letters.Count, letters.Distinct().Count());
        Assert.Equal(letters, letters.OrderBy(l => l.Length).ThenBy(l => l, StringComparer.Ordinal));
    }
}
