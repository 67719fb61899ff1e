using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Meetings;
using Workspace.Web.Features.TextHistory;
using Workspace.Web.Hubs;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.TextHistory;

/// <summary>
/// The history of an item's texts on the real app: versions per author and sitting, the word diff, a restore that goes
/// through the co-editing (open editors get it, the item's field follows), a new item's texts as their first revision.
/// </summary>
public sealed class TextHistoryServiceTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private const string Colleague = "Thomas Lindberg";

    [Fact]
    public async Task History_starts_with_the_stored_text_and_lists_each_authors_sitting_newest_first()
    {
        // Arrange
        var itemId = await NewItemAsync(background: "Forvaltningen orienterer om budgettet.");
        var history = factory.Service<TextHistoryService>();
        var iben = await factory.UserAsync(DevSignIn.Administration);
        var thomas = await factory.UserAsync(Colleague);
        var opened = (await history.HistoryAsync(iben, itemId, ItemText.Background, Ct)).CurrentRevision;
        var rights = await factory.Service<ItemTexts>().RightsAsync(thomas, itemId, ItemText.Background, Ct);
        await factory.Service<ItemTexts>().SubmitAsync(thomas, rights, opened, TextOperation.Insert(38, " Rådet"), "thomas-tab", 1, Ct);
        await factory.Service<ItemTexts>().SubmitAsync(thomas, rights, opened + 1, TextOperation.Insert(44, " spørger."), "thomas-tab", 2, Ct);

        // Act
        var result = await history.HistoryAsync(await factory.UserAsync(DevSignIn.Member), itemId, ItemText.Background, Ct);

        // Assert
        Assert.False(result.CanRestore);
        Assert.Equal(3, result.CurrentRevision);
        Assert.Collection(result.Versions,
            newest =>
            {
                Assert.Equal((TextChangeKind.Edit, Colleague, 2L, 3L, 15), (newest.Kind, newest.AuthorName, newest.FirstRevision, newest.Revision, newest.InsertedLength));
            },
            initial =>
            {
                Assert.Equal((TextChangeKind.Initial, (string?)null, 1L), (initial.Kind, initial.AuthorName, initial.Revision));
            });
    }

    [Fact]
    public async Task Comparing_two_revisions_marks_the_words_added_and_removed()
    {
        // Arrange
        var itemId = await NewItemAsync(decision: "Rådet anbefaler forslaget.");
        var iben = await factory.UserAsync(DevSignIn.Administration);
        var history = factory.Service<TextHistoryService>();
        await history.HistoryAsync(iben, itemId, ItemText.Decision, Ct);
        var rights = await factory.Service<ItemTexts>().RightsAsync(iben, itemId, ItemText.Decision, Ct);
        await factory.Service<ItemTexts>().SubmitAsync(iben, rights, 1,
            TextOperation.FromDiff("Rådet anbefaler forslaget.", "Rådet afviser forslaget."), "iben-tab", 1, Ct);

        // Act
        var comparison = await history.CompareAsync(await factory.UserAsync(DevSignIn.Chair), itemId, ItemText.Decision, 1, 2, Ct);

        // Assert
        Assert.Equal(
        [
            new DiffSegment(DiffKind.Same, "Rådet "),
            new DiffSegment(DiffKind.Deleted, "anbefaler"),
            new DiffSegment(DiffKind.Inserted, "afviser"),
            new DiffSegment(DiffKind.Same, " forslaget."),
        ], comparison.Segments);
    }

    [Fact]
    public async Task Restoring_goes_through_the_co_editing_to_open_editors_and_the_item_field_follows()
    {
        // Arrange
        var itemId = await NewItemAsync(minutes: "Rådet drøftede sagen.");
        var iben = await factory.UserAsync(DevSignIn.Administration);
        await using var editor = await HubClients.ConnectAsync(factory, Colleague);
        var pushed = new TaskCompletionSource<TextRevision>(TaskCreationOptions.RunContinuationsAsynchronously);
        editor.On<TextRevision[]>(nameof(IMeetingClient.TextsChanged), revisions =>
        {
            foreach (var revision in revisions.Where(r => r.ClientId.StartsWith("restore-", StringComparison.Ordinal)))
            {
                pushed.TrySetResult(revision);
            }
        });
        var opened = await editor.InvokeAsync<OpenTextResult>(nameof(MeetingHub.OpenText), itemId, "minutes", Ct);
        await editor.InvokeAsync<TextSubmitResult>(nameof(MeetingHub.SubmitText), opened.DocumentId, opened.Revision,
            TextOperation.FromDiff(opened.Text, "Rådet udsatte sagen."), "thomas-tab", 1L, Ct);

        // Act
        var revision = await factory.Service<TextHistoryService>().RestoreAsync(iben, itemId, ItemText.Minutes, 1, Ct);

        // Assert
        var received = await pushed.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(revision, received.Revision);
        Assert.Equal(3, revision);
        var history = await factory.Service<TextHistoryService>().HistoryAsync(iben, itemId, ItemText.Minutes, Ct);
        Assert.Equal((TextChangeKind.Restore, 1L, "Iben Sørensen"), (history.Versions[0].Kind, history.Versions[0].RestoredRevision, history.Versions[0].AuthorName));
        await Eventually.TrueAsync(async () => (await ItemAsync(itemId)).Minutes == "Rådet drøftede sagen.", FieldDidNotFollow);
    }

    [Fact]
    public async Task A_new_items_texts_become_their_first_revision_written_by_the_secretary()
    {
        // Arrange
        var iben = await factory.UserAsync(DevSignIn.Administration);
        var ids = await DemoIds.LoadAsync(factory);
        var itemId = await factory.Service<MeetingService>().AddItemAsync(iben, ids.NextMeeting,
            new AgendaItemInput { Title = "Nyt punkt med tekster", Background = "Baggrund skrevet før første gem." }, Ct);

        // Act
        await factory.Service<ItemTexts>().StartAsync(iben, itemId, new Dictionary<ItemText, string?>
        {
            [ItemText.Background] = "Baggrund skrevet før første gem.",
            [ItemText.Decision] = "  ",
            [ItemText.Minutes] = "Referat skrevet før første gem.",
        }, Ct);

        // Assert
        var history = factory.Service<TextHistoryService>();
        var background = await history.HistoryAsync(iben, itemId, ItemText.Background, Ct);
        var minutes = await history.HistoryAsync(iben, itemId, ItemText.Minutes, Ct);
        Assert.Equal((TextChangeKind.Edit, "Iben Sørensen", 1L), (background.Versions.Single().Kind, background.Versions.Single().AuthorName, background.CurrentRevision));
        Assert.Equal("Referat skrevet før første gem.", await history.TextAtAsync(iben, itemId, ItemText.Minutes, minutes.CurrentRevision, Ct));
        Assert.Empty((await history.HistoryAsync(iben, itemId, ItemText.Decision, Ct)).Versions);
        await Eventually.TrueAsync(async () => (await ItemAsync(itemId)).Minutes == "Referat skrevet før første gem.", FieldDidNotFollow);
    }

    [Fact]
    public async Task A_substitute_who_is_not_called_in_gets_no_history_of_a_closed_item_and_no_one_but_the_administration_restores()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        var history = factory.Service<TextHistoryService>();
        var substitute = await factory.UserAsync(DevSignIn.Substitute);
        var chair = await factory.UserAsync(DevSignIn.Chair);

        // Act
        var closed = await Record.ExceptionAsync(() => history.HistoryAsync(substitute, ids.ClosedItem, ItemText.Background, Ct));
        var restore = await Record.ExceptionAsync(() => history.RestoreAsync(chair, ids.OpenItem, ItemText.Background, 0, Ct));

        // Assert
        Assert.IsType<NotFoundException>(closed);
        Assert.IsType<AccessDeniedException>(restore);
    }

    [Fact]
    public async Task The_demo_minutes_of_the_held_meeting_show_the_secretarys_sitting_and_the_presenters_correction()
    {
        // Arrange
        await using var db = await factory.CreateDbContextAsync();
        var itemId = await db.AgendaItems.Where(i => i.Title.StartsWith("Oplæg om sundhedsprogrammet")).Select(i => i.Id).SingleAsync(Ct);

        // Act
        var history = await factory.Service<TextHistoryService>().HistoryAsync(await factory.UserAsync(DevSignIn.Member), itemId, ItemText.Minutes, Ct);

        // Assert
        Assert.Equal([Colleague, "Iben Sørensen"], history.Versions.Select(v => v.AuthorName));
        Assert.Equal((1L, 2L), (history.Versions[1].FirstRevision, history.Versions[1].Revision));
    }

    [Fact]
    public async Task The_api_lists_versions_and_refuses_a_revision_that_does_not_exist_with_a_Danish_message()
    {
        // Arrange
        var itemId = await NewItemAsync(background: "Tekst til API'et.");
        using var member = await factory.SignedInClientAsync(DevSignIn.Member);
        using var secretary = await factory.SignedInClientAsync(DevSignIn.Administration);

        // Act
        var list = await member.GetFromJsonAsync<JsonElement>($"/api/items/{itemId}/texts/background/history", Ct);
        using var unknown = await secretary.PostAsJsonAsync($"/api/items/{itemId}/texts/background/restore", new { revision = 99 }, Ct);
        using var unknownField = await member.GetAsync($"/api/items/{itemId}/texts/title/history", Ct);

        // Assert
        Assert.Equal("initial", list.GetProperty("versions")[0].GetProperty("kind").GetString());
        Assert.False(list.GetProperty("canRestore").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Den valgte version findes ikke.", await unknown.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownField.StatusCode);
    }

    /// <summary>
    /// An item of its own on the next meeting, added as the secretary would (so every cache of who reads what hears of it),
    /// with texts stored on the item as before anyone opened them.
    /// </summary>
    private async Task<Guid> NewItemAsync(string? background = null, string? decision = null, string? minutes = null)
    {
        var ids = await DemoIds.LoadAsync(factory);
        var itemId = await factory.Service<MeetingService>().AddItemAsync(await factory.UserAsync(DevSignIn.Administration), ids.NextMeeting,
            new AgendaItemInput { Title = $"Historik {Guid.NewGuid():N}"[..20], Background = background, Decision = decision }, Ct);
        if (minutes is not null)
        {
            await using var db = await factory.CreateDbContextAsync();
            await db.AgendaItems.Where(i => i.Id == itemId).ExecuteUpdateAsync(u => u.SetProperty(i => i.Minutes, minutes), Ct);
        }
        return itemId;
    }

    private async Task<AgendaItem> ItemAsync(Guid itemId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.AgendaItems.AsNoTracking().SingleAsync(i => i.Id == itemId, Ct);
    }

    private const string FieldDidNotFollow = "The item's field did not follow its text within 10 seconds.";
}
