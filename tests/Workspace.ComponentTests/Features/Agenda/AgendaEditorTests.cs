using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Data.Entities;
using Workspace.Web.Features.Agenda;
using Workspace.Web.Features.Meetings;

namespace Workspace.ComponentTests.Features.Agenda;

/// <summary>The administration's agenda editing on an item card: move handle, keyboard moves, statuses and clock times.</summary>
public sealed class AgendaEditorTests : ComponentTestContext
{
    private static readonly MeetingRights Secretary = new(CanRemark: false, CanManage: true);
    private static readonly MeetingRights Reader = new(CanRemark: true, CanManage: false);
    private static readonly DateTimeOffset Start = new(2027, 1, 14, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Arrow_up_on_the_move_handle_moves_the_item_up_and_keeps_numbers_right()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var hearing = Item(DemoItems.Hearing);
        var view = TestViews.AgendaItem("6", hearing.Title) with { Id = hearing.Id };
        Guid? moved = null;
        var cut = Render<AgendaItemCard>(p => p.Add(x => x.Item, view).Add(x => x.Page, new AgendaCardPage(Secretary) { OnMoved = EventCallback.Factory.Create<Guid>(this, id => moved = id) }));

        // Act
        await cut.Find(".agenda-move-handle").KeyDownAsync(new KeyboardEventArgs { Key = "ArrowUp" });

        // Assert
        await using var db = CreateDbContext();
        var numbers = await db.AgendaItems.Where(i => i.MeetingId == hearing.MeetingId && i.ParentId == null)
            .OrderBy(i => i.Number).Select(i => i.Number).ToListAsync(Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(5, (await db.AgendaItems.SingleAsync(i => i.Id == hearing.Id, Xunit.TestContext.Current.CancellationToken)).Number);
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
        Assert.Equal(hearing.Id, moved);
    }

    [Fact]
    public void Move_handle_is_a_labelled_button_for_the_administration_only()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var view = TestViews.AgendaItem("3", "Nyt fra formanden");

        // Act
        var secretary = Render<AgendaItemCard>(p => p.Add(x => x.Item, view).Add(x => x.Page, new AgendaCardPage(Secretary)));
        var reader = Render<AgendaItemCard>(p => p.Add(x => x.Item, view).Add(x => x.Page, new AgendaCardPage(Reader)));

        // Assert
        var handle = secretary.Find("button.agenda-move-handle");
        Assert.Equal("Flyt punkt 3 Nyt fra formanden", handle.GetAttribute("aria-label"));
        Assert.Equal("true", handle.GetAttribute("draggable"));
        Assert.Empty(reader.FindAll(".agenda-move-handle"));
        Assert.Empty(reader.FindAll("[data-testid=item-actions]"));
    }

    [Fact]
    public void Withdrawn_item_is_struck_through_with_its_reason()
    {
        // Arrange
        SignInAs("Mia Kragh");
        var view = TestViews.AgendaItem("5", "Status på værestedet", status: AgendaItemStatus.Withdrawn, statusNote: "Sagen er ikke klar.");

        // Act
        var cut = Render<AgendaItemCard>(p => p.Add(x => x.Item, view).Add(x => x.Page, new AgendaCardPage(Reader)));

        // Assert
        Assert.Equal("Status på værestedet", cut.Find("h3 s").TextContent);
        Assert.Equal("Udgår", cut.Find("[data-testid=item-status]").TextContent.Trim());
        Assert.Equal("Udgår: Sagen er ikke klar.", cut.Find(".status-note").TextContent.Trim());
    }

    [Fact]
    public void Postponed_item_links_to_the_meeting_it_moved_to()
    {
        // Arrange
        SignInAs("Mia Kragh");
        var target = Guid.NewGuid();
        var view = TestViews.AgendaItem("5", "Budget", status: AgendaItemStatus.Postponed)
            with { PostponedTo = new MeetingReference(target, new DateTimeOffset(2027, 2, 11, 15, 0, 0, TimeSpan.Zero)) };

        // Act
        var cut = Render<AgendaItemCard>(p => p.Add(x => x.Item, view).Add(x => x.Page, new AgendaCardPage(Reader)));

        // Assert
        var link = cut.Find("[data-testid=postponed-to] a");
        Assert.Equal("Udsat til mødet 11. feb. 2027", link.TextContent.Trim());
        Assert.Equal($"/meetings/{target}", link.GetAttribute("href"));
    }

    [Fact]
    public void Item_shows_its_clock_times_and_a_mark_when_it_runs_past_the_meeting_end()
    {
        // Arrange
        SignInAs("Mia Kragh");
        var view = TestViews.AgendaItem("7", "Eventuelt", minutes: 30);
        var slot = new TimeSlot(Start.AddMinutes(100), Start.AddMinutes(130), TakesTime: true);

        // Act
        var cut = Render<AgendaItemCard>(p => p.Add(x => x.Item, view).Add(x => x.Page, new AgendaCardPage(Reader) { MeetingEndsAt = Start.AddMinutes(120) })
            .Add(x => x.Time, slot));

        // Assert
        Assert.Equal("kl. 17.40–18.10", cut.Find("[data-testid=item-time]").TextContent.Trim());
        Assert.Equal("Efter mødets sluttid", cut.Find("[data-testid=item-overrun]").TextContent.Trim());
    }

    [Fact]
    public void Item_inside_the_meeting_time_has_no_overrun_mark()
    {
        // Arrange
        SignInAs("Mia Kragh");
        var view = TestViews.AgendaItem("2", "Referat", minutes: 5);

        // Act
        var cut = Render<AgendaItemCard>(p => p.Add(x => x.Item, view).Add(x => x.Page, new AgendaCardPage(Reader) { MeetingEndsAt = Start.AddMinutes(120) })
            .Add(x => x.Time, new TimeSlot(Start, Start.AddMinutes(5), true)));

        // Assert
        Assert.Equal("kl. 16.00–16.05", cut.Find("[data-testid=item-time]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=item-overrun]"));
    }

    [Fact]
    public void Timeline_summary_tells_a_member_in_Danish_that_the_agenda_runs_over_without_advice()
    {
        // Arrange
        SignInAs("Mia Kragh");
        var items = new[] { new TimedItem(Guid.NewGuid(), null, 90, AgendaItemStatus.Planned), new TimedItem(Guid.NewGuid(), null, 45, AgendaItemStatus.Planned) };
        var meeting = Meeting(AgendaTimeline.Compute(Start, Start.AddHours(2), items));

        // Act
        var cut = Render<AgendaTimelineSummary>(p => p.Add(x => x.Meeting, meeting));

        // Assert
        Assert.Equal("Dagsordenen slutter kl. 18.15, 15 minutter efter mødets sluttid kl. 18.00.",
            cut.Find("[data-testid=agenda-overrun]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=agenda-overrun-advice]"));
    }

    [Fact]
    public void Timeline_summary_gives_the_administration_the_advice_on_an_overrun()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var items = new[] { new TimedItem(Guid.NewGuid(), null, 90, AgendaItemStatus.Planned), new TimedItem(Guid.NewGuid(), null, 45, AgendaItemStatus.Planned) };
        var meeting = Meeting(AgendaTimeline.Compute(Start, Start.AddHours(2), items)) with { Rights = new MeetingRights(CanRemark: false, CanManage: true) };

        // Act
        var cut = Render<AgendaTimelineSummary>(p => p.Add(x => x.Meeting, meeting));

        // Assert
        Assert.Equal("Dagsordenen slutter kl. 18.15, 15 minutter efter mødets sluttid kl. 18.00. Kort tiden ned, eller udsæt et punkt.",
            cut.Find("[data-testid=agenda-overrun]").TextContent.Trim());
    }

    [Fact]
    public void Timeline_summary_counts_the_items_without_minutes_and_gives_only_the_end_of_those_with()
    {
        // Arrange: the second and fourth items have no minutes
        SignInAs("Mia Kragh");
        TimedItem[] items =
        [
            new(Guid.NewGuid(), null, 30, AgendaItemStatus.Planned), new(Guid.NewGuid(), null, null, AgendaItemStatus.Planned),
            new(Guid.NewGuid(), null, 20, AgendaItemStatus.Planned), new(Guid.NewGuid(), null, null, AgendaItemStatus.Planned),
        ];
        var meeting = Meeting(AgendaTimeline.Compute(Start, Start.AddHours(3), items));

        // Act
        var cut = Render<AgendaTimelineSummary>(p => p.Add(x => x.Meeting, meeting));

        // Assert
        Assert.Equal("Punkterne med afsat tid slutter kl. 16.50 (mødet slutter kl. 18.00). "
            + "2 punkter har ingen afsat tid, så tiderne efter det første af dem kan ikke beregnes.",
            Normalized(cut.Find("[data-testid=agenda-planned-end]").TextContent));
    }

    [Fact]
    public void Timeline_summary_says_no_times_can_be_worked_out_when_no_item_has_minutes()
    {
        // Arrange: no item has minutes: the page used to say the agenda ends when the meeting starts
        SignInAs("Mia Kragh");
        var meeting = Meeting(AgendaTimeline.Compute(Start, Start.AddHours(3),
            [new TimedItem(Guid.NewGuid(), null, null, AgendaItemStatus.Planned), new TimedItem(Guid.NewGuid(), null, null, AgendaItemStatus.Planned)]));

        // Act
        var cut = Render<AgendaTimelineSummary>(p => p.Add(x => x.Meeting, meeting));

        // Assert
        Assert.Empty(cut.FindAll("[data-testid=agenda-planned-end]"));
        Assert.Equal("Ingen punkter har afsat tid endnu, så dagsordenens tider kan ikke beregnes.", cut.Find("[data-testid=agenda-untimed]").TextContent.Trim());
    }

    private static string Normalized(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();

    [Fact]
    public void Timeline_summary_gives_the_planned_end_when_the_agenda_fits()
    {
        // Arrange
        SignInAs("Mia Kragh");
        var meeting = Meeting(AgendaTimeline.Compute(Start, Start.AddHours(2), [new TimedItem(Guid.NewGuid(), null, 60, AgendaItemStatus.Planned)]));

        // Act
        var cut = Render<AgendaTimelineSummary>(p => p.Add(x => x.Meeting, meeting));

        // Assert
        Assert.Empty(cut.FindAll("[data-testid=agenda-overrun]"));
        Assert.Equal("Dagsordenen slutter efter planen kl. 17.00 (mødet slutter kl. 18.00).", cut.Find("[data-testid=agenda-planned-end]").TextContent.Trim());
    }

    [Fact]
    public async Task Edit_conflict_is_shown_next_to_the_field_and_keeps_what_the_user_typed()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var housing = Item(DemoItems.HousingTalk);
        var opened = TestViews.AgendaItem("4", housing.Title) with { Id = housing.Id, Kind = housing.Kind, AllottedMinutes = housing.AllottedMinutes, Background = housing.Background, Presenter = housing.Presenter };
        var cut = await ShowEditDialogAsync(housing.MeetingId, opened);
        var meetings = Services.GetRequiredService<MeetingService>();
        var colleaguesEdit = AgendaItemInput.From(opened);
        colleaguesEdit.Title = "Boligsocial indsats – status";
        await meetings.UpdateItemAsync(UserFor("Thomas Lindberg"), housing.Id, colleaguesEdit, AgendaItemInput.From(opened), Xunit.TestContext.Current.CancellationToken);

        // Act
        cut.Find("[data-testid=item-title]").Change("Oplæg om boligindsatsen for unge");
        await cut.Find("[data-testid=item-save]").ClickAsync(new MouseEventArgs());

        // Assert
        Assert.Contains("Overskrift", cut.Find("[data-testid=edit-conflict]").TextContent);
        Assert.Equal("Oplæg om boligindsatsen for unge", cut.Find("[data-testid=item-title]").GetAttribute("value"));
        var helper = cut.Find("[data-testid=item-title]").Closest(".mud-input-control")!.QuerySelector(".mud-input-helper-text")!;
        Assert.Equal("Ændret af en anden, mens du skrev. Der står nu: »Boligsocial indsats – status«", helper.TextContent.Trim());
    }

    private async Task<IRenderedComponent<MudDialogProvider>> ShowEditDialogAsync(Guid meetingId, AgendaItemView item)
    {
        Render<MudPopoverProvider>();
        var cut = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<AgendaItemFormDialog> { { d => d.MeetingId, meetingId }, { d => d.Item, item } };
        await cut.InvokeAsync(() => dialogs.ShowAsync<AgendaItemFormDialog>("Rediger punkt", parameters));
        cut.WaitForElement("[data-testid=item-save]");
        return cut;
    }

    private static MeetingDetails Meeting(AgendaTimetable timetable) => new(
        Guid.NewGuid(), Guid.NewGuid(), "Udsatterådet", "Møde", Start, Start.AddHours(2), "Rådhuset", null, MeetingStatus.Published, MeetingKind.Ordinary,
        null, Guid.NewGuid(), Reader, [], timetable);
}
