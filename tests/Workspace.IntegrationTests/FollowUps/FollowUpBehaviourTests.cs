using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Collaboration;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.FollowUps;
using Workspace.Web.Features.Meetings;

namespace Workspace.IntegrationTests.FollowUps;

/// <summary>Follow-ups on real SQLite with the demo data: the status item, history, mails, reminders, live notices and the export.</summary>
public sealed class FollowUpBehaviourTests : IAsyncLifetime
{
    private readonly FollowUpsFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private FollowUpService FollowUps => _factory.Service<FollowUpService>();

    [Fact]
    public async Task A_meeting_from_the_standard_agenda_lists_the_open_follow_ups_and_those_ended_since_the_last_held_meeting()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await _factory.UserAsync(DevSignIn.Administration);
        var input = new MeetingInput
        {
            Title = "Ekstra møde",
            Date = DateTime.Today.AddDays(100),
            StartTime = new TimeSpan(16, 0, 0),
            EndTime = new TimeSpan(18, 0, 0),
            Place = "Rådhuset",
            UseAgendaTemplate = true,
        };

        // Act
        var meetingId = await _factory.Service<MeetingService>().CreateMeetingAsync(secretary, ids.Udsatteraadet, input, Ct);
        var shown = await FollowUps.ForMeetingAsync(secretary, meetingId, Ct);

        // Assert: the seeded register of the held meeting, live, in the new meeting's status item
        var meeting = await _factory.Service<MeetingService>().GetMeetingAsync(secretary, meetingId, Ct);
        var statusItem = Assert.Single(meeting.Items, i => i.Title == "Status på opfølgning");
        Assert.Equal(statusItem.Id, shown.StatusItemId);
        Assert.Equal("Næste møde", meeting.Items[^2].Title);
        var list = Assert.IsType<FollowUpStatusList>(shown.StatusList);
        Assert.Equal(4, list.Open.Count);
        Assert.Contains(list.Open, f => f.OwnerKind == FollowUpOwnerKind.Administration && f.DueKind == FollowUpDueKind.NextMeeting && f.Due.Date is not null);
        Assert.Contains(list.Open, f => f.OwnerKind == FollowUpOwnerKind.Outsider && f.OwnerName == "Rasmus Kjær, chefkonsulent");
        Assert.Contains(list.Open, f => f.Due.IsOverdue && f.OwnerName == "Mia Kragh");
        var ended = Assert.Single(list.EndedSinceLastMeeting);
        Assert.Equal(FollowUpStatus.Done, ended.Status);
        Assert.NotNull(ended.Report);
    }

    [Fact]
    public async Task The_status_item_is_added_on_demand_once_before_the_end_items()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await _factory.UserAsync(DevSignIn.Administration);
        Guid later;
        await using (var db = await _factory.CreateDbContextAsync())
        {
            later = (await db.Meetings.Where(m => m.CouncilId == ids.Udsatteraadet && m.Status == MeetingStatus.Published)
                .OrderBy(m => m.StartsAt).Select(m => m.Id).ToListAsync(Ct))[1];
        }

        // Act
        var first = await FollowUps.AddStatusItemAsync(secretary, later, Ct);
        var second = await FollowUps.AddStatusItemAsync(secretary, later, Ct);

        // Assert
        Assert.True(first);
        Assert.False(second);
        var titles = (await _factory.Service<MeetingService>().GetMeetingAsync(secretary, later, Ct)).Items.Select(i => i.Title).ToList();
        Assert.Equal(["Status på opfølgning", "Næste møde", "Eventuelt"], titles[^3..]);
        Assert.True(await FollowUps.HasStatusItemAsync(secretary, later, Ct));
    }

    [Fact]
    public async Task Every_change_is_kept_with_who_and_when_and_the_owner_is_told_by_mail()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await _factory.UserAsync(DevSignIn.Administration);
        var mia = await _factory.UserAsync(DevSignIn.Member);
        var input = new FollowUpInput { Text = "Mia skriver til Frivilligcenteret", OwnerKind = FollowUpOwnerKind.Person, OwnerPersonId = mia.PersonId };

        // Act
        var id = await FollowUps.CreateAsync(secretary, ids.OpenItem, input, Ct);
        var view = (await FollowUps.ForMeetingAsync(mia, ids.NextMeeting, Ct)).Items.Single(f => f.Id == id);
        await FollowUps.ChangeStatusAsync(mia, id, new FollowUpStatusInput { Status = FollowUpStatus.InProgress }, view.ConcurrencyStamp, Ct);
        view = (await FollowUps.ForMeetingAsync(mia, ids.NextMeeting, Ct)).Items.Single(f => f.Id == id);
        var missingReport = await Assert.ThrowsAsync<InputValidationException>(() =>
            FollowUps.ChangeStatusAsync(mia, id, new FollowUpStatusInput { Status = FollowUpStatus.Done }, view.ConcurrencyStamp, Ct));
        await FollowUps.ChangeStatusAsync(mia, id, new FollowUpStatusInput { Status = FollowUpStatus.Done, Report = "Sendt i dag." }, view.ConcurrencyStamp, Ct);
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            FollowUps.ChangeStatusAsync(mia, id, new FollowUpStatusInput { Status = FollowUpStatus.Open }, view.ConcurrencyStamp, Ct));

        // Assert
        Assert.Equal("Report", Assert.Single(missingReport.Errors).Field);
        Assert.NotNull(stale);
        var history = await FollowUps.HistoryAsync(secretary, id, Ct);
        Assert.Equal([FollowUpChangeKind.Created, FollowUpChangeKind.StatusChanged, FollowUpChangeKind.StatusChanged], history.Select(h => h.Kind));
        Assert.Equal([DevSignIn.Administration, DevSignIn.Member, DevSignIn.Member], history.Select(h => h.PersonName));
        Assert.Equal(["Status", "Report"], history[^1].ChangedFields);
        var mail = Assert.Single(Mails(), m => m.Subject == "Ny opfølgning i Udsatterådet");
        Assert.Equal("mia.kragh@boegeby.example", mail.To.Mailboxes.Single().Address);
        Assert.Contains("Mia skriver til Frivilligcenteret", mail.TextBody);
        Assert.Contains("Iben Sørensen har givet dig en opfølgning", mail.TextBody);
    }

    [Fact]
    public async Task A_member_cannot_give_a_follow_up_to_someone_else_and_bad_input_names_its_field()
    {
        var ids = await DemoIds.LoadAsync(_factory);
        var mia = await _factory.UserAsync(DevSignIn.Member);
        var secretary = await _factory.UserAsync(DevSignIn.Administration);

        await Assert.ThrowsAsync<AccessDeniedException>(() => FollowUps.CreateAsync(mia, ids.OpenItem,
            new FollowUpInput { Text = "Forvaltningen ordner det", OwnerKind = FollowUpOwnerKind.Administration }, Ct));
        var noDate = await Assert.ThrowsAsync<InputValidationException>(() => FollowUps.CreateAsync(secretary, ids.OpenItem,
            new FollowUpInput { Text = "Med frist", OwnerKind = FollowUpOwnerKind.Administration, DueKind = FollowUpDueKind.Date }, Ct));
        var outsider = await Assert.ThrowsAsync<InputValidationException>(() => FollowUps.CreateAsync(secretary, ids.OpenItem,
            new FollowUpInput { Text = "Udefra", OwnerKind = FollowUpOwnerKind.Outsider }, Ct));
        var carsten = await DemoIds.PersonIdAsync(_factory, DevSignIn.Substitute);
        var notInCouncil = await Assert.ThrowsAsync<InputValidationException>(() => FollowUps.CreateAsync(secretary, ids.OpenItem,
            new FollowUpInput { Text = "Suppleant", OwnerKind = FollowUpOwnerKind.Person, OwnerPersonId = carsten }, Ct));

        Assert.Equal(nameof(FollowUpInput.DueDate), Assert.Single(noDate.Errors).Field);
        Assert.Equal(nameof(FollowUpInput.OwnerName), Assert.Single(outsider.Errors).Field);
        Assert.Equal("FollowUps.Validation.OwnerNotInCouncil", Assert.Single(notInCouncil.Errors).MessageKey);
    }

    [Fact]
    public async Task Reminders_go_once_each_due_soon_then_overdue_and_not_to_someone_who_turned_them_off()
    {
        // Arrange: the demo has Jens's follow-up due in two days and Mia's a week overdue
        var reminders = _factory.Service<FollowUpReminders>();
        var leni = await _factory.UserAsync("Leni Dahlgaard");
        var secretary = await _factory.UserAsync(DevSignIn.Administration);
        var ids = await DemoIds.LoadAsync(_factory);
        await FollowUps.CreateAsync(secretary, ids.OpenItem, new FollowUpInput
        {
            Text = "Leni inviterer psykiatrichefen", OwnerKind = FollowUpOwnerKind.Person, OwnerPersonId = leni.PersonId,
            DueKind = FollowUpDueKind.Date, DueDate = DateTime.Today.AddDays(-1),
        }, Ct);
        await FollowUps.SetRemindersAsync(leni, on: false, Ct);

        // Act
        var first = await reminders.SendDueAsync(Ct);
        var again = await reminders.SendDueAsync(Ct);
        _factory.Clock.Advance(TimeSpan.FromDays(3));
        var threeDaysLater = await reminders.SendDueAsync(Ct);
        var andAgain = await reminders.SendDueAsync(Ct);

        // Assert
        Assert.Equal(2, first);
        Assert.Equal(0, again);
        Assert.Equal(1, threeDaysLater);
        Assert.Equal(0, andAgain);
        var reminderMails = Mails().Where(m => !(m.Subject ?? "").StartsWith("Ny opfølgning")).ToList();
        Assert.Equal(3, reminderMails.Count);
        Assert.Single(reminderMails, m => m.To.Mailboxes.Single().Address == "mia.kragh@boegeby.example" && (m.Subject ?? "").Contains("overskredet fristen"));
        Assert.Single(reminderMails, m => m.To.Mailboxes.Single().Address == "jens.vestergaard@boegeby.example" && (m.Subject ?? "").StartsWith("Påmindelse"));
        Assert.Single(reminderMails, m => m.To.Mailboxes.Single().Address == "jens.vestergaard@boegeby.example" && (m.Subject ?? "").Contains("overskredet fristen"));
        Assert.DoesNotContain(reminderMails, m => m.To.Mailboxes.Single().Address == "leni.dahlgaard@boegeby.example");
    }

    [Fact]
    public async Task Two_nodes_running_the_reminders_at_once_send_each_reminder_once()
    {
        // Arrange: the demo has two follow-ups to remind of (Jens's due in two days, Mia's overdue)
        var reminders = _factory.Service<FollowUpReminders>();

        // Act: two runs at the same moment, as two app nodes on one database would
        var sent = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => reminders.SendDueAsync(Ct))));

        // Assert
        Assert.Equal(2, sent.Sum());
        Assert.Equal(2, Mails().Count(m => !(m.Subject ?? "").StartsWith("Ny opfølgning")));
    }

    [Fact]
    public async Task A_change_reaches_the_pages_of_those_who_see_the_item_and_not_a_substitute_when_the_item_is_closed()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await _factory.UserAsync(DevSignIn.Administration);
        var feed = _factory.Service<MeetingFeed>();
        var heardByMember = new List<MeetingChange>();
        var heardBySubstitute = new List<MeetingChange>();
        using var member = await feed.SubscribeAsync(ids.NextMeeting, await _factory.UserAsync(DevSignIn.Member), c => Record(heardByMember, c));
        using var substitute = await feed.SubscribeAsync(ids.NextMeeting, await _factory.UserAsync(DevSignIn.Substitute), c => Record(heardBySubstitute, c));

        // Act
        await FollowUps.CreateAsync(secretary, ids.ClosedItem, new FollowUpInput { Text = "Lukket sag", OwnerKind = FollowUpOwnerKind.Administration }, Ct);
        await FollowUps.CreateAsync(secretary, ids.OpenItem, new FollowUpInput { Text = "Åben sag", OwnerKind = FollowUpOwnerKind.Administration }, Ct);
        await Eventually.TrueAsync(() => Count(heardBySubstitute, ids.OpenItem) == 1 && Count(heardByMember, ids.OpenItem) == 1);

        // Assert
        Assert.Equal(1, Count(heardByMember, ids.ClosedItem));
        Assert.Equal(0, Count(heardBySubstitute, ids.ClosedItem));
    }

    [Fact]
    public async Task A_substitute_called_in_at_the_meeting_sees_and_may_make_follow_ups_on_its_closed_item()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await _factory.UserAsync(DevSignIn.Administration);
        var carsten = await _factory.UserAsync(DevSignIn.Substitute);
        await FollowUps.CreateAsync(secretary, ids.ClosedItem, new FollowUpInput { Text = "Lukket opfølgning", OwnerKind = FollowUpOwnerKind.Administration }, Ct);
        var before = await FollowUps.ForMeetingAsync(carsten, ids.NextMeeting, Ct);

        // Act: the administration confirms Carsten for Mia at the next meeting
        await using (var db = await _factory.CreateDbContextAsync())
        {
            db.SubstituteCalls.Add(new SubstituteCall
            {
                MeetingId = ids.NextMeeting, SubstituteId = carsten.PersonId!.Value, ForMemberId = await DemoIds.PersonIdAsync(_factory, DevSignIn.Member),
                Status = SubstituteCallStatus.Confirmed, ProposedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync(Ct);
        }
        var after = await FollowUps.ForMeetingAsync(carsten, ids.NextMeeting, Ct);
        var own = await FollowUps.CreateAsync(carsten, ids.ClosedItem,
            new FollowUpInput { Text = "Carsten følger op", OwnerKind = FollowUpOwnerKind.Person, OwnerPersonId = carsten.PersonId }, Ct);

        // Assert
        Assert.DoesNotContain(before.Items, f => f.Text == "Lukket opfølgning");
        Assert.False(before.CanCreate);
        Assert.Contains(after.Items, f => f.Text == "Lukket opfølgning");
        Assert.True(after.CanCreate);
        Assert.False(after.CanAssignOthers);
        Assert.Contains((await FollowUps.RegisterAsync(carsten, ids.Udsatteraadet, Ct)).Items, f => f.Id == own && f.CanChangeStatus);
    }

    [Fact]
    public async Task The_export_holds_the_register_and_says_overdue_in_words()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        using var client = await _factory.SignedInClientAsync(DevSignIn.Member);

        // Act
        using var response = await client.GetAsync($"/councils/{ids.Udsatteraadet}/follow-ups.xlsx", Ct);

        // Assert
        response.EnsureSuccessStatusCode();
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync(Ct));
        var sheet = workbook.Worksheet(1);
        Assert.Equal("Opfølgning", sheet.Cell(1, 1).GetString());
        Assert.Equal("Overskredet", sheet.Cell(1, 5).GetString());
        var rows = sheet.RowsUsed().Skip(1).ToList();
        Assert.Equal(5, rows.Count);
        var overdue = Assert.Single(rows, r => r.Cell(5).GetString() == "Overskredet");
        Assert.Equal("Mia Kragh", overdue.Cell(2).GetString());
        Assert.Contains(rows, r => r.Cell(2).GetString() == "Forvaltningen" && r.Cell(3).GetString().StartsWith("Næste møde, "));
        Assert.Contains(rows, r => r.Cell(4).GetString() == "Udført" && r.Cell(8).GetString().Length > 0);
    }

    private static Task Record(List<MeetingChange> heard, MeetingChange change)
    {
        lock (heard)
        {
            heard.Add(change);
        }
        return Task.CompletedTask;
    }

    private static int Count(List<MeetingChange> heard, Guid itemId)
    {
        lock (heard)
        {
            return heard.Count(c => c.Kind == MeetingChangeKind.FollowUpsChanged && c.AgendaItemId == itemId);
        }
    }

    private List<MimeMessage> Mails() =>
        _factory.MailFiles.Order().Select(f => MimeMessage.Load(f)).ToList();
}
