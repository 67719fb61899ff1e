using Workspace.Data.Entities;
using Workspace.Web.Features.Agenda;
using Workspace.Web.Features.Meetings;

namespace Workspace.UnitTests.Agenda;

/// <summary>Section headings, pauses and end items in the agenda's ordering, numbering, timeline and grouping rules.</summary>
public sealed class AgendaShapeTests
{
    private static readonly DateTimeOffset Start = new(2027, 1, 14, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_new_entry_goes_before_the_trailing_end_entries_only()
    {
        // Arrange: 1, END moved up by hand, 3, END, END, and the new entry numbered last
        var endMovedUp = new AgendaSlot(Guid.NewGuid(), null, 2, AtEnd: true);
        var next = new AgendaSlot(Guid.NewGuid(), null, 4, AtEnd: true);
        var other = new AgendaSlot(Guid.NewGuid(), null, 5, AtEnd: true);
        var added = new AgendaSlot(Guid.NewGuid(), null, 6);
        AgendaSlot[] slots = [new(Guid.NewGuid(), null, 1), endMovedUp, new(Guid.NewGuid(), null, 3), next, other, added];

        // Act
        var placed = AgendaOrder.BeforeEndEntries(slots, added.Id);

        // Assert
        Assert.Equal(4, placed.Single(s => s.Id == added.Id).Number);
        Assert.Equal((2, 5, 6), (placed.Single(s => s.Id == endMovedUp.Id).Number, placed.Single(s => s.Id == next.Id).Number, placed.Single(s => s.Id == other.Id).Number));
    }

    [Fact]
    public void An_item_moved_into_a_section_goes_last_in_it_and_under_the_last_heading_before_the_end_entries()
    {
        // Arrange: item, §A, a1, §B, b1, END
        var item = new AgendaSlot(Guid.NewGuid(), null, 1);
        var sectionA = new AgendaSlot(Guid.NewGuid(), null, 2, AgendaItemLayout.Section);
        var a1 = new AgendaSlot(Guid.NewGuid(), null, 3);
        var sectionB = new AgendaSlot(Guid.NewGuid(), null, 4, AgendaItemLayout.Section);
        var b1 = new AgendaSlot(Guid.NewGuid(), null, 5);
        var end = new AgendaSlot(Guid.NewGuid(), null, 6, AtEnd: true);
        AgendaSlot[] slots = [item, sectionA, a1, sectionB, b1, end];

        // Act
        var intoA = AgendaOrder.IntoSection(slots, item.Id, sectionA.Id);
        var intoB = AgendaOrder.IntoSection(slots, item.Id, sectionB.Id);

        // Assert
        Assert.Equal([sectionA.Id, a1.Id, item.Id, sectionB.Id, b1.Id, end.Id], intoA.Select(s => s.Id));
        Assert.Equal([sectionA.Id, a1.Id, sectionB.Id, b1.Id, item.Id, end.Id], intoB.Select(s => s.Id));
        Assert.Equal("Agenda.NoSuchSection", Assert.Throws<AgendaOrderException>(() => AgendaOrder.IntoSection(slots, item.Id, b1.Id)).MessageKey);
    }

    [Fact]
    public void Headings_and_pauses_never_hold_or_become_sub_items()
    {
        // Arrange
        var item = new AgendaSlot(Guid.NewGuid(), null, 1);
        var heading = new AgendaSlot(Guid.NewGuid(), null, 2, AgendaItemLayout.Section);
        var below = new AgendaSlot(Guid.NewGuid(), null, 3);
        AgendaSlot[] slots = [item, heading, below];

        // Act
        var headingIndented = AgendaOrder.Step(slots, heading.Id, AgendaDirection.Indent);
        var itemUnderHeading = AgendaOrder.Step(slots, below.Id, AgendaDirection.Indent);
        var dropped = Assert.Throws<AgendaOrderException>(() => AgendaOrder.Move(slots, below.Id, heading.Id, 0));

        // Assert
        Assert.Null(headingIndented);
        Assert.Null(itemUnderHeading);
        Assert.Equal("Agenda.HeadingsStayMain", dropped.MessageKey);
    }

    [Fact]
    public void Numbers_skip_headings_and_pauses_and_keep_sub_item_letters()
    {
        // Arrange
        var meeting = Guid.NewGuid();
        var decisions = Entry(meeting, 1, "Beslutningspunkter", AgendaItemLayout.Section);
        var budget = Entry(meeting, 2, "Budget");
        var pause = Entry(meeting, 3, "Pause", AgendaItemLayout.Pause);
        var hearing = Entry(meeting, 4, "Høring");
        var sub = new AgendaItem { MeetingId = meeting, ParentId = hearing.Id, Number = 1, Title = "Svar" };

        // Act
        var numbers = AgendaNumbering.InOrder([hearing, pause, sub, budget, decisions]).Select(n => $"{n.Number}:{n.Item.Title}");

        // Assert
        Assert.Equal([":Beslutningspunkter", "1:Budget", ":Pause", "2:Høring", "2a:Svar"], numbers);
    }

    [Fact]
    public void After_an_item_without_minutes_the_clock_is_unknown_but_a_pause_counts_where_it_is_known()
    {
        // Arrange
        TimedItem heading = new(Guid.NewGuid(), null, null, AgendaItemStatus.Planned, AgendaItemLayout.Section);
        TimedItem first = new(Guid.NewGuid(), null, 20, AgendaItemStatus.Planned);
        TimedItem pause = new(Guid.NewGuid(), null, 10, AgendaItemStatus.Planned, AgendaItemLayout.Pause);
        TimedItem untimed = new(Guid.NewGuid(), null, null, AgendaItemStatus.Planned);
        TimedItem last = new(Guid.NewGuid(), null, 15, AgendaItemStatus.Planned);

        // Act
        var timetable = AgendaTimeline.Compute(Start, Start.AddHours(2), [heading, first, pause, untimed, last]);

        // Assert
        Assert.False(timetable.Slots[heading.Id].TakesTime);
        Assert.Equal((Start.AddMinutes(20), Start.AddMinutes(30), true), (timetable.Slots[pause.Id].Start, timetable.Slots[pause.Id].End, timetable.Slots[pause.Id].EndKnown));
        Assert.Equal((true, false), (timetable.Slots[untimed.Id].StartKnown, timetable.Slots[untimed.Id].EndKnown));
        Assert.False(timetable.Slots[last.Id].StartKnown);
        Assert.Equal(1, timetable.UntimedItems);
        Assert.Equal(Start.AddMinutes(45), timetable.PlannedEnd);
    }

    [Fact]
    public void A_main_item_without_own_minutes_is_timed_by_its_sub_items()
    {
        // Arrange
        TimedItem main = new(Guid.NewGuid(), null, null, AgendaItemStatus.Planned);
        TimedItem sub = new(Guid.NewGuid(), main.Id, 10, AgendaItemStatus.Planned);
        TimedItem after = new(Guid.NewGuid(), null, 5, AgendaItemStatus.Planned);

        // Act
        var timetable = AgendaTimeline.Compute(Start, Start.AddHours(2), [main, sub, after]);

        // Assert
        Assert.True(timetable.IsComplete);
        Assert.Equal(Start.AddMinutes(10), timetable.Slots[after.Id].Start);
        Assert.True(timetable.Slots[after.Id].StartKnown);
    }

    [Fact]
    public void Grouping_keeps_start_items_first_end_items_last_and_reuses_a_heading_of_the_same_name()
    {
        // Arrange
        var approve = Grouped(AgendaItemKind.Decision, "Godkendelse af dagsorden", AgendaItemPlacement.Start);
        var existing = new GroupedEntry(Guid.NewGuid(), AgendaItemLayout.Section, AgendaItemPlacement.Free, AgendaItemKind.Information, "høringer ");
        var own = new GroupedEntry(Guid.NewGuid(), AgendaItemLayout.Section, AgendaItemPlacement.Free, AgendaItemKind.Information, "Diverse");
        var hearing = Grouped(AgendaItemKind.Hearing, "Høring");
        var pause = new GroupedEntry(Guid.NewGuid(), AgendaItemLayout.Pause, AgendaItemPlacement.Free, AgendaItemKind.Break, "Pause");
        var decision = Grouped(AgendaItemKind.Decision, "Budget");
        var end = Grouped(AgendaItemKind.Discussion, "Eventuelt", AgendaItemPlacement.End);

        // Act
        var plan = AgendaGrouping.Plan([existing, hearing, own, approve, pause, decision, end], kind => kind == AgendaItemKind.Hearing ? "Høringer" : $"[{kind}]");

        // Assert: the pause stood after two items (høring, godkendelse), so it follows the second item again
        var names = new Dictionary<Guid, string>
        {
            [approve.Id] = "approve", [existing.Id] = "existing", [hearing.Id] = "hearing", [pause.Id] = "pause", [decision.Id] = "decision", [end.Id] = "end",
        };
        Assert.Equal(["approve", "[Decision]", "decision", "pause", "existing", "hearing", "end"],
            plan.Order.Select(p => p.NewSectionTitle ?? names[p.Id]));
        Assert.Equal([own.Id], plan.RemovedSections);
    }

    private static GroupedEntry Grouped(AgendaItemKind kind, string title, AgendaItemPlacement placement = AgendaItemPlacement.Free) =>
        new(Guid.NewGuid(), AgendaItemLayout.Numbered, placement, kind, title);

    private static AgendaItem Entry(Guid meetingId, int number, string title, AgendaItemLayout layout = AgendaItemLayout.Numbered) =>
        new() { MeetingId = meetingId, Number = number, Title = title, Layout = layout };
}
