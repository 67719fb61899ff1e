using Workspace.Data.Entities;
using Workspace.Web.Features.Meetings;

namespace Workspace.UnitTests.Meetings;

public sealed class ItemFieldMergeTests
{
    private static AgendaItemInput Opened() => new()
    {
        Title = "Budget 2027",
        Presenter = "Thomas Lindberg",
        AllottedMinutes = 20,
        Kind = AgendaItemKind.Discussion,
        Background = "Forvaltningen orienterer.",
    };

    private static AgendaItemInput Changed(Action<AgendaItemInput> change)
    {
        var input = Opened();
        change(input);
        return input;
    }

    [Fact]
    public void Fields_only_the_user_changed_take_the_users_value()
    {
        // Act
        var (merged, conflicts) = ItemFieldMerge.Merge(Opened(), Changed(i => i.Title = "Budget 2027-2030"), Opened());

        // Assert
        Assert.Empty(conflicts);
        Assert.Equal("Budget 2027-2030", merged.Title);
    }

    [Fact]
    public void Fields_only_a_colleague_changed_keep_the_colleagues_value()
    {
        // Act
        var (merged, conflicts) = ItemFieldMerge.Merge(Opened(), Changed(i => i.Title = "Budget 2027-2030"), Changed(i => i.Decision = "Taget til efterretning."));

        // Assert
        Assert.Empty(conflicts);
        Assert.Equal("Budget 2027-2030", merged.Title);
        Assert.Equal("Taget til efterretning.", merged.Decision);
    }

    [Fact]
    public void The_same_field_changed_differently_is_a_conflict_with_their_text()
    {
        // Act
        var (_, conflicts) = ItemFieldMerge.Merge(Opened(), Changed(i => i.Background = "Min tekst"), Changed(i => i.Background = "Deres tekst"));

        // Assert
        var conflict = Assert.Single(conflicts);
        Assert.Equal((nameof(AgendaItemInput.Background), "Deres tekst"), (conflict.Field, conflict.TheirValue));
    }

    [Fact]
    public void The_same_change_made_by_both_is_not_a_conflict()
    {
        // Act
        var (merged, conflicts) = ItemFieldMerge.Merge(Opened(), Changed(i => i.AllottedMinutes = 30), Changed(i => i.AllottedMinutes = 30));

        // Assert
        Assert.Empty(conflicts);
        Assert.Equal(30, merged.AllottedMinutes);
    }

    [Fact]
    public void Whitespace_and_line_endings_alone_are_not_changes()
    {
        // Act
        var (merged, conflicts) = ItemFieldMerge.Merge(
            Changed(i => i.Background = "Linje 1\nLinje 2"),
            Changed(i => i.Background = "Linje 1\r\nLinje 2  "),
            Changed(i => i.Background = "Ny tekst fra en kollega"));

        // Assert
        Assert.Empty(conflicts);
        Assert.Equal("Ny tekst fra en kollega", merged.Background);
    }

    [Fact]
    public void A_choice_field_conflict_has_no_text_to_show()
    {
        // Act
        var (_, conflicts) = ItemFieldMerge.Merge(Opened(), Changed(i => i.Kind = AgendaItemKind.Decision), Changed(i => i.Kind = AgendaItemKind.Hearing));

        // Assert
        var conflict = Assert.Single(conflicts);
        Assert.Equal(nameof(AgendaItemInput.Kind), conflict.Field);
        Assert.Null(conflict.TheirValue);
    }
}
