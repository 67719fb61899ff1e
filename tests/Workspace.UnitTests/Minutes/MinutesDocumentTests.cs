using System.Text.Json;
using Workspace.Data.Entities;
using Workspace.Web.Features.Minutes;

namespace Workspace.UnitTests.Minutes;

public sealed class MinutesDocumentTests
{
    internal static MinutesEntry Entry(string number, string title, bool closed = false) => new(
        Guid.NewGuid(), number, AgendaItemLayout.Numbered, false, title, closed, AgendaItemStatus.Handled, "Note",
        "Iben Sørensen", $"Beslutning om {title}", $"Referat af {title}", [$"Bemærkning om {title}"],
        [new MinutesFollowUp($"Opfølgning på {title}", "Forvaltningen", "Næste møde")], [$"{title}.pdf"]);

    internal static MinutesDocument Document(params MinutesEntry[] entries) => new(
        Guid.NewGuid(), "Bøgeby Kommune", "Udsatterådet", "Udsatterådets møde",
        new DateTimeOffset(2026, 9, 3, 14, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 9, 3, 16, 0, 0, TimeSpan.Zero),
        "Rådhuset", null,
        new MinutesAttendance([new MinutesPerson("Mia Kragh", "Bøgeby Værested")], [new MinutesSubstitute("Martin Rosendahl", "Café Lyspunktet", "Leni Dahlgaard")],
            [new MinutesPerson("Iben Sørensen", "Sekretær")], ["Rasmus Kjær"], [new MinutesPerson("Leni Dahlgaard", null)], [], "Iben Sørensen"),
        entries, "Noter", null);

    [Fact]
    public void Without_closed_items_a_closed_item_is_a_placeholder_that_keeps_its_number_and_nothing_else()
    {
        // Arrange
        var document = Document(Entry("1", "Åbent punkt"), Entry("2", "Hemmelig sag", closed: true), Entry("3", "Eventuelt"));

        // Act
        var shown = document.WithoutClosedItems();

        // Assert
        Assert.Equal(["1", "2", "3"], shown.Entries.Select(e => e.Number));
        var placeholder = shown.Entries[1];
        Assert.Equal("Lukket punkt", placeholder.Title);
        Assert.True(placeholder.IsClosed);
        Assert.Null(placeholder.Decision);
        Assert.Null(placeholder.MinutesText);
        Assert.Null(placeholder.Presenter);
        Assert.Null(placeholder.StatusNote);
        Assert.Empty(placeholder.Remarks);
        Assert.Empty(placeholder.FollowUps);
        Assert.Empty(placeholder.Attachments);
        Assert.DoesNotContain("Hemmelig", JsonSerializer.Serialize(shown));
        Assert.Equal(document.Entries[0], shown.Entries[0]);
    }

    [Fact]
    public void The_closed_items_are_the_annex_and_the_document_survives_being_stored_as_json()
    {
        // Arrange
        var document = Document(Entry("1", "Åbent punkt"), Entry("2", "Hemmelig sag", closed: true));

        // Act
        var json = JsonSerializer.Serialize(document, MinutesService.Json);
        var read = MinutesService.Deserialize(json);

        // Assert
        Assert.Equal("Hemmelig sag", Assert.Single(document.ClosedItems).Title);
        Assert.Equal(document.CouncilName, read.CouncilName);
        Assert.Equal(document.Attendance.Substitutes, read.Attendance.Substitutes);
        Assert.Equal(document.Entries.Select(e => (e.Title, e.Decision, e.IsClosed)), read.Entries.Select(e => (e.Title, e.Decision, e.IsClosed)));
        Assert.Equal(document.Entries[0].Remarks, read.Entries[0].Remarks);
        Assert.Equal(document.Entries[0].FollowUps, read.Entries[0].FollowUps);
    }
}
