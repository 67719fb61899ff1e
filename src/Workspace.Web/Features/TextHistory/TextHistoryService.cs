using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.TextHistory;

/// <summary>
/// The history of an item's co-edited texts: who wrote what and when, what changed between two revisions, and restoring
/// an older one. Whoever may read the text now (<see cref="ItemTexts"/>: the item's readers, closed items only for those
/// who see them) sees its history; only those who may change it now restore, and a restore is an edit like any other.
/// </summary>
public sealed class TextHistoryService(ItemTexts texts, TextDocumentService documents)
{
    /// <summary>More revisions than a council's text gets in a year of meetings; the oldest beyond it are not listed.</summary>
    private const int MostRevisions = 20_000;

    public async Task<ItemTextHistory> HistoryAsync(WorkspaceUser user, Guid itemId, ItemText text, CancellationToken ct = default)
    {
        var rights = await texts.RightsAsync(user, itemId, text, ct);
        // Opening creates the document from the item's stored field when nobody has opened it yet: that is its first version.
        var current = await texts.OpenAsync(user, rights.MeetingId, itemId, text, ct);
        var entries = await documents.HistoryAsync(rights.DocumentId, beforeRevision: current.Revision + 1, take: MostRevisions, ct: ct);
        return new ItemTextHistory(itemId, text, current.Revision, current.CanEdit, TextVersions.Group(entries));
    }

    /// <summary>What changed from revision <paramref name="fromRevision"/> to <paramref name="toRevision"/> (0 is the empty text).</summary>
    public async Task<TextComparison> CompareAsync(WorkspaceUser user, Guid itemId, ItemText text, long fromRevision, long toRevision,
        CancellationToken ct = default)
    {
        var rights = await texts.RightsAsync(user, itemId, text, ct);
        var current = await texts.OpenAsync(user, rights.MeetingId, itemId, text, ct);
        EnsureKnown(fromRevision, current.Revision, "from");
        EnsureKnown(toRevision, current.Revision, "to");
        var before = await documents.TextAtAsync(rights.DocumentId, fromRevision, ct);
        var after = await documents.TextAtAsync(rights.DocumentId, toRevision, ct);
        return new TextComparison(fromRevision, toRevision, TextDiff.Compare(before, after));
    }

    /// <summary>The text as it was at <paramref name="revision"/>.</summary>
    public async Task<string> TextAtAsync(WorkspaceUser user, Guid itemId, ItemText text, long revision, CancellationToken ct = default)
    {
        var rights = await texts.RightsAsync(user, itemId, text, ct);
        var current = await texts.OpenAsync(user, rights.MeetingId, itemId, text, ct);
        EnsureKnown(revision, current.Revision, "revision");
        return await documents.TextAtAsync(rights.DocumentId, revision, ct);
    }

    /// <summary>
    /// Makes the text what it was at <paramref name="revision"/>, through the co-editing (open editors get it, and it is
    /// a new revision of its own). Returns the new revision (the current one when the text is that already).
    /// </summary>
    public async Task<long> RestoreAsync(WorkspaceUser user, Guid itemId, ItemText text, long revision, CancellationToken ct = default)
    {
        var rights = await texts.RightsAsync(user, itemId, text, ct);
        if (!rights.CanEdit)
        {
            throw new AccessDeniedException();
        }
        var current = await texts.OpenAsync(user, rights.MeetingId, itemId, text, ct);
        EnsureKnown(revision, current.Revision, "revision");
        if (await documents.TextAtAsync(rights.DocumentId, revision, ct) == current.Text)
        {
            // Already that text: nothing to write, and no empty version in the history.
            return current.Revision;
        }
        var result = await texts.RestoreAsync(user, itemId, text, revision, ct);
        return result.Committed.Revision;
    }

    private static void EnsureKnown(long revision, long current, string field)
    {
        if (revision < 0 || revision > current)
        {
            throw new InputValidationException([new FieldError(field, "TextHistory.UnknownRevision")]);
        }
    }
}
