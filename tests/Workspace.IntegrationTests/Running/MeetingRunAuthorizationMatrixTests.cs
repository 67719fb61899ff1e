using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Hubs;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.RoomScreen;
using Workspace.Web.Features.Running;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Running;

public enum RunAction
{
    Start,
    End,
    Step,
    SetCurrent,
    StartTimer,
    PauseTimer,
    ExtendTimer,
    MarkHandled,
    Arrival,
    Departure,
}

public enum RunOutcome
{
    Allowed,
    AccessDenied,
    NotFound,
}

/// <summary>
/// Who runs a meeting: the administration and the council's chair start and end it, move the current item, work the
/// timer, mark items handled and register arrivals and departures; a member, a substitute (stepping in or not), another
/// council's member, someone not signed in and the room screen's device (a display link of that meeting) do none of it,
/// and the data stays as it was. Each row gets a meeting of
/// its own. The page's controls and start/end buttons call these services, so they share these checks.
/// </summary>
public sealed class MeetingRunAuthorizationMatrixTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private const RunOutcome A = RunOutcome.Allowed;
    private const RunOutcome D = RunOutcome.AccessDenied;
    private const RunOutcome N = RunOutcome.NotFound;

    public static IEnumerable<TheoryDataRow<LiveRole, RunAction, RunOutcome>> Matrix()
    {
        var rows = new List<TheoryDataRow<LiveRole, RunAction, RunOutcome>>();
        void Role(LiveRole role, RunOutcome outcome)
        {
            foreach (var action in Enum.GetValues<RunAction>())
            {
                rows.Add(new TheoryDataRow<LiveRole, RunAction, RunOutcome>(role, action, outcome));
            }
        }

        Role(LiveRole.Administration, A);
        Role(LiveRole.Chair, A);
        Role(LiveRole.Member, D);
        Role(LiveRole.Substitute, D);
        Role(LiveRole.SubstituteSteppingIn, D);
        Role(LiveRole.OtherCouncilMember, N);
        Role(LiveRole.Anonymous, N);
        return rows;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public Task Only_the_administration_and_the_chair_run_the_meeting(LiveRole role, RunAction action, RunOutcome expected) =>
        AssertRunAsync(_ => UserAsync(role), action, expected);

    public static TheoryData<RunAction> Actions() => [.. Enum.GetValues<RunAction>()];

    [Theory]
    [MemberData(nameof(Actions))]
    public Task A_display_signed_in_by_a_link_of_the_meeting_itself_runs_nothing(RunAction action) =>
        AssertRunAsync(meeting => Task.FromResult(WorkspaceUser.From(DisplayPrincipal.Create(Guid.NewGuid(), meeting.Meeting))), action, N);

    private async Task AssertRunAsync(Func<RunMeeting, Task<WorkspaceUser>> userOf, RunAction action, RunOutcome expected)
    {
        // Arrange
        var meeting = await RunMeetings.CreateAsync(factory, action == RunAction.Start ? MeetingStatus.Published : MeetingStatus.InProgress,
            atFirst: action != RunAction.Start);
        var user = await userOf(meeting);
        var run = factory.Service<MeetingRunService>();
        var arrivals = factory.Service<ArrivalService>();
        var mia = await DemoIds.PersonIdAsync(factory, DevSignIn.Member);
        if (action == RunAction.Departure)
        {
            await arrivals.ArrivedAsync(await factory.UserAsync(DevSignIn.Administration), meeting.Meeting, mia, AttendanceChannel.Room, Ct);
        }
        var before = await SnapshotAsync(meeting, mia);

        // Act
        var outcome = await OutcomeOfAsync(action switch
        {
            RunAction.Start => () => run.StartAsync(user, meeting.Meeting, Ct),
            RunAction.End => () => run.EndAsync(user, meeting.Meeting, Ct),
            RunAction.Step => () => run.StepAsync(user, meeting.Meeting, meeting.First, 1, Ct),
            RunAction.SetCurrent => () => run.SetCurrentAsync(user, meeting.Meeting, meeting.First, meeting.Third, Ct),
            RunAction.StartTimer => async () =>
            {
                await PauseAsSecretaryAsync(meeting);
                before = await SnapshotAsync(meeting, mia);
                await run.StartTimerAsync(user, meeting.Meeting, meeting.First, Ct);
            },
            RunAction.PauseTimer => () => run.PauseTimerAsync(user, meeting.Meeting, meeting.First, Ct),
            RunAction.ExtendTimer => () => run.ExtendTimerAsync(user, meeting.Meeting, meeting.First, 5, Ct),
            RunAction.MarkHandled => () => run.MarkHandledAsync(user, meeting.Meeting, meeting.First, true, Ct),
            RunAction.Arrival => () => arrivals.ArrivedAsync(user, meeting.Meeting, mia, AttendanceChannel.Online, Ct),
            RunAction.Departure => () => arrivals.LeftAsync(user, meeting.Meeting, mia, Ct),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        });

        // Assert: the outcome, and the data changed exactly when the action was allowed
        Assert.Equal(expected, outcome);
        var after = await SnapshotAsync(meeting, mia);
        Assert.Equal(expected == RunOutcome.Allowed, before != after);
    }

    [Theory]
    [InlineData(LiveRole.Administration, true)]
    [InlineData(LiveRole.Chair, true)]
    [InlineData(LiveRole.Member, false)]
    [InlineData(LiveRole.Substitute, false)]
    [InlineData(LiveRole.SubstituteSteppingIn, false)]
    public async Task The_run_state_says_who_controls_and_the_page_offers_the_controls_to_them_alone(LiveRole role, bool controls)
    {
        // Arrange
        var meeting = await RunMeetings.CreateAsync(factory, MeetingStatus.InProgress, atFirst: true);
        var user = await UserAsync(role);

        // Act
        var state = await factory.Service<MeetingRunService>().StateAsync(user, meeting.Meeting, Ct);
        var details = await factory.Service<Workspace.Web.Features.Meetings.MeetingService>().GetMeetingAsync(user, meeting.Meeting, Ct);

        // Assert
        Assert.Equal(controls, state.CanControl);
        Assert.Equal(controls, details.Rights.CanControl);
    }

    private async Task<WorkspaceUser> UserAsync(LiveRole role) => role switch
    {
        LiveRole.Administration => await factory.UserAsync(DevSignIn.Administration),
        LiveRole.Chair => await factory.UserAsync(DevSignIn.Chair),
        LiveRole.Member => await factory.UserAsync(DevSignIn.Member),
        LiveRole.Substitute => await factory.UserAsync(DevSignIn.Substitute),
        LiveRole.SubstituteSteppingIn => await factory.UserAsync(RunMeetings.SteppingInSubstitute),
        LiveRole.OtherCouncilMember => await factory.UserAsync(DevSignIn.OtherCouncilChair),
        _ => WorkspaceUser.Anonymous,
    };

    private async Task PauseAsSecretaryAsync(RunMeeting meeting) =>
        await factory.Service<MeetingRunService>().PauseTimerAsync(await factory.UserAsync(DevSignIn.Administration), meeting.Meeting, meeting.First, Ct);

    /// <summary>Everything a run action may change: the meeting's run, the first item's timer and status, Mia's attendance.</summary>
    private async Task<string> SnapshotAsync(RunMeeting meeting, Guid personId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var m = await db.Meetings.AsNoTracking().SingleAsync(x => x.Id == meeting.Meeting, Ct);
        var first = await db.AgendaItems.AsNoTracking().SingleAsync(i => i.Id == meeting.First, Ct);
        var attendance = await db.Attendances.AsNoTracking().SingleOrDefaultAsync(a => a.MeetingId == meeting.Meeting && a.PersonId == personId, Ct);
        return $"{m.Status} {m.CurrentItemId} {m.EndedAt} | {first.Status} {first.TimerStartedAt} {first.TimerExtraMinutes} | " +
               $"{attendance?.Presence} {attendance?.Channel} {attendance?.ArrivedAt} {attendance?.LeftAt}";
    }

    private static async Task<RunOutcome> OutcomeOfAsync(Func<Task> action)
    {
        try
        {
            await action();
            return RunOutcome.Allowed;
        }
        catch (AccessDeniedException)
        {
            return RunOutcome.AccessDenied;
        }
        catch (NotFoundException)
        {
            return RunOutcome.NotFound;
        }
    }
}
