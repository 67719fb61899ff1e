using System.Security.Cryptography;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.Calendar;

/// <summary>
/// Meetings as iCalendar (Ical.Net): one meeting for download, or a person's feed for calendar apps.
/// The UID is the meeting's id and SEQUENCE its calendar sequence, so calendars update a moved meeting
/// and mark a cancelled one instead of adding a second event.
/// </summary>
public sealed class CalendarService(IDbContextFactory<WorkspaceDbContext> dbFactory, CouncilAccess access)
{
    private const string UidDomain = "@radsrum";

    public async Task<string> MeetingAsync(WorkspaceUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Council).SingleOrDefaultAsync(m => m.Id == meetingId, ct)
            ?? throw new NotFoundException();
        var rights = await access.RightsAtMeetingAsync(db, user, meeting, ct);
        if (!rights.CanRead)
        {
            throw new NotFoundException();
        }
        return Serialize([meeting]);
    }

    /// <summary>The feed address's secret; made on first request and kept.</summary>
    public async Task<string> FeedTokenAsync(WorkspaceUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await db.People.SingleOrDefaultAsync(p => p.Id == user.PersonId, ct) ?? throw new NotFoundException();
        if (person.CalendarToken is null)
        {
            person.CalendarToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)).ToLowerInvariant();
            await db.SaveAsAsync(user, ct);
        }
        return person.CalendarToken;
    }

    /// <summary>All meetings the feed's owner may read, drafts excepted; null when the token is unknown.</summary>
    public async Task<string?> FeedAsync(string token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var person = await db.People.AsNoTracking().Include(p => p.Memberships)
            .SingleOrDefaultAsync(p => p.CalendarToken == token, ct);
        if (person is null || string.IsNullOrEmpty(token))
        {
            return null;
        }
        // The feed cannot carry Entra roles; it uses the roles the person's memberships stand for.
        var roles = person.Memberships.Select(m => WorkspaceRoles.For(m.Kind)).ToHashSet();
        var user = new WorkspaceUser(person.Id, person.Name, roles);
        var councils = await access.ReadableCouncilIdsAsync(db, user, ct);
        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Council)
            .Where(m => councils.Contains(m.CouncilId) && m.Status != MeetingStatus.Draft)
            .ToListAsync(ct);
        return Serialize(meetings.OrderBy(m => m.StartsAt));
    }

    private static string Serialize(IEnumerable<Meeting> meetings)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Rådsrum//Rådsrum//DA" };
        foreach (var meeting in meetings)
        {
            var calendarEvent = new CalendarEvent
            {
                Uid = meeting.Id.ToString("D") + UidDomain,
                Sequence = meeting.CalendarSequence,
                Summary = $"{meeting.Title} ({meeting.Council!.Name})",
                Start = new CalDateTime(meeting.StartsAt.UtcDateTime, CalDateTime.UtcTzId),
                End = new CalDateTime(meeting.EndsAt.UtcDateTime, CalDateTime.UtcTzId),
                Location = meeting.Place ?? meeting.OnlineLink,
                Description = meeting.OnlineLink is null ? meeting.CancellationReason : $"{meeting.OnlineLink}\n{meeting.CancellationReason}".Trim(),
                Status = meeting.Status == MeetingStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            };
            calendar.Events.Add(calendarEvent);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
