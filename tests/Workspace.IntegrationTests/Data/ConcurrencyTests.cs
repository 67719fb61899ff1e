using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Meetings;

namespace Workspace.IntegrationTests.Data;

public sealed class ConcurrencyTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private async Task<WorkspaceUser> AdministrationUserAsync() =>
        new(await DemoIds.PersonIdAsync(factory, DevSignIn.Administration), DevSignIn.Administration,
            new HashSet<string> { WorkspaceRoles.Administration });

    private async Task<AgendaItem> LaterMeetingItemAsync(int number)
    {
        await using var db = await factory.CreateDbContextAsync();
        var council = await db.Councils.SingleAsync(c => c.Name == "Udsatterådet");
        var later = await db.Meetings.Where(m => m.CouncilId == council.Id && m.Status == MeetingStatus.Published)
            .OrderByDescending(m => m.StartsAt).FirstAsync();
        return await db.AgendaItems.AsNoTracking().SingleAsync(i => i.MeetingId == later.Id && i.ParentId == null && i.Number == number);
    }

    [Fact]
    public async Task Second_of_two_concurrent_edits_to_an_agenda_item_fails()
    {
        // Arrange
        var itemId = (await LaterMeetingItemAsync(4)).Id;
        await using var first = await factory.CreateDbContextAsync();
        await using var second = await factory.CreateDbContextAsync();
        var firstCopy = await first.AgendaItems.SingleAsync(i => i.Id == itemId, Ct);
        var secondCopy = await second.AgendaItems.SingleAsync(i => i.Id == itemId, Ct);

        // Act
        firstCopy.Title = "Arbejdsmøde: Årsrapport 2026";
        await first.SaveChangesAsync(Ct);
        secondCopy.Title = "Arbejdsmøde: Rådets årsrapport (ny)";
        var thrown = await Record.ExceptionAsync(() => second.SaveChangesAsync(Ct));

        // Assert
        Assert.IsType<DbUpdateConcurrencyException>(thrown);
        await using var check = await factory.CreateDbContextAsync();
        Assert.Equal("Arbejdsmøde: Årsrapport 2026", (await check.AgendaItems.SingleAsync(i => i.Id == itemId, Ct)).Title);
    }

    [Fact]
    public async Task Saving_renews_the_concurrency_stamp_and_records_the_change()
    {
        // Arrange
        var item = await LaterMeetingItemAsync(5);
        var actor = await DemoIds.PersonIdAsync(factory, DevSignIn.Administration);
        await using var db = await factory.CreateDbContextAsync();
        var tracked = await db.AgendaItems.SingleAsync(i => i.Id == item.Id, Ct);

        // Act
        tracked.Title = "Næste møde og mødeplan";
        db.ActorId = actor;
        await db.SaveChangesAsync(Ct);

        // Assert
        Assert.NotEqual(item.ConcurrencyStamp, tracked.ConcurrencyStamp);
        await using var check = await factory.CreateDbContextAsync();
        var entry = await check.AuditEntries
            .Where(a => a.EntityType == nameof(AgendaItem) && a.EntityId == item.Id.ToString() && a.Action == "Modified")
            .OrderByDescending(a => a.Id)
            .FirstAsync(Ct);
        Assert.Equal(actor, entry.PersonId);
        Assert.NotNull(entry.Changes);
        using var changes = JsonDocument.Parse(entry.Changes);
        var title = changes.RootElement.GetProperty(nameof(AgendaItem.Title));
        Assert.Equal(item.Title, title.GetProperty("old").GetString());
        Assert.Equal("Næste møde og mødeplan", title.GetProperty("new").GetString());
        Assert.False(changes.RootElement.TryGetProperty(nameof(AgendaItem.ConcurrencyStamp), out _));
    }

    [Fact]
    public async Task Two_edits_of_the_same_field_from_the_same_starting_point_conflict_and_the_first_stays()
    {
        // Arrange
        var meetings = factory.Services.GetRequiredService<MeetingService>();
        var user = await AdministrationUserAsync();
        var item = await LaterMeetingItemAsync(3);
        var opened = AgendaItemInput.From(item);
        await meetings.UpdateItemAsync(user, item.Id, With(opened, i => i.Title = "Orientering fra formanden og næstformanden"), opened, Ct);

        // Act
        var thrown = await Record.ExceptionAsync(() =>
            meetings.UpdateItemAsync(user, item.Id, With(opened, i => i.Title = "Overskrevet"), opened, Ct));

        // Assert
        var conflict = Assert.IsType<EditConflictException>(thrown);
        var field = Assert.Single(conflict.Conflicts);
        Assert.Equal(nameof(AgendaItemInput.Title), field.Field);
        Assert.Equal("Orientering fra formanden og næstformanden", field.TheirValue);
        Assert.Equal("Overskrevet", conflict.Merged.Title);
        await using var check = await factory.CreateDbContextAsync();
        Assert.Equal("Orientering fra formanden og næstformanden", (await check.AgendaItems.SingleAsync(i => i.Id == item.Id, Ct)).Title);
    }

    [Fact]
    public async Task Edits_of_different_fields_from_the_same_starting_point_are_both_kept()
    {
        // Arrange
        var meetings = factory.Services.GetRequiredService<MeetingService>();
        var user = await AdministrationUserAsync();
        var item = await LaterMeetingItemAsync(6);
        var opened = AgendaItemInput.From(item);
        await meetings.UpdateItemAsync(user, item.Id, With(opened, i => i.Title = "Eventuelt og evaluering"), opened, Ct);

        // Act
        await meetings.UpdateItemAsync(user, item.Id, With(opened, i => i.AllottedMinutes = 15), opened, Ct);

        // Assert
        var updated = await LaterMeetingItemAsync(6);
        Assert.Equal("Eventuelt og evaluering", updated.Title);
        Assert.Equal(15, updated.AllottedMinutes);
        Assert.NotEqual(item.ConcurrencyStamp, updated.ConcurrencyStamp);
    }

    [Fact]
    public async Task Saving_again_after_a_conflict_keeps_the_users_text_knowingly()
    {
        // Arrange
        var meetings = factory.Services.GetRequiredService<MeetingService>();
        var user = await AdministrationUserAsync();
        var item = await LaterMeetingItemAsync(2);
        var opened = AgendaItemInput.From(item);
        await meetings.UpdateItemAsync(user, item.Id, With(opened, i => i.Background = "Kollegaens tekst"), opened, Ct);
        var conflict = await Assert.ThrowsAsync<EditConflictException>(() =>
            meetings.UpdateItemAsync(user, item.Id, With(opened, i => i.Background = "Min tekst"), opened, Ct));

        // Act
        await meetings.UpdateItemAsync(user, item.Id, conflict.Merged, conflict.Current, Ct);

        // Assert
        Assert.Equal("Min tekst", (await LaterMeetingItemAsync(2)).Background);
    }

    private static AgendaItemInput With(AgendaItemInput original, Action<AgendaItemInput> change)
    {
        var copy = new AgendaItemInput
        {
            Title = original.Title, Presenter = original.Presenter, PresenterPersonId = original.PresenterPersonId, AllottedMinutes = original.AllottedMinutes,
            Kind = original.Kind, Background = original.Background, Decision = original.Decision, IsClosed = original.IsClosed,
        };
        change(copy);
        return copy;
    }

    [Fact]
    public async Task Member_cannot_update_an_item_through_the_service()
    {
        // Arrange
        var meetings = factory.Services.GetRequiredService<MeetingService>();
        var member = new WorkspaceUser(await DemoIds.PersonIdAsync(factory, DevSignIn.Member), DevSignIn.Member,
            new HashSet<string> { WorkspaceRoles.Member });
        var item = await LaterMeetingItemAsync(1);

        // Act
        var thrown = await Record.ExceptionAsync(() =>
            meetings.UpdateItemAsync(member, item.Id, new AgendaItemInput { Title = "Kapret", Kind = item.Kind }, AgendaItemInput.From(item), Ct));

        // Assert
        Assert.IsType<AccessDeniedException>(thrown);
    }
}
