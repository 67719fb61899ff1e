using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Meetings;
using Workspace.Web.Features.Planning;

namespace Workspace.IntegrationTests.Planning;

/// <summary>
/// The annual plan and the standard agenda through their services, on a database of their own (2030 is far from the
/// demo meetings; summer time in 2030 runs from 31 March to 27 October).
/// </summary>
public sealed class PlanningBehaviourTests : IAsyncLifetime
{
    private const int Year = 2030;
    private static readonly string[] StandardTitles =
        ["Godkendelse af dagsorden", "Godkendelse af referat fra sidste møde", "Nyt fra formanden", "Nyt fra medlemmerne", "Næste møde", "Eventuelt"];

    // A new meeting from the standard agenda also gets "Status på opfølgning" before the items placed at the end (#12).
    private static readonly string[] NewMeetingTitles =
        ["Godkendelse af dagsorden", "Godkendelse af referat fra sidste møde", "Nyt fra formanden", "Nyt fra medlemmerne", "Status på opfølgning", "Næste møde", "Eventuelt"];

    private readonly WorkspaceFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    private AnnualPlanService Plans => _factory.Service<AnnualPlanService>();

    private AgendaTemplateService Templates => _factory.Service<AgendaTemplateService>();

    private MeetingService Meetings => _factory.Service<MeetingService>();

    private static AnnualPlanInput Plan(params DateOnly[] dates) => new()
    {
        Year = Year,
        Title = "Møde i Udsatterådet",
        Dates = [.. dates],
        StartTime = new TimeSpan(16, 0, 0),
        EndTime = new TimeSpan(18, 0, 0),
        Place = "Rådhuset, mødelokale 2A",
        OnlineLink = "https://moede.boegeby.example/udsatteraadet",
    };

    [Fact]
    public async Task Plan_of_six_dates_creates_six_drafts_with_the_standard_agenda_at_four_in_copenhagen_all_year()
    {
        // Arrange: two dates in winter time, three in summer time, one after it ends
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await _factory.UserAsync(DevSignIn.Administration);
        var time = _factory.Service<CopenhagenTime>();
        DateOnly[] dates = [new(Year, 11, 7), new(Year, 1, 10), new(Year, 3, 14), new(Year, 4, 25), new(Year, 6, 13), new(Year, 9, 12)];

        // Act
        var created = await Plans.CreateAsync(secretary, ids.Udsatteraadet, Plan(dates), Ct);

        // Assert
        Assert.Equal(6, created.Count);
        await using var db = await _factory.CreateDbContextAsync();
        var meetings = (await db.Meetings.Include(m => m.AgendaItems).Where(m => created.Contains(m.Id)).ToListAsync(Ct))
            .OrderBy(m => m.StartsAt).ToList();
        Assert.Equal(dates.Order(), meetings.Select(m => DateOnly.FromDateTime(time.ToLocal(m.StartsAt))));
        Assert.All(meetings, m =>
        {
            Assert.Equal(MeetingStatus.Draft, m.Status);
            Assert.Equal(MeetingKind.Ordinary, m.Kind);
            Assert.Equal("Møde i Udsatterådet", m.Title);
            Assert.Equal(new TimeSpan(16, 0, 0), time.ToLocal(m.StartsAt).TimeOfDay);
            Assert.Equal(new TimeSpan(18, 0, 0), time.ToLocal(m.EndsAt).TimeOfDay);
            Assert.Equal("https://moede.boegeby.example/udsatteraadet", m.OnlineLink);
            var items = m.AgendaItems.OrderBy(i => i.Number).ToList();
            Assert.Equal(NewMeetingTitles, items.Select(i => i.Title));
            Assert.Equal([1, 2, 3, 4, 5, 6, 7], items.Select(i => i.Number));
            Assert.All(items, i => Assert.Null(i.ParentId));
        });
        Assert.Equal([15, 15, 14, 14, 14, 15], meetings.Select(m => m.StartsAt.UtcDateTime.Hour));
    }

    [Fact]
    public async Task Duplicate_date_gives_a_field_error_and_creates_nothing()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await _factory.UserAsync(DevSignIn.Administration);
        var before = await MeetingCountAsync(ids.Udsatteraadet);

        // Act
        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            Plans.CreateAsync(secretary, ids.Udsatteraadet, Plan(new(Year, 2, 7), new(Year, 5, 2), new(Year, 2, 7)), Ct));

        // Assert
        Assert.Equal([new FieldError(nameof(AnnualPlanInput.Dates), "Planning.DuplicateDate")], error.Errors);
        Assert.Equal(before, await MeetingCountAsync(ids.Udsatteraadet));
    }

    [Fact]
    public async Task Date_that_already_has_a_meeting_is_refused_unless_that_meeting_is_cancelled()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await _factory.UserAsync(DevSignIn.Administration);
        var first = await Plans.CreateAsync(secretary, ids.Udsatteraadet, Plan(new DateOnly(Year, 3, 7)), Ct);
        var before = await MeetingCountAsync(ids.Udsatteraadet);

        // Act
        var error = await Assert.ThrowsAsync<InputValidationException>(() =>
            Plans.CreateAsync(secretary, ids.Udsatteraadet, Plan(new(Year, 3, 7), new(Year, 8, 15)), Ct));
        await Meetings.CancelAsync(secretary, first.Single(), "Flyttet", Ct);
        var again = await Plans.CreateAsync(secretary, ids.Udsatteraadet, Plan(new DateOnly(Year, 3, 7)), Ct);

        // Assert
        Assert.Equal([new FieldError(nameof(AnnualPlanInput.Dates), "Planning.DateTaken")], error.Errors);
        Assert.Single(again);
        Assert.Equal(before + 1, await MeetingCountAsync(ids.Udsatteraadet));
    }

    [Fact]
    public async Task Moving_a_planned_meeting_bumps_its_calendar_sequence_and_shows_in_the_plan()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await _factory.UserAsync(DevSignIn.Administration);
        var id = (await Plans.CreateAsync(secretary, ids.Udsatteraadet, Plan(new DateOnly(Year, 10, 3)), Ct)).Single();
        var meeting = await Meetings.GetMeetingAsync(secretary, id, Ct);

        // Act: the edit dialog's input, one week later
        await Meetings.UpdateMeetingAsync(secretary, id, new MeetingInput
        {
            Title = meeting.Title,
            Kind = meeting.Kind,
            Date = new DateTime(Year, 10, 10),
            StartTime = new TimeSpan(17, 0, 0),
            EndTime = new TimeSpan(19, 0, 0),
            Place = meeting.Place,
            OnlineLink = meeting.OnlineLink,
        }, meeting.ConcurrencyStamp, Ct);

        // Assert
        await using var db = await _factory.CreateDbContextAsync();
        var moved = await db.Meetings.SingleAsync(m => m.Id == id, Ct);
        Assert.Equal(1, moved.CalendarSequence);
        Assert.Equal(new DateTimeOffset(Year, 10, 10, 15, 0, 0, TimeSpan.Zero), moved.StartsAt);
        var plan = await Plans.GetAsync(secretary, ids.Udsatteraadet, Year, Ct);
        Assert.Contains(plan.Meetings, m => m.Id == id && m.StartsAt == moved.StartsAt && m.Status == MeetingStatus.Draft);
    }

    [Fact]
    public async Task New_meeting_gets_the_councils_edited_template_in_order_or_nothing_when_unticked()
    {
        // Arrange: the secretary adds an item; it goes before the items placed at the end
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await _factory.UserAsync(DevSignIn.Administration);
        await Templates.AddAsync(secretary, ids.Udsatteraadet,
            new TemplateItemInput { Title = "Orientering fra forvaltningen", Kind = AgendaItemKind.Information, AllottedMinutes = 15 }, Ct);
        MeetingInput Input(bool useTemplate) => new()
        {
            Title = "Temadag om hjemløshed",
            Kind = MeetingKind.ThemeDay,
            Date = new DateTime(Year, 5, 23),
            StartTime = new TimeSpan(9, 0, 0),
            EndTime = new TimeSpan(15, 0, 0),
            Place = "Bøgeby Værested",
            UseAgendaTemplate = useTemplate,
        };

        // Act
        var withTemplate = await Meetings.CreateMeetingAsync(secretary, ids.Udsatteraadet, Input(true), Ct);
        var without = await Meetings.CreateMeetingAsync(secretary, ids.Udsatteraadet, Input(false), Ct);

        // Assert
        var meeting = await Meetings.GetMeetingAsync(secretary, withTemplate, Ct);
        Assert.Equal(MeetingKind.ThemeDay, meeting.Kind);
        Assert.Equal(
            ["Godkendelse af dagsorden", "Godkendelse af referat fra sidste møde", "Nyt fra formanden", "Nyt fra medlemmerne", "Orientering fra forvaltningen", "Status på opfølgning", "Næste møde", "Eventuelt"],
            meeting.Items.Select(i => i.Title));
        Assert.Equal(["1", "2", "3", "4", "5", "6", "7", "8"], meeting.Items.Select(i => i.Number));
        Assert.Equal(15, meeting.Items[4].AllottedMinutes);
        Assert.Empty((await Meetings.GetMeetingAsync(secretary, without, Ct)).Items);
    }

    [Fact]
    public async Task Template_items_move_within_their_group_and_the_last_item_cannot_be_deleted()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        var secretary = await _factory.UserAsync(DevSignIn.Administration);
        var template = await Templates.GetAsync(secretary, ids.Udsatteraadet, Ct);
        var memberNews = template.Items.Single(i => i.Title == "Nyt fra medlemmerne");
        var nextMeeting = template.Items.Single(i => i.Title == "Næste møde");

        // Act: up twice; the last ordinary item cannot pass below into the end group
        await Templates.MoveAsync(secretary, memberNews.Id, up: true, Ct);
        await Templates.MoveAsync(secretary, memberNews.Id, up: true, Ct);
        await Templates.MoveAsync(secretary, nextMeeting.Id, up: true, Ct);
        var moved = await Templates.GetAsync(secretary, ids.Udsatteraadet, Ct);

        // Assert
        Assert.Equal(
            ["Godkendelse af dagsorden", "Nyt fra medlemmerne", "Godkendelse af referat fra sidste møde", "Nyt fra formanden", "Næste møde", "Eventuelt"],
            moved.Items.Select(i => i.Title));
        Assert.Equal([1, 2, 3, 4, 5, 6], moved.Items.Select(i => i.Number));

        // Act: delete all but one, then the last
        foreach (var item in moved.Items.Skip(1))
        {
            await Templates.DeleteAsync(secretary, item.Id, Ct);
        }
        var error = await Assert.ThrowsAsync<InputValidationException>(() => Templates.DeleteAsync(secretary, moved.Items[0].Id, Ct));

        // Assert
        Assert.Equal("Template.KeepOne", Assert.Single(error.Errors).MessageKey);
        Assert.Single((await Templates.GetAsync(secretary, ids.Udsatteraadet, Ct)).Items);
    }

    [Fact]
    public async Task Council_without_a_template_gets_the_danish_default_when_its_page_opens()
    {
        // Arrange: Handicaprådet's template removed, as for a council created before templates existed
        var ids = await DemoIds.LoadAsync(_factory);
        await using (var db = await _factory.CreateDbContextAsync())
        {
            await db.AgendaTemplateItems.Where(t => t.CouncilId == ids.Handicapraadet).ExecuteDeleteAsync(Ct);
        }
        var secretary = await _factory.UserAsync("Lone Frandsen");

        // Act
        var template = await Templates.GetAsync(secretary, ids.Handicapraadet, Ct);
        var again = await Templates.GetAsync(secretary, ids.Handicapraadet, Ct);

        // Assert
        Assert.Equal(StandardTitles, template.Items.Select(i => i.Title));
        Assert.Equal(template.Items.Select(i => i.Id), again.Items.Select(i => i.Id));
    }

    private async Task<int> MeetingCountAsync(Guid councilId)
    {
        await using var db = await _factory.CreateDbContextAsync();
        return await db.Meetings.CountAsync(m => m.CouncilId == councilId, Ct);
    }
}
