using System.Globalization;
using System.Resources;
using Workspace.Data.Entities;
using Workspace.Web.Features.Planning;
using Workspace.Web.Resources;

namespace Workspace.UnitTests.Planning;

public sealed class AgendaTemplateTests
{
    private static AgendaTemplateItem Item(int number, string title, bool atEnd = false) =>
        new() { Number = number, Title = title, AtEnd = atEnd, Kind = AgendaItemKind.Information };

    [Fact]
    public void Items_placed_at_the_end_come_last_in_meeting_order_whatever_their_number()
    {
        // Arrange
        var items = new[]
        {
            Item(1, "Eventuelt", atEnd: true),
            Item(2, "Godkendelse af dagsorden"),
            Item(3, "Næste møde", atEnd: true),
            Item(4, "Nyt fra formanden"),
        };

        // Act
        var titles = AgendaTemplates.InMeetingOrder(items).Select(i => i.Title);

        // Assert
        Assert.Equal(["Godkendelse af dagsorden", "Nyt fra formanden", "Eventuelt", "Næste møde"], titles);
    }

    [Fact]
    public void Renumbering_gives_one_to_n_in_meeting_order()
    {
        // Arrange: a new ordinary item added with the highest number goes before the end items
        var items = new[] { Item(1, "Godkendelse af dagsorden"), Item(2, "Eventuelt", atEnd: true), Item(int.MaxValue, "Nyt punkt") };

        // Act
        var ordered = AgendaTemplates.Renumber(items);

        // Assert
        Assert.Equal(["Godkendelse af dagsorden", "Nyt punkt", "Eventuelt"], ordered.Select(i => i.Title));
        Assert.Equal([1, 2, 3], ordered.Select(i => i.Number));
    }

    [Fact]
    public void A_new_meeting_gets_the_template_and_the_follow_up_status_item_as_top_level_items_numbered_in_meeting_order()
    {
        // Arrange
        var meeting = new Meeting { Title = "Møde i Udsatterådet" };
        var template = new[] { Item(5, "Eventuelt", atEnd: true), Item(7, "Nyt fra medlemmerne"), Item(6, "Nyt fra formanden") };

        // Act
        AgendaTemplates.AddItemsTo(meeting, template);

        // Assert
        var inOrder = meeting.AgendaItems.OrderBy(i => i.Number).ToList();
        Assert.Equal(["Nyt fra formanden", "Nyt fra medlemmerne", "Status på opfølgning", "Eventuelt"], inOrder.Select(i => i.Title));
        Assert.Equal([1, 2, 3, 4], inOrder.Select(i => i.Number));
        Assert.Equal([false, false, true, false], inOrder.Select(i => i.IsFollowUpStatus));
        Assert.All(meeting.AgendaItems, i => Assert.Null(i.ParentId));
        Assert.All(meeting.AgendaItems, i => Assert.Equal(meeting.Id, i.MeetingId));
    }

    [Fact]
    public void Default_template_is_the_danish_standard_items_with_next_meeting_and_any_other_business_at_the_end()
    {
        // Arrange
        var councilId = Guid.NewGuid();

        // Act
        var items = AgendaTemplates.DefaultFor(councilId);

        // Assert
        Assert.Equal(
            ["Godkendelse af dagsorden", "Godkendelse af referat fra sidste møde", "Nyt fra formanden", "Nyt fra medlemmerne", "Næste møde", "Eventuelt"],
            items.Select(i => i.Title));
        Assert.Equal([false, false, false, false, true, true], items.Select(i => i.AtEnd));
        Assert.Equal([1, 2, 3, 4, 5, 6], items.Select(i => i.Number));
        Assert.All(items, i => Assert.Equal(councilId, i.CouncilId));
    }

    [Fact]
    public void Default_template_texts_exist_in_english_too()
    {
        // Arrange
        var texts = new ResourceManager(typeof(SharedResource));

        // Act
        var english = AgendaTemplates.Default.Select(d => texts.GetString(d.TitleKey, CultureInfo.GetCultureInfo("en"))).ToList();

        // Assert
        Assert.Equal(["Approval of the agenda", "Approval of the minutes of the last meeting", "News from the chair", "News from the members", "Next meeting", "Any other business"], english);
    }
}
