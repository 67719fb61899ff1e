using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Agenda;
using Workspace.Web.Features.Meetings;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Agenda;

/// <summary>
/// The agenda's shape against a real database: section headings and pauses without numbers, new items before the end
/// items, grouping by kind, postponing, meeting notes and the minutes an item approves.
/// </summary>
public sealed class AgendaSectionsTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly AgendaScenario _scenario = new(factory);

    [Fact]
    public async Task Headings_and_pauses_take_no_number_and_numbering_runs_on_across_them()
    {
        // Arrange
        var meetingId = await _scenario.MeetingAsync(new DateTime(2033, 1, 3), "Budget", "Boligplan");
        var secretary = await _scenario.SecretaryAsync();

        // Act
        var decisions = await _scenario.Agenda.AddEntryAsync(secretary, meetingId, AgendaItemLayout.Section, new AgendaEntryInput { Title = "Beslutningspunkter" }, Ct);
        await _scenario.Agenda.StepAsync(secretary, decisions, AgendaDirection.Up, Ct);
        await _scenario.Agenda.StepAsync(secretary, decisions, AgendaDirection.Up, Ct);
        await _scenario.Agenda.AddEntryAsync(secretary, meetingId, AgendaItemLayout.Pause, new AgendaEntryInput { Title = "Pause", AllottedMinutes = 10 }, Ct);
        await _scenario.Agenda.AddEntryAsync(secretary, meetingId, AgendaItemLayout.Section, new AgendaEntryInput { Title = "Orienteringspunkter" }, Ct);
        await _scenario.Meetings.AddItemAsync(secretary, meetingId, new AgendaItemInput { Title = "Status", AllottedMinutes = 20 }, Ct);

        // Assert
        Assert.Equal("§Beslutningspunkter, 1 Budget, 2 Boligplan, ‖Pause, §Orienteringspunkter, 3 Status", await OutlineAsync(meetingId));
        var meeting = await _scenario.Meetings.GetMeetingAsync(secretary, meetingId, Ct);
        var status = meeting.Items.Single(i => i.Title == "Status");
        Assert.Equal(meeting.StartsAt.AddMinutes(40), meeting.Timetable.Slots[status.Id].Start);
    }

    [Fact]
    public async Task A_break_chosen_as_kind_in_the_item_form_becomes_a_pause_without_a_number()
    {
        // Arrange
        var meetingId = await _scenario.MeetingAsync(new DateTime(2033, 1, 10), "Et", "To");

        // Act
        await _scenario.Meetings.AddItemAsync(await _scenario.SecretaryAsync(), meetingId,
            new AgendaItemInput { Title = "Pause", Kind = AgendaItemKind.Break, AllottedMinutes = 10 }, Ct);
        await _scenario.Meetings.AddItemAsync(await _scenario.SecretaryAsync(), meetingId, new AgendaItemInput { Title = "Tre" }, Ct);

        // Assert
        Assert.Equal("1 Et, 2 To, ‖Pause, 3 Tre", await OutlineAsync(meetingId));
    }

    [Fact]
    public async Task On_an_untouched_standard_agenda_a_new_item_lands_before_the_end_items()
    {
        // Arrange
        var secretary = await _scenario.SecretaryAsync();
        var meetingId = await NewMeetingFromTemplateAsync(new DateTime(2033, 2, 7));

        // Act
        await _scenario.Meetings.AddItemAsync(secretary, meetingId, new AgendaItemInput { Title = "Oplæg om bostøtte" }, Ct);
        await _scenario.Meetings.AddItemAsync(secretary, meetingId, new AgendaItemInput { Title = "Høring om hjemløsestrategi" }, Ct);

        // Assert
        Assert.Equal("1 Godkendelse af dagsorden, 2 Godkendelse af referat fra sidste møde, 3 Nyt fra formanden, 4 Nyt fra medlemmerne, "
            + "5 Status på opfølgning, 6 Oplæg om bostøtte, 7 Høring om hjemløsestrategi, 8 Næste møde, 9 Eventuelt", await OutlineAsync(meetingId));
    }

    [Fact]
    public async Task Grouping_by_kind_puts_items_under_headings_keeps_start_and_end_items_and_the_pause_after_as_many_items()
    {
        // Arrange: a standard agenda with items of every kind, out of order, a pause after the fifth item and a heading of their own
        var secretary = await _scenario.SecretaryAsync();
        var meetingId = await NewMeetingFromTemplateAsync(new DateTime(2033, 2, 14));
        await AddAsync(meetingId, "Høring om kvalitetsstandarder", AgendaItemKind.Hearing);
        await _scenario.Agenda.AddEntryAsync(secretary, meetingId, AgendaItemLayout.Pause, new AgendaEntryInput { Title = "Pause", AllottedMinutes = 10 }, Ct);
        await _scenario.Agenda.AddEntryAsync(secretary, meetingId, AgendaItemLayout.Section, new AgendaEntryInput { Title = "Diverse" }, Ct);
        await AddAsync(meetingId, "Arbejdsmøde om årsrapporten", AgendaItemKind.WorkingSession);
        await AddAsync(meetingId, "Budget for temadagen", AgendaItemKind.Decision);
        await AddAsync(meetingId, "Drøftelse af boligsituationen", AgendaItemKind.Discussion);

        // Act
        await _scenario.Agenda.GroupByKindAsync(secretary, meetingId, Ct);

        // Assert
        Assert.Equal("1 Godkendelse af dagsorden, 2 Godkendelse af referat fra sidste møde, 3 Nyt fra formanden, 4 Nyt fra medlemmerne, "
            + "5 Status på opfølgning, §Beslutningspunkter, 6 Budget for temadagen, ‖Pause, §Drøftelsespunkter, 7 Drøftelse af boligsituationen, "
            + "§Høringer, 8 Høring om kvalitetsstandarder, §Arbejdsmøde, 9 Arbejdsmøde om årsrapporten, 10 Næste møde, 11 Eventuelt",
            await OutlineAsync(meetingId));
    }

    [Fact]
    public async Task Grouping_again_reuses_the_headings()
    {
        // Arrange
        var secretary = await _scenario.SecretaryAsync();
        var meetingId = await _scenario.MeetingAsync(new DateTime(2033, 2, 21));
        await AddAsync(meetingId, "Orientering om budget", AgendaItemKind.Information);
        await _scenario.Agenda.GroupByKindAsync(secretary, meetingId, Ct);
        var heading = await _scenario.ItemAsync(meetingId, "Orienteringspunkter");
        await AddAsync(meetingId, "Orientering om valg", AgendaItemKind.Information);

        // Act
        await _scenario.Agenda.GroupByKindAsync(secretary, meetingId, Ct);

        // Assert
        Assert.Equal("§Orienteringspunkter, 1 Orientering om budget, 2 Orientering om valg", await OutlineAsync(meetingId));
        Assert.Equal(heading, await _scenario.ItemAsync(meetingId, "Orienteringspunkter"));
    }

    [Fact]
    public async Task Renaming_or_deleting_a_heading_keeps_its_items()
    {
        // Arrange
        var secretary = await _scenario.SecretaryAsync();
        var meetingId = await _scenario.MeetingAsync(new DateTime(2033, 3, 7), "Et", "To");
        var heading = await _scenario.Agenda.AddEntryAsync(secretary, meetingId, AgendaItemLayout.Section, new AgendaEntryInput { Title = "Orientering" }, Ct);
        await _scenario.Agenda.MoveOntoAsync(secretary, heading, await _scenario.ItemAsync(meetingId, "To"), Ct);
        var stamp = (await _scenario.StoredAsync(heading)).ConcurrencyStamp;

        // Act
        await _scenario.Agenda.UpdateEntryAsync(secretary, heading, new AgendaEntryInput { Title = "Orienteringspunkter", AllottedMinutes = 30 }, stamp, Ct);
        var renamed = await OutlineAsync(meetingId);
        var headingMinutes = (await _scenario.StoredAsync(heading)).AllottedMinutes;
        var stale = await Record.ExceptionAsync(() => _scenario.Agenda.UpdateEntryAsync(secretary, heading, new AgendaEntryInput { Title = "Gammel" }, stamp, Ct));
        await _scenario.Agenda.DeleteAsync(secretary, heading, Ct);

        // Assert
        Assert.Equal("1 Et, §Orienteringspunkter, 2 To", renamed);
        Assert.Null(headingMinutes);
        Assert.IsType<ConcurrencyConflictException>(stale);
        Assert.Equal("1 Et, 2 To", await OutlineAsync(meetingId));
    }

    [Fact]
    public async Task An_item_is_moved_under_a_heading_in_one_action_before_the_end_items()
    {
        // Arrange
        var secretary = await _scenario.SecretaryAsync();
        var meetingId = await NewMeetingFromTemplateAsync(new DateTime(2033, 3, 28));
        var heading = await _scenario.Agenda.AddEntryAsync(secretary, meetingId, AgendaItemLayout.Section, new AgendaEntryInput { Title = "Orienteringspunkter" }, Ct);
        var chairNews = await _scenario.ItemAsync(meetingId, "Nyt fra formanden");

        // Act
        var sections = await _scenario.Agenda.SectionsAsync(secretary, chairNews, Ct);
        await _scenario.Agenda.MoveIntoSectionAsync(secretary, chairNews, heading, Ct);

        // Assert
        Assert.Equal([new SectionChoice(heading, "Orienteringspunkter")], sections);
        Assert.Equal("1 Godkendelse af dagsorden, 2 Godkendelse af referat fra sidste møde, 3 Nyt fra medlemmerne, 4 Status på opfølgning, "
            + "§Orienteringspunkter, 5 Nyt fra formanden, 6 Næste møde, 7 Eventuelt", await OutlineAsync(meetingId));
    }

    [Fact]
    public async Task A_heading_or_pause_is_never_postponed_withdrawn_given_sub_items_or_remarks()
    {
        // Arrange
        var secretary = await _scenario.SecretaryAsync();
        var meetingId = await _scenario.MeetingAsync(new DateTime(2033, 3, 14), "Et");
        var later = await _scenario.MeetingAsync(new DateTime(2033, 3, 21), "Senere");
        var pause = await _scenario.Agenda.AddEntryAsync(secretary, meetingId, AgendaItemLayout.Pause, new AgendaEntryInput { Title = "Pause", AllottedMinutes = 10 }, Ct);
        var heading = await _scenario.Agenda.AddEntryAsync(secretary, meetingId, AgendaItemLayout.Section, new AgendaEntryInput { Title = "Høringer" }, Ct);

        // Act
        var postponed = await Record.ExceptionAsync(() => _scenario.Agenda.PostponeAsync(secretary, pause, later, null, Ct));
        var withdrawn = await Record.ExceptionAsync(() => _scenario.Agenda.WithdrawAsync(secretary, heading, "Ikke relevant", Ct));
        var subItem = await Record.ExceptionAsync(() => _scenario.Agenda.AddSubItemAsync(secretary, heading, new AgendaItemInput { Title = "Under" }, Ct));
        var indented = await Record.ExceptionAsync(() => _scenario.Agenda.StepAsync(secretary, heading, AgendaDirection.Indent, Ct));

        var member = await factory.UserAsync(DevSignIn.Member);
        var remark = await Record.ExceptionAsync(() => factory.Service<Workspace.Web.Features.Remarks.RemarkService>()
            .AddAsync(member, heading, new Workspace.Web.Features.Remarks.RemarkInput { Text = "Om overskriften" }, Ct));

        // Assert
        Assert.Equal("Agenda.NoRemarksOnHeading", Key(remark));
        Assert.Equal("Agenda.HeadingNotPostponed", Key(postponed));
        Assert.Equal("Agenda.HeadingNotPostponed", Key(withdrawn));
        Assert.Equal("Agenda.HeadingsStayMain", Key(subItem));
        Assert.Equal("Agenda.CannotMove", Key(indented));
        Assert.Equal("1 Et, ‖Pause, §Høringer", await OutlineAsync(meetingId));
        Assert.Equal("1 Senere", await OutlineAsync(later));
    }

    [Fact]
    public async Task A_postponed_item_lands_before_the_end_items_of_the_later_meeting()
    {
        // Arrange
        var secretary = await _scenario.SecretaryAsync();
        var meetingId = await _scenario.MeetingAsync(new DateTime(2033, 4, 4), "Boligplan");
        var later = await NewMeetingFromTemplateAsync(new DateTime(2033, 4, 11));

        // Act
        await _scenario.Agenda.PostponeAsync(secretary, await _scenario.ItemAsync(meetingId, "Boligplan"), later, null, Ct);

        // Assert
        Assert.EndsWith("4 Nyt fra medlemmerne, 5 Status på opfølgning, 6 Boligplan, 7 Næste møde, 8 Eventuelt", await OutlineAsync(later));
    }

    [Fact]
    public async Task A_new_meeting_approves_the_minutes_of_the_last_held_meeting_and_the_link_can_be_changed()
    {
        // Arrange: the demo council's last held meeting is six weeks ago
        var secretary = await _scenario.SecretaryAsync();
        var ids = await DemoIds.LoadAsync(factory);
        Guid heldId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            heldId = await db.Meetings.Where(m => m.CouncilId == ids.Udsatteraadet && m.Status == MeetingStatus.Held).Select(m => m.Id).SingleAsync(Ct);
        }
        var meetingId = await NewMeetingFromTemplateAsync(new DateTime(2033, 5, 2));
        var approval = await _scenario.ItemAsync(meetingId, "Godkendelse af referat fra sidste møde");

        // Act
        var linked = (await _scenario.StoredAsync(approval)).ApprovesMinutesOfMeetingId;
        var choices = await _scenario.Agenda.MinutesChoicesAsync(secretary, approval, Ct);
        await _scenario.Agenda.SetApprovedMinutesAsync(secretary, approval, ids.NextMeeting, Ct);
        var otherCouncil = await Record.ExceptionAsync(() => _scenario.Agenda.SetApprovedMinutesAsync(secretary, approval, ids.OtherCouncilMeeting, Ct));

        // Assert
        Assert.Equal(heldId, linked);
        Assert.Contains(choices, c => c.Id == ids.NextMeeting);
        Assert.DoesNotContain(choices, c => c.Id == ids.OtherCouncilMeeting);
        Assert.Equal("Agenda.NoSuchMinutes", Key(otherCouncil));
        var shown = (await _scenario.Meetings.GetMeetingAsync(secretary, meetingId, Ct)).Items.Single(i => i.Id == approval);
        Assert.Equal(ids.NextMeeting, shown.ApprovesMinutesOf?.Id);
    }

    [Fact]
    public async Task Meeting_notes_are_saved_shown_and_a_stale_save_is_refused()
    {
        // Arrange
        var secretary = await _scenario.SecretaryAsync();
        var meetingId = await _scenario.MeetingAsync(new DateTime(2033, 5, 9), "Et");
        var stamp = (await _scenario.Meetings.GetMeetingAsync(secretary, meetingId, Ct)).ConcurrencyStamp;

        // Act
        await _scenario.Meetings.UpdateNotesAsync(secretary, meetingId, "  Budget: 25.000 kr.\n\nNæste møde er ikke fastlagt.  ", stamp, Ct);
        var stale = await Record.ExceptionAsync(() => _scenario.Meetings.UpdateNotesAsync(secretary, meetingId, "Overskrevet", stamp, Ct));
        var freshStamp = (await _scenario.Meetings.GetMeetingAsync(secretary, meetingId, Ct)).ConcurrencyStamp;
        var tooLong = await Record.ExceptionAsync(() => _scenario.Meetings.UpdateNotesAsync(secretary, meetingId, new string('x', Meeting.NotesMax + 1), freshStamp, Ct));

        // Assert
        var member = await factory.UserAsync(DevSignIn.Member);
        Assert.Equal("Budget: 25.000 kr.\n\nNæste møde er ikke fastlagt.", (await _scenario.Meetings.GetMeetingAsync(member, meetingId, Ct)).Notes);
        Assert.IsType<ConcurrencyConflictException>(stale);
        Assert.Equal("Validation.TooLong", Key(tooLong));
    }

    [Fact]
    public async Task The_api_gives_headings_and_pauses_their_layout_and_no_number()
    {
        // Arrange
        var secretary = await _scenario.SecretaryAsync();
        var meetingId = await _scenario.MeetingAsync(new DateTime(2033, 6, 6), "Et", "To");
        await _scenario.Agenda.AddEntryAsync(secretary, meetingId, AgendaItemLayout.Pause, new AgendaEntryInput { Title = "Pause", AllottedMinutes = 10 }, Ct);
        await _scenario.Meetings.AddItemAsync(secretary, meetingId, new AgendaItemInput { Title = "Tre" }, Ct);
        using var member = await factory.SignedInClientAsync(DevSignIn.Member);

        // Act
        var json = await member.GetFromJsonAsync<JsonElement>($"/api/meetings/{meetingId}", Ct);

        // Assert
        var items = json.GetProperty("items").EnumerateArray()
            .Select(i => (i.GetProperty("number").GetString(), i.GetProperty("title").GetString(), i.GetProperty("layout").GetInt32())).ToList();
        Assert.Equal([("1", "Et", 0), ("2", "To", 0), ("", "Pause", (int)AgendaItemLayout.Pause), ("3", "Tre", 0)], items);
    }

    [Fact]
    public async Task Headings_and_pauses_of_the_standard_agenda_come_onto_every_new_meeting()
    {
        // Arrange: Handicaprådet's own secretary, so the other tests keep Udsatterådet's standard agenda as it is
        var secretary = await factory.UserAsync("Lone Frandsen");
        var councilId = (await DemoIds.LoadAsync(factory)).Handicapraadet;
        var templates = factory.Service<Workspace.Web.Features.Planning.AgendaTemplateService>();
        await templates.AddAsync(secretary, councilId, new Workspace.Web.Features.Planning.TemplateItemInput
        {
            Title = "Orienteringspunkter", Layout = AgendaItemLayout.Section, Kind = AgendaItemKind.Hearing, AllottedMinutes = 20,
        }, Ct);
        await templates.AddAsync(secretary, councilId, new Workspace.Web.Features.Planning.TemplateItemInput
        {
            Title = "Pause", Layout = AgendaItemLayout.Pause, AllottedMinutes = 10,
        }, Ct);

        // Act
        var template = await templates.GetAsync(secretary, councilId, Ct);
        var meetingId = await _scenario.Meetings.CreateMeetingAsync(secretary, councilId, new MeetingInput
        {
            Title = "Handicaprådets møde", Date = new DateTime(2033, 8, 1), StartTime = new TimeSpan(16, 0, 0), EndTime = new TimeSpan(18, 0, 0),
            Place = "Rådhuset", UseAgendaTemplate = true,
        }, Ct);
        var meeting = await _scenario.Meetings.GetMeetingAsync(secretary, meetingId, Ct);

        // Assert
        Assert.Equal(["1", "2", "3", "4", "", "", "5", "6"], template.Items.Select(i => i.ShownNumber));
        Assert.Null(template.Items.Single(i => i.Layout == AgendaItemLayout.Section).AllottedMinutes);
        Assert.Equal("1, 2, 3, 4, §Orienteringspunkter, ‖Pause, 5, 6, 7",
            string.Join(", ", meeting.Items.Select(i => i.Layout switch
            {
                AgendaItemLayout.Section => $"§{i.Title}",
                AgendaItemLayout.Pause => $"‖{i.Title}",
                _ => i.Number,
            })));
        Assert.Equal(10, meeting.Items.Single(i => i.Layout == AgendaItemLayout.Pause).AllottedMinutes);
    }

    private async Task<Guid> NewMeetingFromTemplateAsync(DateTime date)
    {
        var ids = await DemoIds.LoadAsync(factory);
        return await _scenario.Meetings.CreateMeetingAsync(await _scenario.SecretaryAsync(), ids.Udsatteraadet, new MeetingInput
        {
            Title = "Møde med standarddagsorden",
            Date = date,
            StartTime = new TimeSpan(16, 0, 0),
            EndTime = new TimeSpan(19, 0, 0),
            Place = "Rådhuset, mødelokale 2",
            UseAgendaTemplate = true,
        }, Ct);
    }

    private async Task AddAsync(Guid meetingId, string title, AgendaItemKind kind) =>
        await _scenario.Meetings.AddItemAsync(await _scenario.SecretaryAsync(), meetingId, new AgendaItemInput { Title = title, Kind = kind, AllottedMinutes = 15 }, Ct);

    /// <summary>The agenda as shown: "1 Et, §Orienteringspunkter, 2 To, ‖Pause".</summary>
    private async Task<string> OutlineAsync(Guid meetingId)
    {
        var meeting = await _scenario.Meetings.GetMeetingAsync(await _scenario.SecretaryAsync(), meetingId, Ct);
        return string.Join(", ", meeting.Items.Select(i => i.Layout switch
        {
            AgendaItemLayout.Section => $"§{i.Title}",
            AgendaItemLayout.Pause => $"‖{i.Title}",
            _ => $"{i.Number} {i.Title}",
        }));
    }

    private static string? Key(Exception? thrown) => Assert.IsType<InputValidationException>(thrown).Errors.First().MessageKey;
}
