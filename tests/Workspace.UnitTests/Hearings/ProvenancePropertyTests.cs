using FsCheck;
using FsCheck.Fluent;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Features.Hearings;

namespace Workspace.UnitTests.Hearings;

/// <summary>
/// The response's provenance (decision 017) under random concurrent editing: several clients each edit the text as
/// they last saw it (up to four revisions behind), the sequencer transforms each edit through those it missed, exactly
/// as TextDocumentService does. One client at a time pulls a remark in ("Indsæt": a passage of capital letters of its
/// own between markers); the others type and delete around and inside the passages, but never a marker itself. In the
/// end every passage is still linked to its remark, and every one of its letters that nobody deleted is still inside it.
/// </summary>
public sealed class ProvenancePropertyTests
{
    public sealed record Step(int Kind, int Lag, int A, int B);

    private static Gen<Step[]> Scenarios() =>
        (from kind in Gen.Choose(0, 9)
         from lag in Gen.Choose(0, 4)
         from a in Gen.Choose(0, 10_000)
         from b in Gen.Choose(0, 10_000)
         select new Step(kind, lag, a, b)).ArrayOf().Where(steps => steps.Length > 0);

    [Fact]
    public void Passages_keep_their_remarks_through_random_concurrent_edits()
    {
        // Arrange
        var config = Config.QuickThrowOnFailure.WithMaxTest(500);

        // Act and assert
        Prop.ForAll(Scenarios().ToArbitrary(), steps =>
        {
            var problems = Run(steps);
            Assert.True(problems.Count == 0, string.Join("\n", problems));
        }).Check(config);
    }

    [Fact]
    public void A_passage_typed_into_by_another_client_at_the_same_time_keeps_its_link()
    {
        // Arrange: client one pulls a remark in at 6 while client two, not having seen it, types at 6 and deletes before it.
        var start = "Indled og afslut.";
        var passage = ResponseProvenance.Wrap(["0000000a"], "AAA");
        var insert = TextOperation.Insert(6, passage);
        var typed = TextOperation.Insert(6, "xx");
        var deleted = TextOperation.Delete(0, 3);

        // Act: the sequencer stores the insert first, then the other client's edits transformed through it
        var text = insert.Apply(start);
        var typedAfter = TextOperation.Transform(typed, insert, TransformSide.Left);
        text = typedAfter.Apply(text);
        text = TextOperation.Transform(TextOperation.Transform(deleted, insert, TransformSide.Left), typedAfter, TransformSide.Left).Apply(text);

        // Assert
        var passages = ResponseProvenance.Parse(text);
        Assert.Contains(passages, p => p.Tags.SequenceEqual(["0000000a"]) && p.Text == "AAA");
        Assert.Equal("ledxxAAA og afslut.", ResponseProvenance.Plain(text));
    }

    [Fact]
    public void Parse_reads_passages_and_leaves_broken_markers_as_text()
    {
        // Arrange
        var text = "Indledning. ⟦0000000a,0000000b⟧Fælles passage.⟦/⟧ Egen tekst ⟦ikke et mærke⟧ og ⟦0000000c⟧uden slut";

        // Act
        var passages = ResponseProvenance.Parse(text);

        // Assert
        Assert.Equal(["Indledning. ", "Fælles passage.", " Egen tekst ⟦ikke et mærke⟧ og ", "uden slut"], passages.Select(p => p.Text));
        Assert.Equal(["0000000a", "0000000b"], passages[1].Tags);
        Assert.Empty(passages[2].Tags);
        Assert.Equal(["0000000c"], passages[3].Tags);
        Assert.Equal(["0000000a", "0000000b", "0000000c"], ResponseProvenance.UsedTags(text).Order());
    }

    [Fact]
    public void Wrap_takes_marker_characters_out_of_the_remark()
    {
        // Act
        var wrapped = ResponseProvenance.Wrap(["0000000a"], "Se ⟦/⟧ her");

        // Assert
        Assert.Equal("⟦0000000a⟧Se / her⟦/⟧", wrapped);
    }

    private static List<string> Run(Step[] steps)
    {
        var texts = new List<string> { "Rådet bemærker følgende." };
        var history = new List<TextOperation>();
        var passages = 0;
        foreach (var step in steps)
        {
            var baseRevision = Math.Max(0, history.Count - step.Lag);
            var seen = texts[baseRevision];
            var operation = Generate(step, seen, ref passages);
            if (operation is null)
            {
                continue;
            }
            for (var r = baseRevision; r < history.Count; r++)
            {
                operation = TextOperation.Transform(operation, history[r], TransformSide.Left);
            }
            history.Add(operation);
            texts.Add(operation.Apply(texts[^1]));
        }
        return Check(texts[^1], passages);
    }

    private static TextOperation? Generate(Step step, string seen, ref int passages)
    {
        var markers = MarkerSpans(seen);
        bool InsideMarker(int position) => markers.Any(m => position > m.Start && position < m.End);
        switch (step.Kind)
        {
            case 0 or 1 when passages < 6:
            {
                // Indsæt: only where the client's caret can be outside other passages' markers and passages.
                var position = step.A % (seen.Length + 1);
                if (InsideMarker(position) || InsidePassage(seen, position))
                {
                    return null;
                }
                var letter = (char)('A' + passages);
                var tag = $"{passages:x8}";
                passages++;
                return TextOperation.Insert(position, ResponseProvenance.Wrap([tag], new string(letter, 3)));
            }
            case >= 2 and <= 6:
            {
                var position = step.A % (seen.Length + 1);
                return InsideMarker(position) ? null : TextOperation.Insert(position, new string((char)('a' + step.B % 26), 1 + step.B % 3));
            }
            default:
            {
                if (seen.Length == 0)
                {
                    return null;
                }
                var start = step.A % seen.Length;
                var length = Math.Min(1 + step.B % 4, seen.Length - start);
                // Nobody deletes a marker here: that is the one edit that ends a link, on purpose.
                return markers.Any(m => start < m.End && start + length > m.Start) ? null : TextOperation.Delete(start, length);
            }
        }
    }

    /// <summary>After an opening marker and before its end (the caret is never inside a marker here).</summary>
    private static bool InsidePassage(string text, int position)
    {
        var last = MarkerSpans(text).LastOrDefault(m => m.End <= position);
        return last != default && !last.IsEnd;
    }

    private static List<(int Start, int End, bool IsEnd)> MarkerSpans(string text)
    {
        var spans = new List<(int, int, bool)>();
        for (var i = text.IndexOf(ResponseProvenance.Open); i >= 0; i = text.IndexOf(ResponseProvenance.Open, i + 1))
        {
            var close = text.IndexOf(ResponseProvenance.Close, i);
            spans.Add((i, close + 1, text[i + 1] == '/'));
        }
        return spans;
    }

    private static int CountOf(string text, string part) => text.Split(part).Length - 1;

    private static List<string> Check(string text, int passages)
    {
        var problems = new List<string>();
        var parsed = ResponseProvenance.Parse(text);
        for (var k = 0; k < passages; k++)
        {
            var tag = $"{k:x8}";
            var letter = (char)('A' + k);
            var own = parsed.Where(p => p.Tags.Contains(tag)).ToList();
            // A passage whose every letter was deleted keeps its markers and whatever others typed inside it, or is empty.
            var survives = text.Contains(letter);
            if ((survives && own.Count != 1) || own.Count > 1 || CountOf(text, $"{ResponseProvenance.Open}{tag}{ResponseProvenance.Close}") != 1)
            {
                problems.Add($"passage {tag} is there {own.Count} times in: {text}");
            }
            foreach (var passage in parsed.Where(p => !p.Tags.Contains(tag) && p.Text.Contains(letter)))
            {
                problems.Add($"letter {letter} of {tag} ended up outside its passage ({string.Join(",", passage.Tags)}) in: {text}");
            }
        }
        if (text.Count(c => c == ResponseProvenance.Open) != text.Count(c => c == ResponseProvenance.Close))
        {
            problems.Add($"a marker was broken: {text}");
        }
        return problems;
    }
}
