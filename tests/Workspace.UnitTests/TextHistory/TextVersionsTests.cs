using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Features.TextHistory;

namespace Workspace.UnitTests.TextHistory;

public sealed class TextVersionsTests
{
    private static readonly Guid Iben = Guid.NewGuid();
    private static readonly Guid Thomas = Guid.NewGuid();
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Keystrokes_of_one_person_without_a_long_pause_are_one_version_and_another_author_or_a_pause_starts_a_new_one()
    {
        // Arrange: newest first, as the log is read.
        var log = new[]
        {
            Entry(6, Iben, 30),
            Entry(5, Iben, 12),
            Entry(4, Thomas, 6),
            Entry(3, Iben, 2),
            Entry(2, Iben, 1),
            Entry(1, null, 0, TextChangeKind.Initial),
        };

        // Act
        var versions = TextVersions.Group(log);

        // Assert
        Assert.Equal([(6L, 6L), (5L, 5L), (4L, 4L), (2L, 3L), (1L, 1L)], versions.Select(v => (v.FirstRevision, v.Revision)));
        Assert.Equal(2, versions[3].InsertedLength);
        Assert.Equal(Start.AddMinutes(2), versions[3].EndedAt);
    }

    [Fact]
    public void A_restore_stands_alone_even_between_edits_of_the_same_person()
    {
        // Arrange
        var log = new[] { Entry(3, Iben, 2), Entry(2, Iben, 1, TextChangeKind.Restore), Entry(1, Iben, 0) };

        // Act
        var versions = TextVersions.Group(log);

        // Assert
        Assert.Equal([TextChangeKind.Edit, TextChangeKind.Restore, TextChangeKind.Edit], versions.Select(v => v.Kind));
    }

    private static TextHistoryEntry Entry(long revision, Guid? author, int minute, TextChangeKind kind = TextChangeKind.Edit) =>
        new(revision, kind, author, author is null ? null : "Navn", Start.AddMinutes(minute), 1, 0, kind == TextChangeKind.Restore ? 1 : null,
            TextOperation.Insert(0, "x"));
}
