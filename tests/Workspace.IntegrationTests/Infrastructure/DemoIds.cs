using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Data;
using Workspace.Data.Entities;

namespace Workspace.IntegrationTests.Infrastructure;

/// <summary>Ids of the seeded demo data (Seeding/DemoData.cs), read from the factory's database.</summary>
public sealed record DemoIds(
    Guid Udsatteraadet,
    Guid Handicapraadet,
    Guid NextMeeting,
    Guid OpenItem,
    Guid ClosedItem,
    Guid OtherCouncilMeeting,
    Guid OtherCouncilItem)
{
    public static async Task<DemoIds> LoadAsync(WebApplicationFactory<Program> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var udsatteraadet = await db.Councils.Where(c => c.Name == "Udsatterådet").Select(c => c.Id).SingleAsync();
        var handicapraadet = await db.Councils.Where(c => c.Name == "Handicaprådet").Select(c => c.Id).SingleAsync();
        var nextMeeting = await NextPublishedMeetingAsync(db, udsatteraadet);
        var otherMeeting = await NextPublishedMeetingAsync(db, handicapraadet);
        return new DemoIds(
            udsatteraadet,
            handicapraadet,
            nextMeeting,
            OpenItem: await TopItemAsync(db, nextMeeting, 4),
            ClosedItem: await db.AgendaItems.Where(i => i.MeetingId == nextMeeting && i.IsClosed).Select(i => i.Id).SingleAsync(),
            otherMeeting,
            OtherCouncilItem: await TopItemAsync(db, otherMeeting, 2));
    }

    public static async Task<Guid> PersonIdAsync(WebApplicationFactory<Program> factory, string name)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.People.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
    }

    private static async Task<Guid> NextPublishedMeetingAsync(WorkspaceDbContext db, Guid councilId) =>
        await db.Meetings
            .Where(m => m.CouncilId == councilId && m.Status == MeetingStatus.Published)
            .OrderBy(m => m.StartsAt)
            .Select(m => m.Id)
            .FirstAsync();

    private static async Task<Guid> TopItemAsync(WorkspaceDbContext db, Guid meetingId, int number) =>
        await db.AgendaItems
            .Where(i => i.MeetingId == meetingId && i.ParentId == null && i.Number == number)
            .Select(i => i.Id)
            .SingleAsync();
}

public static class FactoryDatabaseExtensions
{
    public static Task<WorkspaceDbContext> CreateDbContextAsync(this WebApplicationFactory<Program> factory) =>
        factory.Services.GetRequiredService<IDbContextFactory<WorkspaceDbContext>>().CreateDbContextAsync();
}
