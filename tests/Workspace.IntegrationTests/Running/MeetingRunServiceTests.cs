using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.FollowUps;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Collaboration;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Running;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Running;

/// <summary>The run of a meeting through <see cref="MeetingRunService"/> and <see cref="ArrivalService"/> on real SQLite, with a clock the tests move.</summary>
public sealed class MeetingRunServiceTests(FollowUpsFactory factory) : IClassFixture<FollowUpsFactory>
{
    private MeetingRunService Run => factory.Service<MeetingRunService>();
    private ArrivalService Arrivals => factory.Service<ArrivalService>();

    [Fact]
    public async Task Starting_puts_the_meeting_in_progress_at_its_first_item_with_the_timer_running_and_tells_everyone()
    {
        // Arrange
        var meeting = await RunMeetings.CreateAsync(factory, MeetingStatus.Published);
        var chair = await factory.UserAsync(DevSignIn.Chair);
        using var heard = new HeardChanges(factory.Service<IMeetingNotifier>(), meeting.Meeting);

        // Act
        await Run.StartAsync(chair, meeting.Meeting, Ct);

        // Assert
        var stored = await RunMeetings.MeetingAsync(factory, meeting.Meeting);
        Assert.Equal(MeetingStatus.InProgress, stored.Status);
        Assert.NotNull(stored.StartedAt);
        Assert.Equal(meeting.First, stored.CurrentItemId);
        Assert.NotNull((await RunMeetings.ItemAsync(factory, meeting.First)).TimerStartedAt);
        await heard.WaitForAsync(c => c.Kind == MeetingChangeKind.MeetingChanged);
        var state = await Run.StateAsync(await factory.UserAsync(DevSignIn.Member), meeting.Meeting, Ct);
        Assert.True(state.IsRunning);
        Assert.Equal("1", state.Current!.Number);
        Assert.Equal("Godkendelse af dagsorden", state.Current.Title);
        Assert.True(state.Current.Timer.IsRunning);
        Assert.False(state.CanControl);
    }

    [Fact]
    public async Task Only_a_published_meeting_can_be_started()
    {
        // Arrange
        var running = await RunMeetings.CreateAsync(factory, MeetingStatus.InProgress, atFirst: true);
        var held = await RunMeetings.CreateAsync(factory, MeetingStatus.Held);
        var secretary = await factory.UserAsync(DevSignIn.Administration);

        // Act & Assert
        var again = await Assert.ThrowsAsync<InputValidationException>(() => Run.StartAsync(secretary, running.Meeting, Ct));
        var heldAgain = await Assert.ThrowsAsync<InputValidationException>(() => Run.StartAsync(secretary, held.Meeting, Ct));
        Assert.Equal("Run.CannotStart", again.Errors[0].MessageKey);
        Assert.Equal("Run.CannotStart", heldAgain.Errors[0].MessageKey);
    }

    [Fact]
    public async Task Next_skips_headings_postponed_items_and_stops_at_the_end_and_the_previous_item_timer_pauses()
    {
        // Arrange
        var meeting = await RunMeetings.CreateAsync(factory, MeetingStatus.InProgress, atFirst: true);
        var chair = await factory.UserAsync(DevSignIn.Chair);

        // Act
        factory.Clock.Advance(TimeSpan.FromMinutes(3));
        await Run.StepAsync(chair, meeting.Meeting, meeting.First, 1, Ct);
        var atClosed = await RunMeetings.MeetingAsync(factory, meeting.Meeting);
        await Run.StepAsync(chair, meeting.Meeting, meeting.Closed, 1, Ct);
        var atThird = await RunMeetings.MeetingAsync(factory, meeting.Meeting);
        var past = await Assert.ThrowsAsync<InputValidationException>(() => Run.StepAsync(chair, meeting.Meeting, meeting.Third, 1, Ct));
        await Run.StepAsync(chair, meeting.Meeting, meeting.Third, -1, Ct);
        await Run.StepAsync(chair, meeting.Meeting, meeting.Closed, -1, Ct);
        var before = await Assert.ThrowsAsync<InputValidationException>(() => Run.StepAsync(chair, meeting.Meeting, meeting.First, -1, Ct));
        var sideways = await Assert.ThrowsAsync<InputValidationException>(() => Run.StepAsync(chair, meeting.Meeting, meeting.First, 2, Ct));

        // Assert
        Assert.Equal(meeting.Closed, atClosed.CurrentItemId);
        Assert.Equal(meeting.Third, atThird.CurrentItemId);
        Assert.Equal("Run.NoNextItem", past.Errors[0].MessageKey);
        Assert.Equal("Run.NoPreviousItem", before.Errors[0].MessageKey);
        Assert.Equal("Run.BadStep", sideways.Errors[0].MessageKey);
        var first = await RunMeetings.ItemAsync(factory, meeting.First);
        Assert.NotNull(first.TimerStartedAt);
        Assert.InRange(first.TimerUsedSeconds, 179, 185);
        Assert.Null((await RunMeetings.ItemAsync(factory, meeting.Third)).TimerStartedAt);
    }

    [Fact]
    public async Task Two_controllers_pressing_next_at_once_move_one_step_the_stale_one_is_told_of_a_conflict()
    {
        // Arrange
        var meeting = await RunMeetings.CreateAsync(factory, MeetingStatus.InProgress, atFirst: true);
        var chair = await factory.UserAsync(DevSignIn.Chair);
        var secretary = await factory.UserAsync(DevSignIn.Administration);

        // Act: both saw item 1 as current
        await Run.StepAsync(chair, meeting.Meeting, meeting.First, 1, Ct);
        var stale = Run.StepAsync(secretary, meeting.Meeting, meeting.First, 1, Ct);
        var staleSet = Run.SetCurrentAsync(secretary, meeting.Meeting, meeting.First, meeting.Third, Ct);

        // Assert
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => stale);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => staleSet);
        Assert.Equal(meeting.Closed, (await RunMeetings.MeetingAsync(factory, meeting.Meeting)).CurrentItemId);
    }

    [Fact]
    public async Task Go_to_item_takes_any_item_of_the_meeting_but_not_a_heading_or_another_meetings_item()
    {
        // Arrange
        var meeting = await RunMeetings.CreateAsync(factory, MeetingStatus.InProgress, atFirst: true);
        var other = await RunMeetings.CreateAsync(factory, MeetingStatus.InProgress, atFirst: true);
        var secretary = await factory.UserAsync(DevSignIn.Administration);

        // Act
        await Run.SetCurrentAsync(secretary, meeting.Meeting, meeting.First, meeting.Third, Ct);

        // Assert
        Assert.Equal(meeting.Third, (await RunMeetings.MeetingAsync(factory, meeting.Meeting)).CurrentItemId);
        Assert.NotNull((await RunMeetings.ItemAsync(factory, meeting.Third)).TimerStartedAt);
        Assert.Null((await RunMeetings.ItemAsync(factory, meeting.First)).TimerStartedAt);
        await Assert.ThrowsAsync<NotFoundException>(() => Run.SetCurrentAsync(secretary, meeting.Meeting, meeting.Third, meeting.Heading, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => Run.SetCurrentAsync(secretary, meeting.Meeting, meeting.Third, other.First, Ct));
    }

    [Fact]
    public async Task A_closed_current_item_is_unnamed_for_a_substitute_who_is_not_stepping_in_and_named_for_the_others()
    {
        // Arrange
        var meeting = await RunMeetings.CreateAsync(factory, MeetingStatus.InProgress, atFirst: true);
        await Run.StepAsync(await factory.UserAsync(DevSignIn.Chair), meeting.Meeting, meeting.First, 1, Ct);

        // Act
        var substitute = await Run.StateAsync(await factory.UserAsync(DevSignIn.Substitute), meeting.Meeting, Ct);
        var steppingIn = await Run.StateAsync(await factory.UserAsync(RunMeetings.SteppingInSubstitute), meeting.Meeting, Ct);
        var member = await Run.StateAsync(await factory.UserAsync(DevSignIn.Member), meeting.Meeting, Ct);
        var shared = factory.Service<LiveRunReads>();
        var change = new MeetingChange(meeting.Meeting, MeetingChangeKind.RunChanged, null, null, null);
        var substituteLive = await shared.StateAsync(change, await factory.UserAsync(DevSignIn.Substitute));
        var memberLive = await shared.StateAsync(change, await factory.UserAsync(DevSignIn.Member));
        var otherCouncil = await shared.StateAsync(change, await factory.UserAsync(DevSignIn.OtherCouncilChair));

        // Assert
        Assert.True(substitute.Current!.IsHidden);
        Assert.Equal("2", substitute.Current.Number);
        Assert.Equal("Lukket sag om en borger", steppingIn.Current!.Title);
        Assert.Equal("Lukket sag om en borger", member.Current!.Title);
        Assert.True(substituteLive!.Current!.IsHidden);
        Assert.Equal("Lukket sag om en borger", memberLive!.Current!.Title);
        Assert.Null(otherCouncil);
        var outsider = await factory.UserAsync(DevSignIn.OtherCouncilChair);
        await Assert.ThrowsAsync<NotFoundException>(() => Run.StateAsync(outsider, meeting.Meeting, Ct));
    }

    [Fact]
    public async Task A_move_names_the_new_item_to_those_who_may_read_it_and_to_nobody_else()
    {
        // Arrange: a member and a substitute who is not stepping in follow the meeting; item 2 is closed
        var meeting = await RunMeetings.CreateAsync(factory, MeetingStatus.InProgress, atFirst: true);
        var chair = await factory.UserAsync(DevSignIn.Chair);
        var feed = factory.Service<MeetingFeed>();
        var member = new RunInbox();
        var substitute = new RunInbox();
        using var memberFeed = await feed.SubscribeAsync(meeting.Meeting, await factory.UserAsync(DevSignIn.Member), member.Receive);
        using var substituteFeed = await feed.SubscribeAsync(meeting.Meeting, await factory.UserAsync(DevSignIn.Substitute), substitute.Receive);

        // Act: to the closed item, then to item 3
        await Run.StepAsync(chair, meeting.Meeting, meeting.First, 1, Ct);
        await Run.StepAsync(chair, meeting.Meeting, meeting.Closed, 1, Ct);

        // Assert: both hear both moves; only the member hears which closed item it is
        Assert.Equal([meeting.Closed, meeting.Third], await member.MovesAsync(2));
        Assert.Equal([null, meeting.Third], await substitute.MovesAsync(2));
    }

    /// <summary>The current items the run changes named, in the order they came.</summary>
    private sealed class RunInbox
    {
        private readonly List<Guid?> _moves = [];
        private readonly SemaphoreSlim _arrived = new(0);

        public Task Receive(MeetingChange change)
        {
            if (change.Kind == MeetingChangeKind.RunChanged)
            {
                lock (_moves)
                {
                    _moves.Add(change.AgendaItemId);
                }
                _arrived.Release();
            }
            return Task.CompletedTask;
        }

        public async Task<Guid?[]> MovesAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                Assert.True(await _arrived.WaitAsync(TimeSpan.FromSeconds(10), Ct), "A run change did not arrive.");
            }
            lock (_moves)
            {
                return [.. _moves];
            }
        }
    }

    [Fact]
    public async Task The_timer_pauses_resumes_and_extends_and_the_time_used_adds_up()
    {
        // Arrange
        var meeting = await RunMeetings.CreateAsync(factory, MeetingStatus.InProgress, atFirst: true);
        var chair = await factory.UserAsync(DevSignIn.Chair);

        // Act
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await Run.PauseTimerAsync(chair, meeting.Meeting, meeting.First, Ct);
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        var paused = (await Run.StateAsync(chair, meeting.Meeting, Ct)).Current!.Timer;
        await Run.StartTimerAsync(chair, meeting.Meeting, meeting.First, Ct);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await Run.ExtendTimerAsync(chair, meeting.Meeting, meeting.First, 5, Ct);
        var running = (await Run.StateAsync(chair, meeting.Meeting, Ct)).Current!.Timer;
        var tooMuch = await Assert.ThrowsAsync<InputValidationException>(() => Run.ExtendTimerAsync(chair, meeting.Meeting, meeting.First, 61, Ct));
        var none = await Assert.ThrowsAsync<InputValidationException>(() => Run.ExtendTimerAsync(chair, meeting.Meeting, meeting.First, 0, Ct));

        // Assert
        Assert.False(paused.IsRunning);
        Assert.InRange(paused.Used.TotalSeconds, 119, 125);
        Assert.True(running.IsRunning);
        Assert.InRange(running.Used.TotalSeconds, 179, 185);
        Assert.Equal(TimeSpan.FromMinutes(25), running.Allotted);
        Assert.Equal("Run.BadExtension", tooMuch.Errors[0].MessageKey);
        Assert.Equal("Run.BadExtension", none.Errors[0].MessageKey);
    }

    [Fact]
    public async Task Marking_handled_stops_the_timer_and_can_be_undone_but_not_on_a_postponed_item()
    {
        // Arrange
        var meeting = await RunMeetings.CreateAsync(factory, MeetingStatus.InProgress, atFirst: true);
        var secretary = await factory.UserAsync(DevSignIn.Administration);

        // Act
        await Run.MarkHandledAsync(secretary, meeting.Meeting, meeting.First, true, Ct);
        var handled = await RunMeetings.ItemAsync(factory, meeting.First);
        await Run.MarkHandledAsync(secretary, meeting.Meeting, meeting.First, false, Ct);
        var undone = await RunMeetings.ItemAsync(factory, meeting.First);
        var postponed = await Assert.ThrowsAsync<InputValidationException>(() => Run.MarkHandledAsync(secretary, meeting.Meeting, meeting.Postponed, true, Ct));

        // Assert
        Assert.Equal(AgendaItemStatus.Handled, handled.Status);
        Assert.Null(handled.TimerStartedAt);
        Assert.Equal(AgendaItemStatus.Planned, undone.Status);
        Assert.Equal("Run.NotHandleable", postponed.Errors[0].MessageKey);
    }

    [Fact]
    public async Task Ending_makes_the_meeting_held_stops_every_timer_and_leaves_no_current_item_then_moves_are_refused()
    {
        // Arrange
        var meeting = await RunMeetings.CreateAsync(factory, MeetingStatus.InProgress, atFirst: true);
        var chair = await factory.UserAsync(DevSignIn.Chair);

        // Act
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await Run.EndAsync(chair, meeting.Meeting, Ct);

        // Assert
        var stored = await RunMeetings.MeetingAsync(factory, meeting.Meeting);
        Assert.Equal(MeetingStatus.Held, stored.Status);
        Assert.NotNull(stored.EndedAt);
        Assert.Null(stored.CurrentItemId);
        var first = await RunMeetings.ItemAsync(factory, meeting.First);
        Assert.Null(first.TimerStartedAt);
        Assert.InRange(first.TimerUsedSeconds, 59, 65);
        var step = await Assert.ThrowsAsync<InputValidationException>(() => Run.StepAsync(chair, meeting.Meeting, null, 1, Ct));
        Assert.Equal("Run.NotRunning", step.Errors[0].MessageKey);
        await Assert.ThrowsAsync<InputValidationException>(() => Run.EndAsync(chair, meeting.Meeting, Ct));
        await Assert.ThrowsAsync<InputValidationException>(() => Run.StartTimerAsync(chair, meeting.Meeting, meeting.First, Ct));
    }

    [Fact]
    public async Task A_late_arrival_is_registered_present_with_the_time_and_channel_and_a_departure_keeps_the_presence()
    {
        // Arrange
        var meeting = await RunMeetings.CreateAsync(factory, MeetingStatus.InProgress, atFirst: true);
        var chair = await factory.UserAsync(DevSignIn.Chair);
        var mia = await DemoIds.PersonIdAsync(factory, DevSignIn.Member);
        using var heard = new HeardChanges(factory.Service<IMeetingNotifier>(), meeting.Meeting);

        // Act
        await Arrivals.ArrivedAsync(chair, meeting.Meeting, mia, AttendanceChannel.Online, Ct);
        var arrived = await RowAsync(meeting.Meeting, mia);
        factory.Clock.Advance(TimeSpan.FromMinutes(45));
        await Arrivals.LeftAsync(chair, meeting.Meeting, mia, Ct);
        var left = await RowAsync(meeting.Meeting, mia);
        var twice = await Assert.ThrowsAsync<InputValidationException>(() => Arrivals.LeftAsync(chair, meeting.Meeting, mia, Ct));
        var overview = await factory.Service<Workspace.Web.Features.Attendance.AttendanceService>()
            .GetOverviewAsync(await factory.UserAsync(DevSignIn.Member), meeting.Meeting, Ct);

        // Assert
        Assert.Equal(PresenceStatus.Present, arrived.Presence);
        Assert.Equal(AttendanceChannel.Online, arrived.Channel);
        Assert.NotNull(arrived.ArrivedAt);
        Assert.Null(arrived.LeftAt);
        Assert.Equal(PresenceStatus.Present, left.Presence);
        Assert.InRange((left.LeftAt!.Value - arrived.ArrivedAt!.Value).TotalSeconds, 45 * 60 - 1, 45 * 60 + 5);
        Assert.Equal("Run.NotPresent", twice.Errors[0].MessageKey);
        await heard.WaitForAsync(c => c.Kind == MeetingChangeKind.AttendanceChanged);
        var me = overview.Members.Single(m => m.PersonId == mia);
        Assert.Equal(AttendanceChannel.Online, me.Channel);
        Assert.Equal(left.LeftAt, me.LeftAt);
        Assert.False(me.IsPresentNow);
    }

    [Fact]
    public async Task Arrivals_are_refused_for_someone_without_a_seat_a_bad_channel_and_a_meeting_that_is_not_running()
    {
        // Arrange
        var running = await RunMeetings.CreateAsync(factory, MeetingStatus.InProgress, atFirst: true);
        var published = await RunMeetings.CreateAsync(factory, MeetingStatus.Published);
        var secretary = await factory.UserAsync(DevSignIn.Administration);
        var mia = await DemoIds.PersonIdAsync(factory, DevSignIn.Member);
        var otherCouncil = await DemoIds.PersonIdAsync(factory, DevSignIn.OtherCouncilChair);

        // Act & Assert
        await Assert.ThrowsAsync<NotFoundException>(() => Arrivals.ArrivedAsync(secretary, running.Meeting, otherCouncil, AttendanceChannel.Room, Ct));
        var channel = await Assert.ThrowsAsync<InputValidationException>(() => Arrivals.ArrivedAsync(secretary, running.Meeting, mia, (AttendanceChannel)7, Ct));
        var notRunning = await Assert.ThrowsAsync<InputValidationException>(() => Arrivals.ArrivedAsync(secretary, published.Meeting, mia, AttendanceChannel.Room, Ct));
        Assert.Equal("Run.BadChannel", channel.Errors[0].MessageKey);
        Assert.Equal("Run.NotRunning", notRunning.Errors[0].MessageKey);
        await using var db = await factory.CreateDbContextAsync();
        Assert.False(await db.Attendances.AnyAsync(a => a.MeetingId == published.Meeting || (a.MeetingId == running.Meeting && a.PersonId == otherCouncil), Ct));
    }

    private async Task<Workspace.Data.Entities.Attendance> RowAsync(Guid meetingId, Guid personId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Attendances.AsNoTracking().SingleAsync(a => a.MeetingId == meetingId && a.PersonId == personId, Ct);
    }
}
