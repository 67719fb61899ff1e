using Workspace.Web.Features.TextHistory;

namespace Workspace.UnitTests.TextHistory;

public sealed class TextDiffTests
{
    [Fact]
    public void Whole_words_are_removed_and_added_and_line_breaks_stay_where_they_were()
    {
        // Act
        var segments = TextDiff.Compare("Rådet anbefaler forslaget.\nIngen bemærkninger.", "Rådet afviser forslaget.\nIngen bemærkninger.");

        // Assert
        Assert.Equal(
        [
            new DiffSegment(DiffKind.Same, "Rådet "),
            new DiffSegment(DiffKind.Deleted, "anbefaler"),
            new DiffSegment(DiffKind.Inserted, "afviser"),
            new DiffSegment(DiffKind.Same, " forslaget.\nIngen bemærkninger."),
        ], segments);
    }

    [Fact]
    public void Put_together_the_kept_and_added_runs_are_the_new_text_and_the_kept_and_removed_runs_the_old()
    {
        // Arrange
        const string before = "Rådet drøftede budgettet (2027) og bad om en opfølgning 🙂.";
        const string after = "Rådet vedtog budgettet (2027), og forvaltningen følger op 🙂!";

        // Act
        var segments = TextDiff.Compare(before, after);

        // Assert
        Assert.Equal(after, string.Concat(segments.Where(s => s.Kind != DiffKind.Deleted).Select(s => s.Text)));
        Assert.Equal(before, string.Concat(segments.Where(s => s.Kind != DiffKind.Inserted).Select(s => s.Text)));
    }

    [Fact]
    public void A_long_unchanged_stretch_keeps_its_context_next_to_the_change_and_counts_what_it_leaves_out()
    {
        // Arrange
        var kept = string.Concat(Enumerable.Repeat("ord ", 200));

        // Act
        var segments = TextDiff.Compare(kept + "slut", kept + "ende");

        // Assert
        var first = segments[0];
        Assert.Equal(DiffKind.Same, first.Kind);
        Assert.Equal(kept.Length - TextDiff.ContextLength, first.Skipped);
        Assert.Equal("\u2026" + kept[^TextDiff.ContextLength..], first.Text);
    }
}
