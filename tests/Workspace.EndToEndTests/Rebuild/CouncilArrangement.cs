using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Data.Sqlite;

namespace Workspace.EndToEndTests.Rebuild;

/// <summary>
/// Talks to the running app's SQLite file directly: seats the minutes' people the demo council lacks before the rebuild
/// (not UI work, so not counted), and reads back what the rebuild stored where the JSON API has no place for it.
/// </summary>
public sealed class CouncilArrangement(string databaseFile)
{
    private WorkspaceDbContext Open() => new(new DbContextOptionsBuilder<WorkspaceDbContext>()
        .UseSqlite($"Data Source={databaseFile}", SqliteProvider.Configure)
        .Options);

    /// <summary>
    /// Seats the council as it was on the meeting's day: the people of <paramref name="meeting"/> who are not in the demo
    /// data get the term that covered it (<see cref="TermOf"/>), and the demo people in the minutes have their term moved
    /// back to start with it. Everyone else (today's substitutes and newer members) keeps a term that does not cover the
    /// meeting, so its lists hold exactly the minutes' people.
    /// </summary>
    public async Task SeatMissingPeopleAsync(RebuildMeeting meeting)
    {
        var (termStart, termEnd) = TermOf(meeting.Date);
        await using var db = Open();
        var council = await db.Councils.SingleAsync(c => c.Name == meeting.Council);
        var seated = await db.Memberships.Where(m => m.CouncilId == council.Id).Include(m => m.Person).ToListAsync();
        foreach (var person in meeting.People.Where(p => !p.InDemoData))
        {
            if (seated.Any(m => m.Person!.Name == person.Name))
            {
                throw new InvalidOperationException($"{person.Name} is already in {meeting.Council}; mark them InDemoData.");
            }
            db.Memberships.Add(new Membership
            {
                CouncilId = council.Id,
                Person = new Person { Name = person.Name, Email = Infrastructure.DemoPeople.EmailOf(person.Name) },
                Kind = person.Seat == Seat.Member ? MembershipKind.Member : MembershipKind.Administration,
                Organisation = person.Seat == Seat.Member ? person.Organisation : null,
                Title = person.Seat == Seat.Administration ? person.Organisation : null,
                TermStart = termStart,
                TermEnd = termEnd,
            });
        }
        foreach (var person in meeting.People.Where(p => p.InDemoData))
        {
            var seat = seated.SingleOrDefault(m => m.Person!.Name == person.Name && m.Kind == KindOf(person.Seat))
                ?? throw new InvalidOperationException($"{person.Name} is not in the demo data of {meeting.Council}.");
            seat.TermStart = termStart;
        }
        await db.SaveChangesAsync();
    }

    /// <summary>The four-year municipal term around a date: 1 January after an election year (2013, 2017, ...) to 31 December of the next.</summary>
    public static (DateOnly Start, DateOnly End) TermOf(DateOnly date)
    {
        var start = date.Year - ((date.Year - 2014) % 4 + 4) % 4;
        return (new DateOnly(start, 1, 1), new DateOnly(start + 3, 12, 31));
    }

    private static MembershipKind KindOf(Seat seat) => seat == Seat.Member ? MembershipKind.Member : MembershipKind.Administration;

    /// <summary>The attendance the app stored for a meeting: each person's presence, the guests and the minute-taker.</summary>
    public async Task<StoredAttendance> AttendanceAsync(Guid meetingId)
    {
        await using var db = Open();
        var rows = await db.Attendances.AsNoTracking().Where(a => a.MeetingId == meetingId)
            .Select(a => new { Name = a.Person == null ? null : a.Person.Name, a.GuestName, a.Presence, a.ResponseNote })
            .ToListAsync();
        var minuteTaker = await db.Meetings.Where(m => m.Id == meetingId).Select(m => m.MinuteTaker == null ? null : m.MinuteTaker.Name).SingleAsync();
        return new StoredAttendance(
            rows.Where(r => r.Name is not null).ToDictionary(r => r.Name!, r => r.Presence),
            rows.Where(r => r.Name is not null && r.ResponseNote is not null).ToDictionary(r => r.Name!, r => r.ResponseNote!),
            [.. rows.Where(r => r.GuestName is not null).Select(r => r.GuestName!)],
            minuteTaker);
    }
}

public sealed record StoredAttendance(
    IReadOnlyDictionary<string, PresenceStatus> Presence,
    IReadOnlyDictionary<string, string> Notes,
    IReadOnlyList<string> Guests,
    string? MinuteTaker);
