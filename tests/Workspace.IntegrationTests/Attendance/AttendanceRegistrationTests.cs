using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Attendance;
using Workspace.Web.Features.Members;

namespace Workspace.IntegrationTests.Attendance;

/// <summary>
/// The secretary's registration at the meeting (everyone present at once, then the exceptions; apologies with a reason
/// that call in the next substitute as the member's own apologies do) and the terms that decide who is listed. Each test
/// has a database of its own, because registrations and terms change what the next test would see.
/// </summary>
public sealed class AttendanceRegistrationTests : IAsyncLifetime
{
    private readonly WorkspaceFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private AttendanceService Attendance => _factory.Service<AttendanceService>();

    [Fact]
    public async Task Register_all_present_registers_only_members_and_called_in_substitutes_not_yet_registered()
    {
        // Arrange: Poul sent apologies and Carsten steps in for him; the secretary already registered Karin absent
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await _factory.UserAsync(DevSignIn.Administration);
        await Attendance.RespondAsync(await _factory.UserAsync("Poul Skovbo"), ids.NextMeeting, InvitationResponse.Apologies, "Ferie", Ct);
        var call = (await Attendance.GetOverviewAsync(secretary, ids.NextMeeting, Ct)).Calls.Single();
        await Attendance.ConfirmCallAsync(secretary, call.Id, Ct);
        await Attendance.RegisterPresenceAsync(secretary, ids.NextMeeting, await PersonAsync("Karin Abildgaard"), PresenceStatus.AbsentWithoutNotice, ct: Ct);

        // Act
        var registered = await Attendance.RegisterAllPresentAsync(secretary, ids.NextMeeting, Ct);
        var again = await Attendance.RegisterAllPresentAsync(secretary, ids.NextMeeting, Ct);

        // Assert: the eight other members and Carsten; staff and substitutes who were not called in are left alone
        var overview = await Attendance.GetOverviewAsync(secretary, ids.NextMeeting, Ct);
        Assert.Equal(9, registered);
        Assert.Equal(0, again);
        Assert.Equal(PresenceStatus.Apologies, Presence(overview.Members, "Poul Skovbo"));
        Assert.Equal(PresenceStatus.AbsentWithoutNotice, Presence(overview.Members, "Karin Abildgaard"));
        Assert.All(overview.Members.Where(m => m.Name is not ("Poul Skovbo" or "Karin Abildgaard")), m => Assert.Equal(PresenceStatus.Present, m.Presence));
        Assert.Equal(PresenceStatus.Present, Presence(overview.Substitutes, DevSignIn.Substitute));
        Assert.Equal(PresenceStatus.NotRegistered, Presence(overview.Substitutes, "Martin Rosendahl"));
        Assert.All(overview.Administration, a => Assert.Equal(PresenceStatus.NotRegistered, a.Presence));
    }

    [Fact]
    public async Task Apologies_registered_by_the_secretary_keep_the_reason_and_propose_the_substitute_the_member_path_would()
    {
        // Arrange: Gitte (Café Lyspunktet) at the next meeting sends apologies herself; at the later meeting the secretary
        // registers them for her. The rule offers the substitute from her own organisation first: Martin Rosendahl.
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await _factory.UserAsync(DevSignIn.Administration);
        var later = await LaterMeetingAsync(ids);
        var gitte = await _factory.UserAsync(DevSignIn.Chair);
        await Attendance.RespondAsync(gitte, ids.NextMeeting, InvitationResponse.Apologies, "Syg", Ct);

        // Act
        await Attendance.RegisterPresenceAsync(secretary, later, gitte.PersonId!.Value, PresenceStatus.Apologies, "  Syg  ", Ct);

        // Assert
        var byMember = await Attendance.GetOverviewAsync(secretary, ids.NextMeeting, Ct);
        var bySecretary = await Attendance.GetOverviewAsync(secretary, later, Ct);
        var memberCall = Assert.Single(byMember.Calls);
        var secretaryCall = Assert.Single(bySecretary.Calls);
        Assert.Equal("Martin Rosendahl", memberCall.SubstituteName);
        Assert.Equal(memberCall.SubstituteName, secretaryCall.SubstituteName);
        Assert.Equal(SubstituteCallStatus.Proposed, secretaryCall.Status);
        var row = bySecretary.Members.Single(m => m.Name == DevSignIn.Chair);
        Assert.Equal((InvitationResponse.Apologies, "Syg", PresenceStatus.Apologies), (row.Response, row.ResponseNote, row.Presence));

        // Registering the apologies once more proposes nobody else, as a member's second apologies would not.
        await Attendance.RegisterPresenceAsync(secretary, later, gitte.PersonId!.Value, PresenceStatus.Apologies, null, Ct);
        var after = await Attendance.GetOverviewAsync(secretary, later, Ct);
        Assert.Single(after.Calls);
        Assert.Equal("Syg", after.Members.Single(m => m.Name == DevSignIn.Chair).ResponseNote);
    }

    [Fact]
    public async Task Too_long_reason_is_refused_and_nothing_is_registered()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await _factory.UserAsync(DevSignIn.Administration);
        var mia = await PersonAsync(DevSignIn.Member);

        // Act
        var thrown = await Assert.ThrowsAsync<InputValidationException>(() =>
            Attendance.RegisterPresenceAsync(secretary, ids.NextMeeting, mia, PresenceStatus.Apologies, new string('x', AttendanceService.NoteMax + 1), Ct));

        // Assert
        Assert.Equal(new FieldError("Reason", "Validation.TooLong"), Assert.Single(thrown.Errors));
        var overview = await Attendance.GetOverviewAsync(secretary, ids.NextMeeting, Ct);
        Assert.Equal(PresenceStatus.NotRegistered, Presence(overview.Members, DevSignIn.Member));
        Assert.Empty(overview.Calls);
    }

    [Fact]
    public async Task Lists_of_a_meeting_hold_only_people_whose_term_covers_its_date()
    {
        // Arrange: a member whose term ended before the next meeting, one whose term begins after it, and the first
        // substitute's term ended the day before
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await _factory.UserAsync(DevSignIn.Administration);
        var day = await MeetingDayAsync(ids.NextMeeting);
        await AddMemberAsync(ids, "Henrik Aagaard", start: day.AddYears(-4), end: day.AddDays(-1));
        await AddMemberAsync(ids, "Nanna Friis", start: day.AddDays(1), end: day.AddYears(4));
        await AddMemberAsync(ids, "Ulla Bech", start: day, end: day);
        await SetTermAsync(DevSignIn.Substitute, end: day.AddDays(-1));

        // Act: Poul's apologies propose a substitute
        await Attendance.RespondAsync(await _factory.UserAsync("Poul Skovbo"), ids.NextMeeting, InvitationResponse.Apologies, null, Ct);
        var overview = await Attendance.GetOverviewAsync(secretary, ids.NextMeeting, Ct);

        // Assert
        Assert.DoesNotContain(overview.Members, m => m.Name is "Henrik Aagaard" or "Nanna Friis");
        Assert.Contains(overview.Members, m => m.Name == "Ulla Bech");
        Assert.DoesNotContain(overview.Substitutes, s => s.Name == DevSignIn.Substitute);
        Assert.Equal("Martin Rosendahl", Assert.Single(overview.Calls).SubstituteName);
        var henrik = await PersonAsync("Henrik Aagaard");
        await Assert.ThrowsAsync<NotFoundException>(() => Attendance.RegisterPresenceAsync(secretary, ids.NextMeeting, henrik, PresenceStatus.Present, ct: Ct));
        var nanna = await _factory.UserAsync("Nanna Friis");
        await Assert.ThrowsAsync<AccessDeniedException>(() => Attendance.RespondAsync(nanna, ids.NextMeeting, InvitationResponse.Attending, null, Ct));
    }

    [Fact]
    public async Task Absence_rule_and_statistics_count_only_meetings_within_each_members_term()
    {
        // Arrange: three held meetings in 2019 that Anton missed; Anton's term began after the first, a former member's
        // ended after the second; the council also had an ordinary 2021 meeting that was cancelled
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await _factory.UserAsync(DevSignIn.Administration);
        var anton = await PersonAsync("Anton Bjerre");
        // The demo's held meeting, where Anton was present, would end his run: his registration there is taken back.
        await Attendance.RegisterPresenceAsync(secretary, await HeldDemoMeetingAsync(ids), anton, PresenceStatus.NotRegistered, ct: Ct);
        var meetings = new[] { new DateOnly(2019, 3, 7), new DateOnly(2019, 5, 9), new DateOnly(2019, 9, 5) };
        var held = new List<Guid>();
        foreach (var date in meetings)
        {
            held.Add(await MeetingAsync(ids, date, MeetingStatus.Held));
        }
        await MeetingAsync(ids, new DateOnly(2021, 3, 4), MeetingStatus.Cancelled);
        await SetTermAsync("Anton Bjerre", start: new DateOnly(2019, 4, 1));
        var former = await AddMemberAsync(ids, "Henrik Aagaard", start: new DateOnly(2015, 1, 1), end: new DateOnly(2019, 6, 30));
        await Attendance.RegisterPresenceAsync(secretary, held[1], anton, PresenceStatus.AbsentWithoutNotice, ct: Ct);
        await Attendance.RegisterPresenceAsync(secretary, held[2], anton, PresenceStatus.AbsentWithoutNotice, ct: Ct);
        await Attendance.RegisterPresenceAsync(secretary, held[0], former, PresenceStatus.Apologies, ct: Ct);
        await Attendance.RegisterPresenceAsync(secretary, held[1], former, PresenceStatus.Apologies, ct: Ct);
        // Outside their terms the service refuses to register them; rows from before a term was corrected still count for nothing.
        await Assert.ThrowsAsync<NotFoundException>(() => Attendance.RegisterPresenceAsync(secretary, held[0], anton, PresenceStatus.Present, ct: Ct));
        await InsertRegistrationAsync(held[0], anton, PresenceStatus.AbsentWithoutNotice);
        await InsertRegistrationAsync(held[2], former, PresenceStatus.Apologies);

        // Act
        var absences = await Attendance.AbsencesAsync(secretary, ids.Udsatteraadet, Ct);
        var years = await Attendance.StatisticsYearsAsync(secretary, ids.Udsatteraadet, Ct);
        var statistics = await Attendance.StatisticsAsync(secretary, ids.Udsatteraadet, 2019, Ct);

        // Assert: Anton missed the two meetings of his term (a warning, not the limit); the former member is not a
        // current member, so the absence rule leaves him out; 2019 is offered, the cancelled 2021 meeting adds no year;
        // Mia, whose term began years later, is not in 2019's statistics
        var antonsAbsence = Assert.Single(absences, a => a.Name == "Anton Bjerre");
        Assert.Equal(AbsenceLevel.Warning, antonsAbsence.Result.Level);
        Assert.Equal(2, antonsAbsence.Result.MissedInARow.Count);
        Assert.DoesNotContain(absences, a => a.Name == "Henrik Aagaard");
        Assert.Contains(2019, years);
        Assert.DoesNotContain(2021, years);
        Assert.Equal(years.OrderDescending(), years);
        Assert.Equal(2, statistics.Single(s => s.Name == "Anton Bjerre").Meetings);
        Assert.Equal(2, statistics.Single(s => s.Name == "Henrik Aagaard").Apologies);
        Assert.DoesNotContain(statistics, s => s.Name == DevSignIn.Member);
        Assert.DoesNotContain(await Attendance.StatisticsAsync(secretary, ids.Udsatteraadet, 2014, Ct), s => s.Name == "Henrik Aagaard");
    }

    private static PresenceStatus Presence(IReadOnlyList<AttendeeView> people, string name) => people.Single(p => p.Name == name).Presence;

    private Task<Guid> PersonAsync(string name) => DemoIds.PersonIdAsync(_factory, name);

    private async Task<Guid> AddMemberAsync(DemoIds ids, string name, DateOnly start, DateOnly end)
    {
        await _factory.Service<MembershipService>().AddAsync(await _factory.UserAsync(DevSignIn.Administration), ids.Udsatteraadet, new MembershipInput
        {
            Kind = MembershipKind.Member,
            Name = name,
            Organisation = "Bøgeby Forsorgshjem",
            TermStart = start.ToDateTime(TimeOnly.MinValue),
            TermEnd = end.ToDateTime(TimeOnly.MinValue),
        }, Ct);
        return await PersonAsync(name);
    }

    private async Task SetTermAsync(string name, DateOnly? start = null, DateOnly? end = null)
    {
        await using var db = await _factory.CreateDbContextAsync();
        var seat = await db.Memberships.SingleAsync(m => m.Person!.Name == name, Ct);
        seat.TermStart = start ?? seat.TermStart;
        seat.TermEnd = end ?? seat.TermEnd;
        await db.SaveChangesAsync(Ct);
    }

    private async Task<DateOnly> MeetingDayAsync(Guid meetingId)
    {
        await using var db = await _factory.CreateDbContextAsync();
        return Term.DayOf(await db.Meetings.Where(m => m.Id == meetingId).Select(m => m.StartsAt).SingleAsync(Ct));
    }

    private async Task InsertRegistrationAsync(Guid meetingId, Guid personId, PresenceStatus presence)
    {
        await using var db = await _factory.CreateDbContextAsync();
        db.Attendances.Add(new Workspace.Data.Entities.Attendance { MeetingId = meetingId, PersonId = personId, Role = AttendanceRole.Member, Presence = presence });
        await db.SaveChangesAsync(Ct);
    }

    private async Task<Guid> HeldDemoMeetingAsync(DemoIds ids)
    {
        await using var db = await _factory.CreateDbContextAsync();
        return await db.Meetings.Where(m => m.CouncilId == ids.Udsatteraadet && m.Status == MeetingStatus.Held).Select(m => m.Id).SingleAsync(Ct);
    }

    private async Task<Guid> LaterMeetingAsync(DemoIds ids)
    {
        await using var db = await _factory.CreateDbContextAsync();
        var meetings = await db.Meetings.Where(m => m.CouncilId == ids.Udsatteraadet && m.Status == MeetingStatus.Published).ToListAsync(Ct);
        return meetings.OrderBy(m => m.StartsAt).Skip(1).First().Id;
    }

    /// <summary>A meeting at 16.00 Copenhagen time (15.00 UTC in winter, 14.00 in summer: the day is the same).</summary>
    private async Task<Guid> MeetingAsync(DemoIds ids, DateOnly date, MeetingStatus status)
    {
        await using var db = await _factory.CreateDbContextAsync();
        var startsAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(14, 0)), TimeSpan.Zero);
        var meeting = new Meeting
        {
            CouncilId = ids.Udsatteraadet,
            Title = $"Udsatterådets møde {date:yyyy-MM-dd}",
            StartsAt = startsAt,
            EndsAt = startsAt.AddHours(2),
            Status = status,
            PublishedAt = startsAt.AddDays(-14),
            CancellationReason = status == MeetingStatus.Cancelled ? "Aflyst" : null,
        };
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(Ct);
        return meeting.Id;
    }
}
