using DiffPlex;
using DiffPlex.Chunkers;

namespace Workspace.Web.Features.TextHistory;

/// <summary>
/// A word-by-word comparison of two texts (DiffPlex), for people rather than machines: whole words are added or
/// removed, spaces and line breaks are kept where they were, and long unchanged stretches are shortened around the changes.
/// </summary>
public static class TextDiff
{
    /// <summary>Unchanged text longer than this is shortened to <see cref="ContextLength"/> characters on each side.</summary>
    public const int LongestSameRun = 400;

    public const int ContextLength = 150;

    private static readonly WordAndSpaceChunker Chunker = new();

    public static IReadOnlyList<DiffSegment> Compare(string before, string after)
    {
        var result = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, Chunker);
        var segments = new List<DiffSegment>();
        var oldPieces = result.PiecesOld;
        var newPieces = result.PiecesNew;
        var nextOld = 0;
        foreach (var block in result.DiffBlocks)
        {
            Add(segments, DiffKind.Same, oldPieces, nextOld, block.DeleteStartA - nextOld);
            Add(segments, DiffKind.Deleted, oldPieces, block.DeleteStartA, block.DeleteCountA);
            Add(segments, DiffKind.Inserted, newPieces, block.InsertStartB, block.InsertCountB);
            nextOld = block.DeleteStartA + block.DeleteCountA;
        }
        Add(segments, DiffKind.Same, oldPieces, nextOld, oldPieces.Count - nextOld);
        return Shorten(segments);
    }

    private static void Add(List<DiffSegment> segments, DiffKind kind, IReadOnlyList<string> pieces, int start, int count)
    {
        if (count <= 0)
        {
            return;
        }
        var text = string.Concat(Enumerable.Range(start, count).Select(i => pieces[i]));
        if (segments.Count > 0 && segments[^1].Kind == kind)
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
        }
        else
        {
            segments.Add(new DiffSegment(kind, text));
        }
    }

    /// <summary>Keeps the context around each change; the start and end of the text keep only the side next to a change.</summary>
    private static List<DiffSegment> Shorten(List<DiffSegment> segments)
    {
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (segment.Kind != DiffKind.Same || segment.Text.Length <= LongestSameRun)
            {
                continue;
            }
            var keepStart = i > 0 ? ContextLength : 0;
            var keepEnd = i < segments.Count - 1 ? ContextLength : 0;
            var text = segment.Text;
            // Never cut between the halves of a surrogate pair (an emoji, say).
            if (keepStart > 0 && char.IsHighSurrogate(text[keepStart - 1]))
            {
                keepStart--;
            }
            if (keepEnd > 0 && char.IsLowSurrogate(text[^keepEnd]))
            {
                keepEnd--;
            }
            segments[i] = segment with
            {
                Text = text[..keepStart] + "\u2026" + text[^keepEnd..],
                Skipped = text.Length - keepStart - keepEnd,
            };
        }
        return segments;
    }

    /// <summary>Words, runs of spaces, line breaks and single punctuation marks, so the pieces put together are the text again.</summary>
    private sealed class WordAndSpaceChunker : IChunker
    {
        public IReadOnlyList<string> Chunk(string text)
        {
            var pieces = new List<string>();
            var start = 0;
            for (var i = 1; i <= text.Length; i++)
            {
                if (i == text.Length || Class(text[i]) != Class(text[i - 1]) || Class(text[i]) == CharClass.Other)
                {
                    pieces.Add(text[start..i]);
                    start = i;
                }
            }
            return pieces;
        }

        private static CharClass Class(char c) =>
            char.IsLetterOrDigit(c) || char.IsSurrogate(c) ? CharClass.Word
            : c is '\n' or '\r' ? CharClass.Other
            : char.IsWhiteSpace(c) ? CharClass.Space
            : CharClass.Other;

        private enum CharClass
        {
            Word,
            Space,
            Other,
        }
    }
}
