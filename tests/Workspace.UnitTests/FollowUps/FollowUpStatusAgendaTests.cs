using Workspace.Data.Entities;
using Workspace.Web.Features.FollowUps;

namespace Workspace.UnitTests.FollowUps;

public sealed class FollowUpStatusAgendaTests
{
    private static AgendaItem Item(int number, string title) => new() { Number = number, Title = title };

    [Fact]
    public void The_status_item_goes_before_the_trailing_next_meeting_and_any_other_business()
    {
        // Arrange
        var meetingId = Guid.NewGuid();
        List<AgendaItem> items = [Item(1, "Godkendelse af dagsorden"), Item(2, "Oplæg"), Item(3, "Næste møde"), Item(4, "Eventuelt")];

        // Act
        var trailing = FollowUpStatusAgenda.TrailingCount(items, ["Næste møde", "Eventuelt"]);
        var added = FollowUpStatusAgenda.InsertInto(items, meetingId, trailing);

        // Assert
        Assert.Equal(2, trailing);
        Assert.Equal(3, added.Number);
        Assert.True(added.IsFollowUpStatus);
        Assert.Equal(AgendaItemKind.Information, added.Kind);
        Assert.Equal("Status på opfølgning", added.Title);
        Assert.Equal(meetingId, added.MeetingId);
        Assert.Equal([1, 2, 4, 5], items.Select(i => i.Number));
    }

    [Fact]
    public void Without_trailing_items_the_status_item_comes_last()
    {
        List<AgendaItem> items = [Item(1, "Velkomst"), Item(2, "Oplæg")];

        var added = FollowUpStatusAgenda.InsertInto(items, Guid.NewGuid(), FollowUpStatusAgenda.TrailingCount(items, ["Eventuelt"]));

        Assert.Equal(3, added.Number);
        Assert.Equal([1, 2], items.Select(i => i.Number));
    }

    [Fact]
    public void A_meeting_with_a_status_item_or_without_items_gets_none()
    {
        var empty = new Meeting { Title = "Tomt møde" };
        var withOne = new Meeting { Title = "Møde", AgendaItems = [new AgendaItem { Number = 1, Title = "Status på opfølgning", IsFollowUpStatus = true }] };

        FollowUpStatusAgenda.AddTo(empty, trailing: 0);
        FollowUpStatusAgenda.AddTo(withOne, trailing: 0);

        Assert.Empty(empty.AgendaItems);
        Assert.Single(withOne.AgendaItems);
    }
}
