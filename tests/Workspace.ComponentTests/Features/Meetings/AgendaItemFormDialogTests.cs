using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Web.Features.Meetings;

namespace Workspace.ComponentTests.Features.Meetings;

public sealed class AgendaItemFormDialogTests : ComponentTestContext
{
    [Fact]
    public async Task Saving_without_a_title_shows_a_Danish_error_next_to_the_field_and_adds_nothing()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        var itemsBefore = ItemCount(meetingId);
        var cut = await ShowDialogAsync(meetingId);

        // Act
        await cut.Find("[data-testid=item-save]").ClickAsync(new MouseEventArgs());

        // Assert
        var field = TitleField(cut);
        Assert.Equal("Feltet skal udfyldes.", field.QuerySelector(".mud-input-helper-text")?.TextContent.Trim());
        Assert.NotEmpty(cut.FindAll(".mud-dialog"));
        Assert.Equal(itemsBefore, ItemCount(meetingId));
    }

    [Fact]
    public async Task Administration_adds_an_item_before_the_end_items_of_the_agenda()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        var cut = await ShowDialogAsync(meetingId);

        // Act
        TitleField(cut).QuerySelector("input")!.Change("Status på værestedets åbningstider");
        await cut.Find("[data-testid=item-save]").ClickAsync(new MouseEventArgs());

        // Assert
        await using var db = CreateDbContext();
        var added = await db.AgendaItems.SingleAsync(i => i.MeetingId == meetingId && i.Title == "Status på værestedets åbningstider",
            Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(9, added.Number);
        var endItems = await db.AgendaItems.Where(i => i.MeetingId == meetingId && i.Placement == Workspace.Data.Entities.AgendaItemPlacement.End)
            .OrderBy(i => i.Number).Select(i => i.Number).ToListAsync(Xunit.TestContext.Current.CancellationToken);
        Assert.Equal([10, 11], endItems);
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-dialog")));
    }

    [Fact]
    public async Task Member_who_opens_the_form_is_refused_and_keeps_the_text()
    {
        // Arrange: the page shows no "Nyt punkt" to members; the service refuses them anyway.
        SignInAs("Mia Kragh");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        var itemsBefore = ItemCount(meetingId);
        var cut = await ShowDialogAsync(meetingId);

        // Act
        TitleField(cut).QuerySelector("input")!.Change("Et punkt fra et medlem");
        await cut.Find("[data-testid=item-save]").ClickAsync(new MouseEventArgs());

        // Assert
        Assert.Equal("Du har ikke ret til at gemme denne ændring.", cut.Find(".mud-dialog .mud-alert").TextContent.Trim());
        Assert.Equal("Et punkt fra et medlem", TitleField(cut).QuerySelector("input")!.GetAttribute("value"));
        Assert.Equal(itemsBefore, ItemCount(meetingId));
    }

    [Fact]
    public async Task A_new_item_has_the_three_texts_and_what_was_typed_becomes_their_first_revision_by_the_secretary()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        var cut = await ShowDialogAsync(meetingId);
        var labels = cut.FindAll("[data-testid=item-texts] label").Select(l => l.TextContent.Trim()).ToList();

        // Act
        TitleField(cut).QuerySelector("input")!.Change("Nyt tilbud om natophold");
        cut.Find("[data-testid=item-background]").Change("Kommunen åbner et natværested.");
        cut.Find("[data-testid=item-minutes-text]").Change("Rådet bød tilbuddet velkommen.");
        await cut.Find("[data-testid=item-save]").ClickAsync(new MouseEventArgs());

        // Assert
        Assert.Equal(["Sagsfremstilling", "Beslutning", "Referat"], labels);
        await using var db = CreateDbContext();
        var added = await db.AgendaItems.SingleAsync(i => i.Title == "Nyt tilbud om natophold", Xunit.TestContext.Current.CancellationToken);
        var first = await db.TextOperations.Where(o => o.DocumentId == $"item:{added.Id:D}:minutes").Select(o => new { o.Revision, o.Author!.Name })
            .SingleAsync(Xunit.TestContext.Current.CancellationToken);
        Assert.Equal((1L, "Iben Sørensen"), (first.Revision, first.Name));
        Assert.Equal("Kommunen åbner et natværested.", added.Background);
        Assert.False(await db.TextDocuments.AnyAsync(d => d.Id == $"item:{added.Id:D}:decision", Xunit.TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task An_existing_item_shows_its_three_texts_co_edited_with_their_history_in_the_same_dialog()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var housing = Item(DemoItems.HousingTalk);
        var view = TestViews.AgendaItem("4", housing.Title) with { Id = housing.Id, Background = housing.Background };
        Render<MudPopoverProvider>();
        var cut = Render<MudDialogProvider>();
        var parameters = new DialogParameters<AgendaItemFormDialog> { { d => d.MeetingId, housing.MeetingId }, { d => d.Item, view } };

        // Act
        await cut.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<AgendaItemFormDialog>("Redigér punkt 4", parameters));

        // Assert
        cut.WaitForElement("textarea[data-testid=coedit-minutes]");
        Assert.Equal(3, cut.FindAll("[data-testid=item-texts] textarea.coedited-textarea").Count);
        Assert.Empty(cut.FindAll("[data-testid=item-background]"));
        Assert.Equal("Historik for Referat", cut.Find("[data-testid=coedit-history-minutes]").GetAttribute("aria-label"));

        await cut.Find("[data-testid=coedit-history-minutes]").ClickAsync(new MouseEventArgs());
        cut.WaitForElement("[data-testid=text-history-minutes]");
        Assert.Equal(2, cut.FindAll(".mud-dialog").Count);
    }

    [Fact]
    public async Task Save_and_new_sub_item_saves_the_item_and_asks_the_page_for_a_sub_item_form_under_it()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        Render<MudPopoverProvider>();
        var cut = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        IDialogReference? reference = null;
        await cut.InvokeAsync(async () => reference = await dialogs.ShowAsync<AgendaItemFormDialog>("Nyt punkt",
            new DialogParameters<AgendaItemFormDialog> { { d => d.MeetingId, meetingId } }));
        var buttons = cut.FindAll(".mud-dialog-actions button").Select(b => b.TextContent.Trim()).ToList();

        // Act
        TitleField(cut).QuerySelector("input")!.Change("Siden sidst ved formanden");
        await cut.Find("[data-testid=item-save-new-sub]").ClickAsync(new MouseEventArgs());

        // Assert
        Assert.Equal(["Annullér", "Gem og nyt underpunkt", "Gem og nyt punkt", "Gem"], buttons);
        var result = Assert.IsType<ItemFormResult>((await reference!.Result)!.Data);
        Assert.Equal(ItemFormNext.NewSubItem, result.Next);
        await using var db = CreateDbContext();
        Assert.Equal("Siden sidst ved formanden", (await db.AgendaItems.SingleAsync(i => i.Id == result.ItemId, Xunit.TestContext.Current.CancellationToken)).Title);
    }

    [Fact]
    public async Task Tabbing_through_the_presenter_field_never_pulls_the_focus_back_to_it()
    {
        // Arrange: the server hears of the focus after the browser has moved on when it is busy; an answer that focuses
        // the field again (MudAutocomplete's select on activation) took the letters typed in the minutes meanwhile.
        SignInAs("Iben Sørensen");
        var cut = await ShowDialogAsync(MeetingIdWithItem(DemoItems.Hearing));
        var presenter = cut.Find("[data-testid=item-presenter] input, input[data-testid=item-presenter]");
        var before = JSInterop.Invocations.Count;

        // Act
        await presenter.FocusAsync(new FocusEventArgs());
        await presenter.BlurAsync(new FocusEventArgs());

        // Assert
        var called = JSInterop.Invocations.Skip(before).Select(i => i.Identifier).ToList();
        Assert.DoesNotContain(called, name => name.Contains("select", StringComparison.OrdinalIgnoreCase) || name.Contains("focus", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<IRenderedComponent<MudDialogProvider>> ShowDialogAsync(Guid meetingId)
    {
        Render<MudPopoverProvider>();
        var cut = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<AgendaItemFormDialog> { { d => d.MeetingId, meetingId } };
        await cut.InvokeAsync(() => dialogs.ShowAsync<AgendaItemFormDialog>("Nyt punkt", parameters));
        cut.WaitForElement("[data-testid=item-save]");
        return cut;
    }

    /// <summary>The title field's control: its input and the helper text where errors go.</summary>
    private static AngleSharp.Dom.IElement TitleField(IRenderedComponent<MudDialogProvider> cut) =>
        cut.FindAll(".mud-dialog .mud-input-control").First(c => c.QuerySelector("label")?.TextContent.Contains("Overskrift", StringComparison.Ordinal) == true);

    private int ItemCount(Guid meetingId)
    {
        using var db = CreateDbContext();
        return db.AgendaItems.Count(i => i.MeetingId == meetingId);
    }
}
