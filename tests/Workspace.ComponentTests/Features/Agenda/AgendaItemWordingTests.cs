using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Web.Features.Agenda;

namespace Workspace.ComponentTests.Features.Agenda;

/// <summary>The item's actions say "Redigér" like the rest of the item UI, and name sub-items only when there are some.</summary>
public sealed class AgendaItemWordingTests : ComponentTestContext
{
    [Theory]
    [InlineData("Orientering fra formanden", "Punktet »Orientering fra formanden« og dets underpunkter slettes fra dagsordenen. Vil du fortsætte?")]
    [InlineData(DemoItems.HousingTalk, "Punktet »Oplæg om den boligsociale indsats« slettes fra dagsordenen. Vil du fortsætte?")]
    public async Task Delete_question_names_sub_items_only_when_the_item_has_some(string title, string question)
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var stored = Items(title).First();
        var view = TestViews.AgendaItem(stored.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), stored.Title) with { Id = stored.Id };
        var popover = Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var cut = Render<AgendaItemActions>(p => p.Add(x => x.Item, view));

        // Act
        await cut.Find("[data-testid=item-actions] button").ClickAsync(new MouseEventArgs());
        popover.WaitForElement("[data-testid=delete-item]");
        Assert.Equal("Redigér punktet", popover.FindAll(".mud-menu-item").First().TextContent.Trim());
        // Not awaited: the click's handler waits for the answer to the question.
        var asking = popover.Find("[data-testid=delete-item]").ClickAsync(new MouseEventArgs());

        // Assert
        dialogs.WaitForAssertion(() => Assert.Equal(question, dialogs.Find(".mud-dialog-content").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.False(asking.IsCompleted);
    }

    /// <summary>Main items with this title (the held meeting's "Orientering fra formanden" is the one with sub-items).</summary>
    private List<Workspace.Data.Entities.AgendaItem> Items(string title)
    {
        using var db = CreateDbContext();
        return [.. db.AgendaItems.Where(i => i.Title == title && i.ParentId == null && (title != "Orientering fra formanden" || i.SubItems.Count > 0))];
    }
}
