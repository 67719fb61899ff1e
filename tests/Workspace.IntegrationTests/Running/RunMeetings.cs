using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Running;

/// <summary>A meeting of Udsatterådet of its own per test: items 1 (open, 20 min.), 2 (closed), a heading, 3 (open) and 4 (postponed).</summary>
public sealed record RunMeeting(Guid Meeting, Guid First, Guid Closed, Guid Third, Guid Postponed, Guid Heading);

public static class RunMeetings
{
    public const string SteppingInSubstitute = "Martin Rosendahl";
    public const string AbsentMember = "Poul Skovbo";

    /// <summary>
    /// Creates the meeting in <paramref name="status"/>; with <paramref name="atFirst"/> it is running at item 1 with its
    /// timer started. The second substitute is called in (confirmed) for an absent member, so he steps in here.
    /// </summary>
    public static async Task<RunMeeting> CreateAsync(WorkspaceFactory factory, MeetingStatus status, bool atFirst = false)
    {
        var now = factory.Service<TimeProvider>().GetUtcNow();
        await using var db = await factory.CreateDbContextAsync();
        var council = await db.Councils.Where(c => c.Name == "Udsatterådet").Select(c => c.Id).SingleAsync(Ct);
        var substitute = await db.People.Where(p => p.Name == SteppingInSubstitute).Select(p => p.Id).SingleAsync(Ct);
        var absent = await db.People.Where(p => p.Name == AbsentMember).Select(p => p.Id).SingleAsync(Ct);
        var startsAt = now.AddDays(14).AddMinutes(Random.Shared.Next(0, 60 * 24 * 30));
        var meeting = new Meeting
        {
            CouncilId = council,
            Title = $"Kørselsmøde {Guid.NewGuid():N}",
            StartsAt = startsAt,
            EndsAt = startsAt.AddHours(2),
            Place = "Rådhuset, mødelokale 2",
            Status = status,
            PublishedAt = status == MeetingStatus.Draft ? null : startsAt.AddDays(-30),
        };
        var first = new AgendaItem { MeetingId = meeting.Id, Number = 1, Title = "Godkendelse af dagsorden", AllottedMinutes = 20 };
        var closed = new AgendaItem { MeetingId = meeting.Id, Number = 2, Title = "Lukket sag om en borger", IsClosed = true, AllottedMinutes = 10 };
        var heading = new AgendaItem { MeetingId = meeting.Id, Number = 3, Title = "Orienteringspunkter", Layout = AgendaItemLayout.Section };
        var third = new AgendaItem { MeetingId = meeting.Id, Number = 4, Title = "Nyt fra formanden" };
        var postponed = new AgendaItem { MeetingId = meeting.Id, Number = 5, Title = "Udsat punkt", Status = AgendaItemStatus.Postponed };
        if (atFirst)
        {
            meeting.StartedAt = now;
            meeting.CurrentItemId = first.Id;
            meeting.CurrentItemSince = now;
            first.TimerStartedAt = now;
        }
        db.Meetings.Add(meeting);
        db.AgendaItems.AddRange(first, closed, heading, third, postponed);
        db.SubstituteCalls.Add(new SubstituteCall
        {
            MeetingId = meeting.Id,
            SubstituteId = substitute,
            ForMemberId = absent,
            Status = SubstituteCallStatus.Confirmed,
            ProposedAt = DateTimeOffset.UtcNow,
            DecidedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync(Ct);
        return new RunMeeting(meeting.Id, first.Id, closed.Id, third.Id, postponed.Id, heading.Id);
    }

    public static async Task<Meeting> MeetingAsync(WorkspaceFactory factory, Guid meetingId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId, Ct);
    }

    public static async Task<AgendaItem> ItemAsync(WorkspaceFactory factory, Guid itemId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.AgendaItems.AsNoTracking().SingleAsync(i => i.Id == itemId, Ct);
    }
}
