using Microsoft.EntityFrameworkCore;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Features.Access;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Agenda;

/// <summary>The agenda typed as text, saved through the service: one save, before the end items, refused whole on a bad line.</summary>
public sealed class AgendaTextServiceTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private readonly AgendaScenario _scenario = new(factory);

    [Fact]
    public async Task Typed_agenda_is_added_in_the_texts_order_with_sub_items_headings_pauses_and_linked_presenters()
    {
        // Arrange
        var meetingId = await _scenario.MeetingAsync(new DateTime(2033, 2, 3), "Velkomst");
        var secretary = await _scenario.SecretaryAsync();
        const string text = "Beslutningspunkter:\n1. Budget (20 min.)\n  a) Fordeling v. Thomas Lindberg\nPAUSE (10 min.)\n2. Rundvisning v. Henrik Wulff";

        // Act
        var preview = await _scenario.Agenda.PreviewTextAsync(secretary, meetingId, text, Ct);
        var added = await _scenario.Agenda.AddFromTextAsync(secretary, meetingId, text, Ct);

        // Assert
        Assert.Equal(5, added);
        Assert.Equal(5, preview.NewCount);
        Assert.Equal(["1", "", "2", "2a", "", "3"], preview.Rows.Select(r => r.Number));
        Assert.Equal("1 Velkomst,  Beslutningspunkter, 2 Budget, 2a Fordeling,  PAUSE, 3 Rundvisning", await _scenario.OutlineAsync(meetingId));
        await using var db = await factory.CreateDbContextAsync();
        var items = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == meetingId).ToListAsync(Ct);
        Assert.NotNull(items.Single(i => i.Title == "Fordeling").PresenterPersonId);
        Assert.Null(items.Single(i => i.Title == "Rundvisning").PresenterPersonId);
        Assert.Equal(20, items.Single(i => i.Title == "Budget").AllottedMinutes);
        Assert.Equal(Workspace.Data.Entities.AgendaItemKind.Decision, items.Single(i => i.Title == "Budget").Kind);
    }

    [Fact]
    public async Task A_bad_line_refuses_the_whole_text_and_names_the_line()
    {
        // Arrange
        var meetingId = await _scenario.MeetingAsync(new DateTime(2033, 2, 10), "Velkomst");
        var secretary = await _scenario.SecretaryAsync();

        // Act
        var refused = await Assert.ThrowsAsync<InputValidationException>(() =>
            _scenario.Agenda.AddFromTextAsync(secretary, meetingId, "1. Budget\n2.\n3. Eventuelt (900 min.)", Ct));

        // Assert
        Assert.Equal([new FieldError("Line2", "Agenda.Text.NoTitle"), new FieldError("Line3", "Agenda.Text.MinutesRange")], refused.Errors);
        Assert.Equal("1 Velkomst", await _scenario.OutlineAsync(meetingId));
    }

    [Fact]
    public async Task A_held_meetings_agenda_takes_typed_items_but_no_headings_or_pauses()
    {
        // Arrange
        var meetingId = await _scenario.MeetingAsync(new DateTime(2033, 2, 17), "Velkomst");
        var secretary = await _scenario.SecretaryAsync();
        await _scenario.Meetings.MarkHeldAsync(secretary, meetingId, Ct);

        // Act
        var refused = await Assert.ThrowsAsync<InputValidationException>(() =>
            _scenario.Agenda.AddFromTextAsync(secretary, meetingId, "Orientering:\n1. Budget", Ct));
        await _scenario.Agenda.AddFromTextAsync(secretary, meetingId, "1. Budget\n  1a. Fordeling", Ct);

        // Assert
        Assert.Equal([new FieldError("Line1", "Agenda.Text.NotPlanning")], refused.Errors);
        Assert.Equal("1 Velkomst, 2 Budget, 2a Fordeling", await _scenario.OutlineAsync(meetingId));
    }
}
