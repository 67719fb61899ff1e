using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;

namespace Workspace.IntegrationTests.Minutes;

/// <summary>The demo meetings the minutes tests use: the held one (minutes not started) and the one with approved minutes.</summary>
public sealed record MinutesDemo(Guid HeldMeeting, Guid ApprovedMeeting, Guid NextMeeting, Guid NextApprovalItem, Guid HeldApprovalItem)
{
    public static async Task<MinutesDemo> LoadAsync(WorkspaceFactory factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var council = await db.Councils.Where(c => c.Name == "Udsatterådet").Select(c => c.Id).SingleAsync();
        var held = await db.Meetings.Where(m => m.CouncilId == council && m.Status == MeetingStatus.Held).Select(m => m.Id).SingleAsync();
        var approved = await db.Meetings.Where(m => m.CouncilId == council && m.Status == MeetingStatus.Closed).Select(m => m.Id).SingleAsync();
        var nextItem = await db.AgendaItems.Where(i => i.ApprovesMinutesOfMeetingId == held).Select(i => new { i.Id, i.MeetingId }).SingleAsync();
        var heldItem = await db.AgendaItems.Where(i => i.ApprovesMinutesOfMeetingId == approved).Select(i => i.Id).SingleAsync();
        return new MinutesDemo(held, approved, nextItem.MeetingId, nextItem.Id, heldItem);
    }
}
