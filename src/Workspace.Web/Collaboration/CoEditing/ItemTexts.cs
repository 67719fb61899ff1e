using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Collaboration.CoEditing;

/// <summary>What a user may do with one co-edited text of an agenda item.</summary>
public sealed record ItemTextRights(Guid MeetingId, Guid ItemId, ItemText Text, bool CanEdit)
{
    public string DocumentId => TextDocumentIds.ForItem(ItemId, Text);
}

/// <summary>An opened text for a client: the text, its revision and whether the user may change it.</summary>
public sealed record OpenTextResult(string DocumentId, string Text, long Revision, bool CanEdit);

/// <summary>
/// The co-edited texts of agenda items (background, decision, minutes), with the meeting's rights: readers of the item
/// (closed items only for those who see them) may follow a text; the council's administration may change it while the
/// meeting is not closed. Stored operations reach the clients through <see cref="TextBroadcast"/>.
/// The stored item fields follow the texts a moment later (<see cref="ItemFieldSync"/>), so pages, minutes and exports see them.
/// </summary>
public sealed class ItemTexts
{
    private readonly IDbContextFactory<WorkspaceDbContext> _dbFactory;
    private readonly LiveAccess _live;
    private readonly TextDocumentService _documents;
    private readonly ItemFieldSync _fields;

    public ItemTexts(IDbContextFactory<WorkspaceDbContext> dbFactory, LiveAccess live, TextDocumentService documents, ItemFieldSync fields)
    {
        _dbFactory = dbFactory;
        _live = live;
        _documents = documents;
        _fields = fields;
    }

    /// <summary>The user's rights on the text now; not found when they may not read the item.</summary>
    public async Task<ItemTextRights> RightsAsync(WorkspaceUser user, Guid itemId, ItemText text, CancellationToken ct)
    {
        var meetingId = await _live.MeetingOfItemAsync(itemId, ct) ?? throw new NotFoundException();
        return await RightsAsync(user, meetingId, itemId, text, ct);
    }

    /// <summary>The user's rights now on a text of an item of a known meeting (for every message of an open text: no query while nothing changed).</summary>
    public async Task<ItemTextRights> RightsAsync(WorkspaceUser user, Guid meetingId, Guid itemId, ItemText text, CancellationToken ct)
    {
        var reader = await _live.ReaderAsync(user, meetingId, ct);
        if (!reader.CanReadItem(itemId))
        {
            throw new NotFoundException();
        }
        return new ItemTextRights(meetingId, itemId, text, reader.CanEditText(text));
    }

    /// <summary>The text and its revision, for a user who may read it now at the item's meeting.</summary>
    public async Task<OpenTextResult> OpenAsync(WorkspaceUser user, Guid meetingId, Guid itemId, ItemText text, CancellationToken ct)
    {
        var rights = await RightsAsync(user, meetingId, itemId, text, ct);
        var snapshot = await _documents.GetAsync(rights.DocumentId, token => StoredFieldAsync(itemId, text, token), ct);
        return new OpenTextResult(snapshot.DocumentId, snapshot.Text, snapshot.Revision, rights.CanEdit);
    }

    public async Task<TextSubmitResult> SubmitAsync(WorkspaceUser user, ItemTextRights rights, long baseRevision, TextOperation operation,
        string clientId, long clientSeq, CancellationToken ct)
    {
        if (!rights.CanEdit || user.PersonId is not { } personId)
        {
            throw new AccessDeniedException();
        }
        var documentId = rights.DocumentId;
        var result = await _documents.SubmitAsync(documentId, baseRevision, operation, personId, clientId, clientSeq, ct);
        if (!result.Repeated)
        {
            _fields.MarkChanged(documentId, rights.MeetingId);
        }
        return result;
    }

    /// <summary>
    /// Makes what the administration typed into a new item's texts the first revision of each text, with them as its
    /// author, so the history starts with who wrote it. A text someone opened or wrote meanwhile keeps what it has.
    /// </summary>
    public async Task StartAsync(WorkspaceUser user, Guid itemId, IReadOnlyDictionary<ItemText, string?> typed, CancellationToken ct)
    {
        foreach (var (text, value) in typed)
        {
            if (InputRules.Trimmed(value) is not { } first)
            {
                continue;
            }
            var rights = await RightsAsync(user, itemId, text, ct);
            if (!rights.CanEdit || user.PersonId is not { } personId)
            {
                throw new AccessDeniedException();
            }
            var snapshot = await _documents.GetAsync(rights.DocumentId, "", ct);
            if (snapshot.Revision > 0)
            {
                continue;
            }
            await _documents.SubmitAsync(rights.DocumentId, 0, TextOperation.Insert(0, first), personId,
                $"new-item-{Guid.NewGuid():N}", 0, ct);
            _fields.MarkChanged(rights.DocumentId, rights.MeetingId);
        }
    }

    public async Task<TextSubmitResult> RestoreAsync(WorkspaceUser user, Guid itemId, ItemText text, long revision, CancellationToken ct)
    {
        var rights = await RightsAsync(user, itemId, text, ct);
        if (!rights.CanEdit || user.PersonId is not { } personId)
        {
            throw new AccessDeniedException();
        }
        var documentId = TextDocumentIds.ForItem(itemId, text);
        var result = await _documents.RestoreAsync(documentId, revision, personId, ct);
        _fields.MarkChanged(documentId, rights.MeetingId);
        return result;
    }

    /// <summary>
    /// Appends a line to an item's text as an edit of its own, after whatever is there (a closed vote's result into the
    /// decision), so open editors receive it and nothing typed meanwhile is lost. The caller has checked the right to do
    /// so (the chair closing a vote writes it, though the text is otherwise the administration's). A repeat of the same
    /// <paramref name="key"/> adds nothing.
    /// </summary>
    public async Task AppendLineAsync(Guid meetingId, Guid itemId, ItemText text, string line, Guid authorPersonId, string key, CancellationToken ct)
    {
        var documentId = TextDocumentIds.ForItem(itemId, text);
        var snapshot = await _documents.GetAsync(documentId, token => StoredFieldAsync(itemId, text, token), ct);
        var separator = snapshot.Text.Length == 0 || snapshot.Text.EndsWith('\n') ? "" : "\n";
        var result = await _documents.SubmitAsync(documentId, snapshot.Revision, TextOperation.Insert(snapshot.Text.Length, separator + line),
            authorPersonId, key, 0, ct);
        if (!result.Repeated)
        {
            _fields.MarkChanged(documentId, meetingId);
        }
    }

    public async Task<IReadOnlyList<TextHistoryEntry>> HistoryAsync(WorkspaceUser user, Guid itemId, ItemText text, CancellationToken ct)
    {
        await RightsAsync(user, itemId, text, ct);
        return await _documents.HistoryAsync(TextDocumentIds.ForItem(itemId, text), ct: ct);
    }

    private async Task<string?> StoredFieldAsync(Guid itemId, ItemText text, CancellationToken ct)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var item = await db.AgendaItems.AsNoTracking().SingleAsync(i => i.Id == itemId, ct);
        return text switch
        {
            ItemText.Background => item.Background,
            ItemText.Decision => item.Decision,
            _ => item.Minutes,
        };
    }
}
