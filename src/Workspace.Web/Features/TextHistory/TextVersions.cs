using Workspace.Web.Collaboration.CoEditing;

namespace Workspace.Web.Features.TextHistory;

/// <summary>
/// Turns the log of a co-edited text (one revision per keystroke batch) into versions a reader can follow: the
/// revisions one person made without a long pause become one version; a restore and the initial text stand alone.
/// </summary>
public static class TextVersions
{
    /// <summary>A pause longer than this starts a new version, even by the same person.</summary>
    public static readonly TimeSpan SittingGap = TimeSpan.FromMinutes(5);

    /// <summary>Groups <paramref name="newestFirst"/> (the log, newest first) into versions, newest first.</summary>
    public static IReadOnlyList<TextVersion> Group(IReadOnlyList<TextHistoryEntry> newestFirst)
    {
        var versions = new List<TextVersion>();
        TextVersion? open = null;
        // Walk oldest first, so a version grows forward in time.
        for (var i = newestFirst.Count - 1; i >= 0; i--)
        {
            var entry = newestFirst[i];
            if (open is not null && Continues(open, entry))
            {
                open = open with
                {
                    Revision = entry.Revision,
                    EndedAt = entry.CreatedAt,
                    InsertedLength = open.InsertedLength + entry.InsertedLength,
                    DeletedLength = open.DeletedLength + entry.DeletedLength,
                };
                continue;
            }
            if (open is not null)
            {
                versions.Add(open);
            }
            open = new TextVersion(entry.Revision, entry.Revision, entry.Kind, entry.AuthorId, entry.AuthorName, entry.CreatedAt,
                entry.CreatedAt, entry.InsertedLength, entry.DeletedLength, entry.RestoredRevision);
        }
        if (open is not null)
        {
            versions.Add(open);
        }
        versions.Reverse();
        return versions;
    }

    private static bool Continues(TextVersion open, TextHistoryEntry next) =>
        open.Kind == TextChangeKind.Edit
        && next.Kind == TextChangeKind.Edit
        && open.AuthorId == next.AuthorId
        && next.Revision == open.Revision + 1
        && next.CreatedAt - open.EndedAt <= SittingGap;
}
