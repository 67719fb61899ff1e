using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Votes;

namespace Workspace.IntegrationTests.Votes;

/// <summary>
/// A running meeting of Udsatterådet made for one test (status "i gang", at its open item; the "running" part's UI
/// would start it), with attendance registered so that every kind of voter is there:
/// present members Gitte Holmgaard (chair), Mia Kragh, Jens Vestergaard and Poul Skovbo; Leni Dahlgaard and Karin
/// Abildgaard sent apologies; Anton Bjerre came and left; the substitute Carsten Lykke steps in for Karin (present);
/// the substitute Martin Rosendahl is registered present but not called in; the secretary Iben Sørensen is present.
/// Five may vote.
/// </summary>
public sealed record VotingMeeting(Guid MeetingId, Guid ItemId, Guid ClosedItemId)
{
    public const string Present = DevSignIn.Member;
    public const string Absent = "Leni Dahlgaard";
    public const string Left = "Anton Bjerre";
    public const string SteppingIn = DevSignIn.Substitute;
    public const string NotCalledIn = "Martin Rosendahl";
    public const int Eligible = 5;

    public static readonly string[] Voters = [DevSignIn.Chair, DevSignIn.Member, "Jens Vestergaard", "Poul Skovbo", DevSignIn.Substitute];

    public static async Task<VotingMeeting> StartAsync(WorkspaceFactory factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var council = await db.Councils.SingleAsync(c => c.Name == "Udsatterådet", Ct);
        var people = await db.People.ToDictionaryAsync(p => p.Name, p => p.Id, Ct);
        var now = DateTimeOffset.UtcNow;
        var meeting = new Meeting
        {
            CouncilId = council.Id,
            Title = $"Afstemningsmøde {Guid.NewGuid():N}",
            StartsAt = now.AddMinutes(-30),
            EndsAt = now.AddMinutes(90),
            Status = MeetingStatus.InProgress,
            PublishedAt = now.AddDays(-7),
            StartedAt = now.AddMinutes(-20),
        };
        var item = new AgendaItem { Meeting = meeting, Title = "Anbefaling af værestedets nye åbningstider", Number = 1, Kind = AgendaItemKind.Decision };
        var closed = new AgendaItem { Meeting = meeting, Title = "Lukket punkt om en borger", Number = 2, Kind = AgendaItemKind.Decision, IsClosed = true };
        meeting.AgendaItems.AddRange([item, closed]);
        meeting.CurrentItemId = item.Id;
        meeting.CurrentItemSince = now;
        void Attend(string name, AttendanceRole role, PresenceStatus presence, bool left = false) => meeting.Attendances.Add(new Workspace.Data.Entities.Attendance
        {
            PersonId = people[name],
            Role = role,
            Presence = presence,
            ArrivedAt = presence == PresenceStatus.Present ? now.AddMinutes(-20) : null,
            LeftAt = left ? now.AddMinutes(-5) : null,
        });
        foreach (var member in new[] { DevSignIn.Chair, DevSignIn.Member, "Jens Vestergaard", "Poul Skovbo" })
        {
            Attend(member, AttendanceRole.Member, PresenceStatus.Present);
        }
        Attend(Absent, AttendanceRole.Member, PresenceStatus.Apologies);
        Attend("Karin Abildgaard", AttendanceRole.Member, PresenceStatus.Apologies);
        Attend(Left, AttendanceRole.Member, PresenceStatus.Present, left: true);
        Attend(SteppingIn, AttendanceRole.Substitute, PresenceStatus.Present);
        Attend(NotCalledIn, AttendanceRole.Substitute, PresenceStatus.Present);
        Attend(DevSignIn.Administration, AttendanceRole.Administration, PresenceStatus.Present);
        meeting.SubstituteCalls.Add(new SubstituteCall
        {
            SubstituteId = people[SteppingIn],
            ForMemberId = people["Karin Abildgaard"],
            Status = SubstituteCallStatus.Confirmed,
            ProposedAt = now.AddDays(-2),
            DecidedAt = now.AddDays(-1),
            DecidedById = people[DevSignIn.Administration],
        });
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(Ct);
        return new VotingMeeting(meeting.Id, item.Id, closed.Id);
    }

    /// <summary>A poll on the current item, made by the chair (open unless told otherwise).</summary>
    public async Task<Guid> PollAsync(WorkspaceFactory factory, PollInput input, bool open = true)
    {
        var service = factory.Service<PollService>();
        var chair = await factory.UserAsync(DevSignIn.Chair);
        var id = await service.CreateAsync(chair, MeetingId, input, Ct);
        if (open)
        {
            await service.OpenAsync(chair, id, Ct);
        }
        return id;
    }

    public static PollInput Motion(bool secret = false) => new() { Question = "Skal rådet anbefale forslaget?", Kind = PollKind.Motion, IsSecret = secret };

    public static PollInput Election(PollMajority majority, bool secret, params string[] candidates) => new()
    {
        Question = "Valg af formand",
        Kind = PollKind.Election,
        IsSecret = secret,
        Majority = majority,
        Candidates = string.Join("\n", candidates),
    };
}

public enum PollOutcome
{
    Allowed,
    AccessDenied,
    NotFound,
    Refused,
}

public static class PollOutcomes
{
    public static async Task<PollOutcome> OfAsync(Func<Task> action)
    {
        try
        {
            await action();
            return PollOutcome.Allowed;
        }
        catch (AccessDeniedException)
        {
            return PollOutcome.AccessDenied;
        }
        catch (NotFoundException)
        {
            return PollOutcome.NotFound;
        }
        catch (InputValidationException)
        {
            return PollOutcome.Refused;
        }
    }
}
