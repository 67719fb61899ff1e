using Workspace.Web.Features.Agenda;

namespace Workspace.UnitTests.Agenda;

public sealed class AgendaOrderTests
{
    /// <summary>Builds an agenda from a compact outline: "1", "2", "2a", "2b", "3" ...</summary>
    private static (List<AgendaSlot> Slots, Dictionary<string, Guid> Ids) Outline(params string[] numbers)
    {
        var ids = numbers.ToDictionary(n => n, _ => Guid.NewGuid());
        var slots = numbers.Select(n => char.IsLetter(n[^1])
                ? new AgendaSlot(ids[n], ids[n[..^1]], n[^1] - 'a' + 1)
                : new AgendaSlot(ids[n], null, int.Parse(n, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        return (slots, ids);
    }

    /// <summary>The shown numbers, in order, with each item named by its original number.</summary>
    private static string Shown(IReadOnlyList<AgendaSlot> slots, Dictionary<string, Guid> ids)
    {
        var names = ids.ToDictionary(p => p.Value, p => p.Key);
        var parts = new List<string>();
        var main = 0;
        foreach (var slot in slots)
        {
            if (slot.ParentId is null)
            {
                main++;
                Assert.Equal(main, slot.Number);
                parts.Add($"{main}={names[slot.Id]}");
            }
            else
            {
                parts.Add($"{main}{(char)('a' + slot.Number - 1)}={names[slot.Id]}");
            }
        }
        return string.Join(" ", parts);
    }

    [Fact]
    public void Moving_an_item_up_swaps_it_with_the_one_above()
    {
        // Arrange
        var (slots, ids) = Outline("1", "2", "3");

        // Act
        var moved = AgendaOrder.Step(slots, ids["3"], AgendaDirection.Up)!;

        // Assert
        Assert.Equal("1=1 2=3 3=2", Shown(moved, ids));
    }

    [Fact]
    public void A_main_item_moves_with_its_sub_items()
    {
        // Arrange
        var (slots, ids) = Outline("1", "2", "2a", "2b", "3");

        // Act
        var moved = AgendaOrder.Step(slots, ids["2"], AgendaDirection.Down)!;

        // Assert
        Assert.Equal("1=1 2=3 3=2 3a=2a 3b=2b", Shown(moved, ids));
    }

    [Fact]
    public void Indent_makes_an_item_the_last_sub_item_of_the_item_above()
    {
        // Arrange
        var (slots, ids) = Outline("1", "2", "2a", "3", "4");

        // Act
        var moved = AgendaOrder.Step(slots, ids["3"], AgendaDirection.Indent)!;

        // Assert
        Assert.Equal("1=1 2=2 2a=2a 2b=3 3=4", Shown(moved, ids));
    }

    [Fact]
    public void Outdent_makes_a_sub_item_a_main_item_right_after_its_parent_and_closes_the_gap()
    {
        // Arrange
        var (slots, ids) = Outline("1", "2", "2a", "2b", "2c", "3");

        // Act
        var moved = AgendaOrder.Step(slots, ids["2b"], AgendaDirection.Outdent)!;

        // Assert
        Assert.Equal("1=1 2=2 2a=2a 2b=2c 3=2b 4=3", Shown(moved, ids));
    }

    [Theory]
    [InlineData("1", AgendaDirection.Up)]
    [InlineData("3", AgendaDirection.Down)]
    [InlineData("1", AgendaDirection.Indent)]
    [InlineData("2", AgendaDirection.Outdent)]
    [InlineData("2a", AgendaDirection.Up)]
    public void Impossible_keyboard_moves_change_nothing(string number, AgendaDirection direction)
    {
        // Arrange
        var (slots, ids) = Outline("1", "2", "2a", "3");

        // Act
        var moved = AgendaOrder.Step(slots, ids[number], direction);

        // Assert
        Assert.Null(moved);
    }

    [Fact]
    public void An_item_with_sub_items_cannot_be_indented()
    {
        // Arrange
        var (slots, ids) = Outline("1", "2", "2a");

        // Act
        var moved = AgendaOrder.Step(slots, ids["2"], AgendaDirection.Indent);

        // Assert
        Assert.Null(moved);
    }

    [Fact]
    public void Dropping_an_item_downwards_places_it_after_the_target()
    {
        // Arrange
        var (slots, ids) = Outline("1", "2", "3", "4");

        // Act
        var moved = AgendaOrder.MoveOnto(slots, ids["1"], ids["3"]);

        // Assert
        Assert.Equal("1=2 2=3 3=1 4=4", Shown(moved, ids));
    }

    [Fact]
    public void Dropping_an_item_upwards_places_it_before_the_target()
    {
        // Arrange
        var (slots, ids) = Outline("1", "2", "3", "4");

        // Act
        var moved = AgendaOrder.MoveOnto(slots, ids["4"], ids["2"]);

        // Assert
        Assert.Equal("1=1 2=4 3=2 4=3", Shown(moved, ids));
    }

    [Fact]
    public void Dropping_a_main_item_on_a_sub_item_makes_it_a_sub_item_there()
    {
        // Arrange
        var (slots, ids) = Outline("1", "2", "2a", "2b", "3");

        // Act
        var moved = AgendaOrder.MoveOnto(slots, ids["3"], ids["2b"]);

        // Assert
        Assert.Equal("1=1 2=2 2a=2a 2b=3 2c=2b", Shown(moved, ids));
    }

    [Fact]
    public void Dropping_a_main_item_with_sub_items_on_a_sub_item_is_refused()
    {
        // Arrange
        var (slots, ids) = Outline("1", "1a", "2", "2a");

        // Act
        var thrown = Record.Exception(() => AgendaOrder.MoveOnto(slots, ids["2"], ids["1a"]));

        // Assert
        Assert.Equal("Agenda.HasSubItems", Assert.IsType<AgendaOrderException>(thrown).MessageKey);
    }

    [Fact]
    public void Removing_an_item_removes_its_sub_items_and_closes_the_gap()
    {
        // Arrange
        var (slots, ids) = Outline("1", "2", "2a", "3", "4");

        // Act
        var remaining = AgendaOrder.Remove(slots, ids["2"]);

        // Assert
        Assert.Equal("1=1 2=3 3=4", Shown(remaining, ids));
    }

    [Fact]
    public void Removing_a_sub_item_renumbers_its_siblings()
    {
        // Arrange
        var (slots, ids) = Outline("1", "1a", "1b", "1c");

        // Act
        var remaining = AgendaOrder.Remove(slots, ids["1a"]);

        // Assert
        Assert.Equal("1=1 1a=1b 1b=1c", Shown(remaining, ids));
    }

    [Fact]
    public void A_new_item_gets_the_next_number_of_its_parent()
    {
        // Arrange
        var (slots, ids) = Outline("1", "2", "2a", "2b", "3");

        // Act
        var nextMain = AgendaOrder.NextNumber(slots, null);
        var nextSub = AgendaOrder.NextNumber(slots, ids["2"]);
        var firstSub = AgendaOrder.NextNumber(slots, ids["3"]);

        // Assert
        Assert.Equal((4, 3, 1), (nextMain, nextSub, firstSub));
    }

    /// <summary>Any sequence of moves keeps every item, one level deep, numbered 1..n without gaps in every parent.</summary>
    [Fact]
    public void Random_moves_keep_numbering_gapless_and_lose_no_item()
    {
        // Arrange
        var random = new Random(20261123);
        var (slots, ids) = Outline("1", "2", "2a", "2b", "3", "4", "4a", "5", "6", "7");
        IReadOnlyList<AgendaSlot> current = slots;

        for (var step = 0; step < 2000; step++)
        {
            // Act
            var item = current[random.Next(current.Count)].Id;
            if (random.Next(3) == 0)
            {
                var target = current[random.Next(current.Count)].Id;
                try
                {
                    current = AgendaOrder.MoveOnto(current, item, target);
                }
                catch (AgendaOrderException)
                {
                    // Refused moves leave the agenda as it was.
                }
            }
            else
            {
                current = AgendaOrder.Step(current, item, (AgendaDirection)random.Next(4)) ?? current;
            }

            // Assert
            Assert.Equal(ids.Count, current.Count);
            Assert.Equal(ids.Values.Order(), current.Select(s => s.Id).Order());
            foreach (var group in current.GroupBy(s => s.ParentId))
            {
                Assert.Equal(Enumerable.Range(1, group.Count()), group.Select(s => s.Number).Order());
            }
            var parents = current.Where(s => s.ParentId is not null).Select(s => s.ParentId!.Value).ToHashSet();
            Assert.All(current.Where(s => parents.Contains(s.Id)), p => Assert.Null(p.ParentId));
        }
    }
}
