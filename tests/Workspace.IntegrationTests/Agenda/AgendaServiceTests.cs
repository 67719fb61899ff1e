using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Agenda;
using Workspace.Web.Features.Meetings;
using Workspace.Web.Features.Remarks;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Agenda;

/// <summary>The secretary's agenda work against a real database: numbering, postponing, withdrawing and deleting.</summary>
public sealed class AgendaServiceTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly AgendaScenario _scenario = new(factory);

    [Fact]
    public async Task Sub_items_and_moves_keep_the_numbers_right()
    {
        // Arrange
        var meetingId = await _scenario.MeetingAsync(new DateTime(2031, 2, 3), "Velkomst", "Budget", "Boligsocial plan", "Eventuelt");
        var secretary = await _scenario.SecretaryAsync();
        var budget = await _scenario.ItemAsync(meetingId, "Budget");
        await _scenario.Agenda.AddSubItemAsync(secretary, budget, new AgendaItemInput { Title = "Drøftelse" }, Ct);
        await _scenario.Agenda.AddSubItemAsync(secretary, budget, new AgendaItemInput { Title = "Høringssvar" }, Ct);

        // Act
        await _scenario.Agenda.StepAsync(secretary, await _scenario.ItemAsync(meetingId, "Boligsocial plan"), AgendaDirection.Up, Ct);
        await _scenario.Agenda.StepAsync(secretary, await _scenario.ItemAsync(meetingId, "Høringssvar"), AgendaDirection.Outdent, Ct);
        await _scenario.Agenda.MoveOntoAsync(secretary, await _scenario.ItemAsync(meetingId, "Velkomst"), await _scenario.ItemAsync(meetingId, "Drøftelse"), Ct);

        // Assert
        Assert.Equal("1 Boligsocial plan, 2 Budget, 2a Velkomst, 2b Drøftelse, 3 Høringssvar, 4 Eventuelt", await _scenario.OutlineAsync(meetingId));
    }

    [Fact]
    public async Task Deleting_an_item_closes_the_gap()
    {
        // Arrange
        var meetingId = await _scenario.MeetingAsync(new DateTime(2031, 2, 10), "Et", "To", "Tre");

        // Act
        await _scenario.Agenda.DeleteAsync(await _scenario.SecretaryAsync(), await _scenario.ItemAsync(meetingId, "To"), Ct);

        // Assert
        Assert.Equal("1 Et, 2 Tre", await _scenario.OutlineAsync(meetingId));
    }

    [Fact]
    public async Task An_item_with_remarks_cannot_be_deleted_but_can_be_withdrawn()
    {
        // Arrange
        var meetingId = await _scenario.MeetingAsync(new DateTime(2031, 2, 17), "Et", "To");
        var item = await _scenario.ItemAsync(meetingId, "To");
        await factory.Service<RemarkService>().AddAsync(await factory.UserAsync(DevSignIn.Member), item, new RemarkInput { Text = "Vigtigt punkt for os." }, Ct);
        var secretary = await _scenario.SecretaryAsync();

        // Act
        var refused = await Record.ExceptionAsync(() => _scenario.Agenda.DeleteAsync(secretary, item, Ct));
        await _scenario.Agenda.WithdrawAsync(secretary, item, "Sagen er trukket af forvaltningen", Ct);

        // Assert
        Assert.Equal("Agenda.DeleteHasRemarks", Assert.IsType<InputValidationException>(refused).Errors.Single().MessageKey);
        var stored = await _scenario.StoredAsync(item);
        Assert.Equal((AgendaItemStatus.Withdrawn, "Sagen er trukket af forvaltningen"), (stored.Status, stored.StatusNote));
        Assert.Equal("1 Et, 2 To", await _scenario.OutlineAsync(meetingId));
    }

    [Fact]
    public async Task Withdrawing_needs_a_reason_and_can_be_undone()
    {
        // Arrange
        var meetingId = await _scenario.MeetingAsync(new DateTime(2031, 2, 24), "Et");
        var item = await _scenario.ItemAsync(meetingId, "Et");
        var secretary = await _scenario.SecretaryAsync();

        // Act
        var missingReason = await Record.ExceptionAsync(() => _scenario.Agenda.WithdrawAsync(secretary, item, "  ", Ct));
        await _scenario.Agenda.WithdrawAsync(secretary, item, "Udsat af forvaltningen", Ct);
        await _scenario.Agenda.ReinstateAsync(secretary, item, Ct);

        // Assert
        var error = Assert.Single(Assert.IsType<InputValidationException>(missingReason).Errors);
        Assert.Equal(("Reason", InputRules.RequiredKey), (error.Field, error.MessageKey));
        var stored = await _scenario.StoredAsync(item);
        Assert.Equal((AgendaItemStatus.Planned, (string?)null), (stored.Status, stored.StatusNote));
    }

    [Fact]
    public async Task Postponing_moves_the_item_with_sub_items_and_material_and_notes_it_on_both_agendas()
    {
        // Arrange
        var fromMeeting = await _scenario.MeetingAsync(new DateTime(2031, 3, 3), "Velkomst", "Budget");
        var toMeeting = await _scenario.MeetingAsync(new DateTime(2031, 4, 7), "Velkomst");
        var secretary = await _scenario.SecretaryAsync();
        var budget = await _scenario.ItemAsync(fromMeeting, "Budget");
        await _scenario.Meetings.UpdateItemAsync(secretary, budget,
            new AgendaItemInput { Title = "Budget", AllottedMinutes = 15, Background = "Se bilag." }, new AgendaItemInput { Title = "Budget", AllottedMinutes = 15 }, Ct);
        await _scenario.Agenda.AddSubItemAsync(secretary, budget, new AgendaItemInput { Title = "Drøftelse" }, Ct);
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.ItemLinks.Add(new ItemLink { AgendaItemId = budget, Title = "Budgetforslag", Url = "https://example.org/budget", Number = 1 });
            await db.SaveChangesAsync(Ct);
        }

        // Act
        var targets = await _scenario.Agenda.PostponeTargetsAsync(secretary, budget, Ct);
        var copyId = await _scenario.Agenda.PostponeAsync(secretary, budget, targets[0].Id, "Mangler tal fra økonomi", Ct);

        // Assert
        Assert.Equal(toMeeting, targets[0].Id);
        Assert.Equal("1 Velkomst, 2 Budget, 2a Drøftelse", await _scenario.OutlineAsync(fromMeeting));
        Assert.Equal("1 Velkomst, 2 Budget, 2a Drøftelse", await _scenario.OutlineAsync(toMeeting));
        var source = await _scenario.Meetings.GetMeetingAsync(secretary, fromMeeting, Ct);
        var postponed = source.Items.Single(i => i.Id == budget);
        Assert.Equal((AgendaItemStatus.Postponed, "Mangler tal fra økonomi", toMeeting), (postponed.Status, postponed.StatusNote, postponed.PostponedTo!.Id));
        Assert.All(source.Items.Where(i => i.ParentId == budget), s => Assert.Equal(AgendaItemStatus.Postponed, s.Status));
        var target = await _scenario.Meetings.GetMeetingAsync(secretary, toMeeting, Ct);
        var moved = target.Items.Single(i => i.Id == copyId);
        Assert.Equal((AgendaItemStatus.Planned, "Se bilag.", fromMeeting), (moved.Status, moved.Background, moved.PostponedFrom!.Id));
        await using var check = await factory.CreateDbContextAsync();
        Assert.Equal(copyId, (await check.ItemLinks.SingleAsync(l => l.Title == "Budgetforslag", Ct)).AgendaItemId);
        Assert.False(source.Timetable.Slots[budget].TakesTime);
    }

    [Fact]
    public async Task An_item_cannot_be_postponed_to_an_earlier_meeting_or_twice()
    {
        // Arrange
        var earlier = await _scenario.MeetingAsync(new DateTime(2031, 5, 5), "Et");
        var later = await _scenario.MeetingAsync(new DateTime(2031, 6, 2), "Et", "To");
        var secretary = await _scenario.SecretaryAsync();
        var item = await _scenario.ItemAsync(later, "To");

        // Act
        var toEarlier = await Record.ExceptionAsync(() => _scenario.Agenda.PostponeAsync(secretary, item, earlier, null, Ct));
        var laterTargets = await _scenario.Agenda.PostponeTargetsAsync(secretary, item, Ct);
        await _scenario.Agenda.WithdrawAsync(secretary, item, "Ikke aktuelt", Ct);
        var twice = await Record.ExceptionAsync(() => _scenario.Agenda.PostponeAsync(secretary, item, laterTargets.Count > 0 ? laterTargets[0].Id : earlier, null, Ct));

        // Assert
        Assert.Equal("Agenda.NoSuchTarget", Assert.IsType<InputValidationException>(toEarlier).Errors.Single().MessageKey);
        Assert.DoesNotContain(laterTargets, t => t.Id == earlier);
        Assert.IsType<InputValidationException>(twice);
    }

    [Fact]
    public async Task Timetable_follows_the_minutes_and_warns_when_the_agenda_runs_past_the_end()
    {
        // Arrange
        var meetingId = await _scenario.MeetingAsync(new DateTime(2031, 7, 7), "Et", "To", "Tre");
        var secretary = await _scenario.SecretaryAsync();
        var three = await _scenario.ItemAsync(meetingId, "Tre");

        // Act
        var before = await _scenario.Meetings.GetMeetingAsync(secretary, meetingId, Ct);
        await _scenario.Meetings.UpdateItemAsync(secretary, three, new AgendaItemInput { Title = "Tre", AllottedMinutes = 100 },
            new AgendaItemInput { Title = "Tre", AllottedMinutes = 15 }, Ct);
        var after = await _scenario.Meetings.GetMeetingAsync(secretary, meetingId, Ct);

        // Assert
        Assert.False(before.Timetable.RunsOver);
        Assert.Equal(before.StartsAt.AddMinutes(30), before.Timetable.Slots[three].Start);
        Assert.True(after.Timetable.RunsOver);
        Assert.Equal(TimeSpan.FromMinutes(10), after.Timetable.Overrun);
    }

    [Fact]
    public async Task A_presenter_picked_from_the_council_is_linked_and_shown_by_name()
    {
        // Arrange
        var meetingId = await _scenario.MeetingAsync(new DateTime(2031, 8, 4));
        var secretary = await _scenario.SecretaryAsync();
        var choices = await _scenario.Agenda.PresenterChoicesAsync(secretary, meetingId, Ct);
        var thomas = choices.Single(c => c.Name == "Thomas Lindberg");

        // Act
        var itemId = await _scenario.Meetings.AddItemAsync(secretary, meetingId, new AgendaItemInput { Title = "Orientering", PresenterPersonId = thomas.PersonId }, Ct);
        var outsider = await Record.ExceptionAsync(() => _scenario.Meetings.AddItemAsync(secretary, meetingId,
            new AgendaItemInput { Title = "Orientering", PresenterPersonId = Guid.NewGuid() }, Ct));

        // Assert
        var stored = await _scenario.StoredAsync(itemId);
        Assert.Equal((thomas.PersonId, "Thomas Lindberg"), (stored.PresenterPersonId!.Value, stored.Presenter));
        Assert.Equal("Validation.PresenterNotInCouncil", Assert.IsType<InputValidationException>(outsider).Errors.Single().MessageKey);
    }

    [Fact]
    public async Task The_agenda_of_a_held_meeting_cannot_be_reordered()
    {
        // Arrange
        var meetingId = await _scenario.MeetingAsync(new DateTime(2031, 9, 1), "Et", "To");
        var secretary = await _scenario.SecretaryAsync();
        var two = await _scenario.ItemAsync(meetingId, "To");
        await _scenario.Meetings.MarkHeldAsync(secretary, meetingId, Ct);

        // Act
        var thrown = await Record.ExceptionAsync(() => _scenario.Agenda.StepAsync(secretary, two, AgendaDirection.Up, Ct));

        // Assert
        Assert.Equal("Agenda.NotPlanning", Assert.IsType<InputValidationException>(thrown).Errors.Single().MessageKey);
    }
}
