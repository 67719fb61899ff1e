using Workspace.Data.Entities;
using Workspace.Web.Features.Running;

namespace Workspace.UnitTests.Running;

public sealed class MeetingRunStepsTests
{
    private static readonly Guid Meeting = Guid.NewGuid();
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 15, 0, 0, TimeSpan.Zero);

    private static AgendaItem Item(int number, string title, AgendaItemLayout layout = AgendaItemLayout.Numbered,
        AgendaItemStatus status = AgendaItemStatus.Planned, Guid? parent = null, bool closed = false) =>
        new() { MeetingId = Meeting, Number = number, Title = title, Layout = layout, Status = status, ParentId = parent, IsClosed = closed };

    [Fact]
    public void Steps_go_through_items_sub_items_and_pauses_in_agenda_order_without_headings()
    {
        // Arrange
        var heading = Item(1, "Beslutningspunkter", AgendaItemLayout.Section);
        var first = Item(2, "Godkendelse af dagsorden");
        var parent = Item(3, "Høring");
        var subB = Item(2, "Underpunkt b", parent: parent.Id);
        var subA = Item(1, "Underpunkt a", parent: parent.Id);
        var pause = Item(4, "Pause", AgendaItemLayout.Pause);
        var last = Item(5, "Eventuelt");
        var items = new[] { last, pause, subB, heading, subA, parent, first };

        // Act
        var steps = MeetingRunService.Steps(items).Select(i => i.Title).ToList();

        // Assert
        Assert.Equal(["Godkendelse af dagsorden", "Høring", "Underpunkt a", "Underpunkt b", "Pause", "Eventuelt"], steps);
    }

    [Fact]
    public void Steps_skip_postponed_and_withdrawn_items_and_keep_handled_ones()
    {
        // Arrange
        var items = new[]
        {
            Item(1, "Behandlet", status: AgendaItemStatus.Handled),
            Item(2, "Udsat", status: AgendaItemStatus.Postponed),
            Item(3, "Udgår", status: AgendaItemStatus.Withdrawn),
            Item(4, "Planlagt"),
        };

        // Act
        var steps = MeetingRunService.Steps(items).Select(i => i.Title).ToList();

        // Assert
        Assert.Equal(["Behandlet", "Planlagt"], steps);
    }

    [Fact]
    public void Steps_of_an_empty_agenda_are_none()
    {
        Assert.Empty(MeetingRunService.Steps([]));
    }

    [Fact]
    public void The_current_item_is_named_with_its_agenda_number_and_hidden_from_those_who_may_not_see_closed_items()
    {
        // Arrange
        var open = Item(1, "Åbent punkt");
        var closed = Item(2, "Lukket punkt", closed: true);
        closed.AllottedMinutes = 10;
        closed.TimerStartedAt = Now.AddMinutes(-3);
        var items = new[] { open, closed };

        // Act
        var seen = MeetingRunService.CurrentOf(items, closed.Id, Now.AddMinutes(-3), canSeeClosed: true, Now);
        var hidden = MeetingRunService.CurrentOf(items, closed.Id, Now.AddMinutes(-3), canSeeClosed: false, Now);
        var gone = MeetingRunService.CurrentOf(items, Guid.NewGuid(), null, canSeeClosed: true, Now);

        // Assert
        Assert.Equal("2", seen!.Number);
        Assert.Equal("Lukket punkt", seen.Title);
        Assert.False(seen.IsHidden);
        Assert.Equal(TimeSpan.FromMinutes(3), seen.Timer.Used);
        Assert.True(hidden!.IsHidden);
        Assert.Null(hidden.Title);
        Assert.Equal("2", hidden.Number);
        Assert.Null(gone);
    }
}
