using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Attendance;

namespace Workspace.IntegrationTests.Attendance;

public enum AttendanceAction
{
    RegisterPresence,
    RegisterApologiesWithReason,
    RegisterAllPresent,
    AddGuest,
    RemoveGuest,
    SetMinuteTaker,
    ConfirmCall,
}

public enum AttendanceOutcome
{
    Allowed,
    AccessDenied,
    NotFound,
}

/// <summary>
/// Who may register attendance at Udsatterådet's meetings: its administration only. Members, the chair and substitutes
/// read the meeting and are refused; another council's chair does not learn it exists. The services are called
/// directly: the panel and any later endpoint share these checks.
/// </summary>
public sealed class AttendanceAuthorizationMatrixTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private static int _nextDay;

    public static IEnumerable<TheoryDataRow<string, AttendanceAction, AttendanceOutcome>> Matrix()
    {
        (string Person, AttendanceOutcome Outcome)[] people =
        [
            (DevSignIn.Administration, AttendanceOutcome.Allowed),
            (DevSignIn.Member, AttendanceOutcome.AccessDenied),
            (DevSignIn.Chair, AttendanceOutcome.AccessDenied),
            (DevSignIn.Substitute, AttendanceOutcome.AccessDenied),
            (DevSignIn.OtherCouncilChair, AttendanceOutcome.NotFound),
        ];
        return from p in people
               from action in Enum.GetValues<AttendanceAction>()
               select new TheoryDataRow<string, AttendanceAction, AttendanceOutcome>(p.Person, action, p.Outcome);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Only_the_councils_administration_registers_attendance(string person, AttendanceAction action, AttendanceOutcome expected)
    {
        // Arrange: each row has a meeting of its own, with a guest and a proposed substitute, so rows do not meet
        var ids = await DemoIds.LoadAsync(factory);
        var attendance = factory.Service<AttendanceService>();
        var secretary = await factory.UserAsync(DevSignIn.Administration);
        var meetingId = await MeetingAsync(ids);
        var poul = await DemoIds.PersonIdAsync(factory, "Poul Skovbo");
        var mia = await DemoIds.PersonIdAsync(factory, DevSignIn.Member);
        var iben = secretary.PersonId!.Value;
        await attendance.AddGuestAsync(secretary, meetingId, "Lise Holm (Boligforeningen Nordbo)", Ct);
        await attendance.RegisterPresenceAsync(secretary, meetingId, await DemoIds.PersonIdAsync(factory, "Leni Dahlgaard"), PresenceStatus.Apologies, ct: Ct);
        var before = await attendance.GetOverviewAsync(secretary, meetingId, Ct);
        var guestId = before.Guests.Single().AttendanceId!.Value;
        var callId = before.Calls.Single().Id;
        var user = await factory.UserAsync(person);

        // Act
        var outcome = await OutcomeOfAsync(action switch
        {
            AttendanceAction.RegisterPresence => () => attendance.RegisterPresenceAsync(user, meetingId, mia, PresenceStatus.Present, ct: Ct),
            AttendanceAction.RegisterApologiesWithReason => () => attendance.RegisterPresenceAsync(user, meetingId, poul, PresenceStatus.Apologies, "Syg", Ct),
            AttendanceAction.RegisterAllPresent => () => attendance.RegisterAllPresentAsync(user, meetingId, Ct),
            AttendanceAction.AddGuest => () => attendance.AddGuestAsync(user, meetingId, "Matrixgæst", Ct),
            AttendanceAction.RemoveGuest => () => attendance.RemoveGuestAsync(user, guestId, Ct),
            AttendanceAction.SetMinuteTaker => () => attendance.SetMinuteTakerAsync(user, meetingId, iben, Ct),
            AttendanceAction.ConfirmCall => () => attendance.ConfirmCallAsync(user, callId, Ct),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        });

        // Assert: the outcome, and that the data changed exactly when the action was allowed
        Assert.Equal(expected, outcome);
        var after = await attendance.GetOverviewAsync(secretary, meetingId, Ct);
        var changed = action switch
        {
            AttendanceAction.RegisterPresence => after.Members.Single(m => m.PersonId == mia).Presence == PresenceStatus.Present,
            AttendanceAction.RegisterApologiesWithReason => after.Members.Single(m => m.PersonId == poul).ResponseNote == "Syg"
                && after.Calls.Count == 2,
            AttendanceAction.RegisterAllPresent => after.Members.Count(m => m.Presence == PresenceStatus.Present) > 0,
            AttendanceAction.AddGuest => after.Guests.Any(g => g.Name == "Matrixgæst"),
            AttendanceAction.RemoveGuest => after.Guests.Count == 0,
            AttendanceAction.SetMinuteTaker => after.MinuteTakerId == iben,
            AttendanceAction.ConfirmCall => after.Calls.Single().Status == SubstituteCallStatus.Confirmed,
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        Assert.Equal(expected == AttendanceOutcome.Allowed, changed);
    }

    private async Task<Guid> MeetingAsync(DemoIds ids)
    {
        await using var db = await factory.CreateDbContextAsync();
        var startsAt = DateTimeOffset.UtcNow.Date.AddDays(90 + Interlocked.Increment(ref _nextDay)).AddHours(15);
        var meeting = new Meeting
        {
            CouncilId = ids.Udsatteraadet,
            Title = "Matrixmøde om fremmøde",
            StartsAt = startsAt,
            EndsAt = startsAt.AddHours(2),
            Status = MeetingStatus.Published,
            PublishedAt = DateTimeOffset.UtcNow,
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(Ct);
        return meeting.Id;
    }

    private static async Task<AttendanceOutcome> OutcomeOfAsync(Func<Task> action)
    {
        try
        {
            await action();
            return AttendanceOutcome.Allowed;
        }
        catch (AccessDeniedException)
        {
            return AttendanceOutcome.AccessDenied;
        }
        catch (NotFoundException)
        {
            return AttendanceOutcome.NotFound;
        }
    }
}
