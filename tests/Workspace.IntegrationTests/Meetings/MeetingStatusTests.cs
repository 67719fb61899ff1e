using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.IntegrationTests.Members;
using Workspace.Web.Collaboration;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Attendance;
using Workspace.Web.Features.Meetings;

namespace Workspace.IntegrationTests.Meetings;

/// <summary>Recording a held meeting after the fact, and reopening a closed meeting with a reason, through MeetingService.</summary>
public sealed class MeetingStatusTests : IAsyncLifetime
{
    private readonly MembersFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private MeetingService Meetings => _factory.Service<MeetingService>();

    private static MeetingInput Input(DateTime date, bool recordsHeld) => new()
    {
        Title = "Rådsmøde",
        Date = date,
        StartTime = new TimeSpan(16, 0, 0),
        EndTime = new TimeSpan(18, 0, 0),
        Place = "Rådhuset, mødelokale 2A",
        RecordsHeldMeeting = recordsHeld,
    };

    [Fact]
    public async Task A_past_meeting_recorded_as_held_is_held_sends_no_mail_and_takes_attendance()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await _factory.UserAsync(DevSignIn.Administration);
        var member = await _factory.UserAsync(DevSignIn.Member);

        // Act: three weeks ago, within the seeded members' terms (a meeting outside a term does not list its member)
        var id = await Meetings.CreateMeetingAsync(secretary, ids.Udsatteraadet, Input(DateTime.Today.AddDays(-21), recordsHeld: true), Ct);
        await _factory.Service<AttendanceService>().RegisterPresenceAsync(secretary, id, member.PersonId!.Value, PresenceStatus.Present, ct: Ct);

        // Assert
        await using var db = await _factory.CreateDbContextAsync();
        var meeting = await db.Meetings.SingleAsync(m => m.Id == id, Ct);
        Assert.Equal(MeetingStatus.Held, meeting.Status);
        Assert.Null(meeting.PublishedAt);
        Assert.Equal(PresenceStatus.Present, (await db.Attendances.SingleAsync(a => a.MeetingId == id && a.PersonId == member.PersonId, Ct)).Presence);
        Assert.Empty(_factory.MailFiles);
        // Members read it as held, not as a draft hidden from them.
        Assert.Equal(MeetingStatus.Held, (await Meetings.GetMeetingAsync(member, id, Ct)).Status);
    }

    [Fact]
    public async Task A_meeting_still_ahead_cannot_be_recorded_as_held()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await _factory.UserAsync(DevSignIn.Administration);

        // Act
        var refused = await Assert.ThrowsAsync<InputValidationException>(() =>
            Meetings.CreateMeetingAsync(secretary, ids.Udsatteraadet, Input(DateTime.Today.AddDays(30), recordsHeld: true), Ct));

        // Assert
        Assert.Equal([new FieldError(nameof(MeetingInput.Date), "MeetingForm.HeldMustBePast")], refused.Errors);
    }

    [Fact]
    public async Task A_past_meeting_not_recorded_as_held_stays_a_draft()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await _factory.UserAsync(DevSignIn.Administration);

        // Act
        var id = await Meetings.CreateMeetingAsync(secretary, ids.Udsatteraadet, Input(new DateTime(2021, 10, 14), recordsHeld: false), Ct);

        // Assert
        await using var db = await _factory.CreateDbContextAsync();
        Assert.Equal(MeetingStatus.Draft, (await db.Meetings.SingleAsync(m => m.Id == id, Ct)).Status);
    }

    [Fact]
    public async Task Reopening_a_closed_meeting_makes_it_held_keeps_the_reason_audits_it_and_tells_open_pages()
    {
        // Arrange
        var secretary = await _factory.UserAsync(DevSignIn.Administration);
        var member = await _factory.UserAsync(DevSignIn.Member);
        var id = await ClosedMeetingAsync(secretary);
        var told = new TaskCompletionSource<MeetingChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = _factory.Service<IMeetingNotifier>().Subscribe(id, change =>
        {
            told.TrySetResult(change);
            return Task.CompletedTask;
        });

        // Act
        await Meetings.ReopenAsync(secretary, id, "  Fremmødet for Mia Kragh var forkert registreret.  ", Ct);

        // Assert
        var shown = await Meetings.GetMeetingAsync(member, id, Ct);
        Assert.Equal(MeetingStatus.Held, shown.Status);
        Assert.Equal("Fremmødet for Mia Kragh var forkert registreret.", shown.ReopenReason);
        var change = await told.Task.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.Equal(MeetingChangeKind.MeetingChanged, change.Kind);
        await using var db = await _factory.CreateDbContextAsync();
        var audit = await db.AuditEntries
            .Where(a => a.EntityType == nameof(Meeting) && a.EntityId == id.ToString() && a.Changes != null && a.Changes.Contains("ReopenReason"))
            .SingleAsync(Ct);
        Assert.Equal(secretary.PersonId, audit.PersonId);
        Assert.Contains("\"Status\":{\"old\":\"Closed\",\"new\":\"Held\"}", audit.Changes);
        Assert.Contains("Fremmødet for Mia Kragh var forkert registreret.", audit.Changes);
    }

    [Fact]
    public async Task Reopening_needs_a_reason_and_a_closed_meeting()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await _factory.UserAsync(DevSignIn.Administration);
        var closed = await ClosedMeetingAsync(secretary);

        // Act and assert
        var refused = await Assert.ThrowsAsync<InputValidationException>(() => Meetings.ReopenAsync(secretary, closed, "   ", Ct));
        Assert.Equal([new FieldError("Reason", InputRules.RequiredKey)], refused.Errors);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Meetings.ReopenAsync(secretary, ids.NextMeeting, "Ingen grund.", Ct));
        await using var db = await _factory.CreateDbContextAsync();
        Assert.Equal(MeetingStatus.Closed, (await db.Meetings.SingleAsync(m => m.Id == closed, Ct)).Status);
    }

    private async Task<Guid> ClosedMeetingAsync(WorkspaceUser secretary)
    {
        var ids = await DemoIds.LoadAsync(_factory);
        var id = await Meetings.CreateMeetingAsync(secretary, ids.Udsatteraadet, Input(new DateTime(2024, 5, 2), recordsHeld: true), Ct);
        await Meetings.CloseAsync(secretary, id, Ct);
        return id;
    }
}
