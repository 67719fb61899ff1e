using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Collaboration.CoEditing;

/// <summary>What a user may do with one co-edited text of an agenda item.</summary>
public sealed record ItemTextRights(Guid MeetingId, Guid ItemId, ItemText Text, bool CanEdit);

/// <summary>An opened text for a client: the text, its revision and whether the user may change it.</summary>
public sealed record OpenTextResult(string DocumentId, string Text, long Revision, bool CanEdit);

/// <summary>
/// The co-edited texts of agenda items (background, decision, minutes), with the meeting's rights: readers of the item
/// (closed items only for those who see them) may follow a text; the council's administration may change it while the
/// meeting is not closed. Stored operations reach the clients through <see cref="TextBroadcast"/>.
/// The stored item fields follow the texts a moment later (<see cref="FlushAsync"/>), so pages, minutes and exports see them.
/// </summary>
public sealed class ItemTexts : BackgroundService
{
    private readonly IDbContextFactory<WorkspaceDbContext> _dbFactory;
    private readonly CouncilAccess _access;
    private readonly TextDocumentService _documents;
    private readonly IMeetingNotifier _notifier;
    private readonly ConcurrentDictionary<string, Guid> _dirty = new();

    public ItemTexts(IDbContextFactory<WorkspaceDbContext> dbFactory, CouncilAccess access, TextDocumentService documents, IMeetingNotifier notifier)
    {
        _dbFactory = dbFactory;
        _access = access;
        _documents = documents;
        _notifier = notifier;
    }

    public async Task<ItemTextRights> RightsAsync(WorkspaceUser user, Guid itemId, ItemText text, CancellationToken ct)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var item = await db.AgendaItems.AsNoTracking().Include(i => i.Meeting).SingleOrDefaultAsync(i => i.Id == itemId, ct)
            ?? throw new NotFoundException();
        var rights = await _access.RightsAtMeetingAsync(db, user, item.Meeting!, ct);
        if (!rights.CanRead || (item.IsClosed && !rights.CanSeeClosedItems))
        {
            throw new NotFoundException();
        }
        var canEdit = rights.CanManage && item.Meeting!.Status is not (MeetingStatus.Closed or MeetingStatus.Cancelled);
        return new ItemTextRights(item.MeetingId, itemId, text, canEdit);
    }

    public async Task<(OpenTextResult Text, ItemTextRights Rights)> OpenAsync(WorkspaceUser user, Guid itemId, ItemText text, CancellationToken ct)
    {
        var rights = await RightsAsync(user, itemId, text, ct);
        var snapshot = await _documents.GetAsync(TextDocumentIds.ForItem(itemId, text), token => StoredFieldAsync(itemId, text, token), ct);
        return (new OpenTextResult(snapshot.DocumentId, snapshot.Text, snapshot.Revision, rights.CanEdit), rights);
    }

    public async Task<TextSubmitResult> SubmitAsync(WorkspaceUser user, ItemTextRights rights, long baseRevision, TextOperation operation,
        string clientId, long clientSeq, CancellationToken ct)
    {
        if (!rights.CanEdit || user.PersonId is not { } personId)
        {
            throw new AccessDeniedException();
        }
        var documentId = TextDocumentIds.ForItem(rights.ItemId, rights.Text);
        var result = await _documents.SubmitAsync(documentId, baseRevision, operation, personId, clientId, clientSeq, ct);
        if (!result.Repeated)
        {
            _dirty[documentId] = rights.MeetingId;
        }
        return result;
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
        _dirty[documentId] = rights.MeetingId;
        return result;
    }

    public async Task<IReadOnlyList<TextHistoryEntry>> HistoryAsync(WorkspaceUser user, Guid itemId, ItemText text, CancellationToken ct)
    {
        await RightsAsync(user, itemId, text, ct);
        return await _documents.HistoryAsync(TextDocumentIds.ForItem(itemId, text), ct: ct);
    }

    /// <summary>Writes changed texts to their item fields once a second and tells open pages, which render them.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await FlushAsync(stoppingToken);
        }
    }

    public async Task FlushAsync(CancellationToken ct)
    {
        foreach (var documentId in _dirty.Keys)
        {
            if (!_dirty.TryRemove(documentId, out var meetingId) || !TextDocumentIds.TryParseItem(documentId, out var itemId, out var text))
            {
                continue;
            }
            var snapshot = await _documents.GetAsync(documentId, ct);
            var value = string.IsNullOrWhiteSpace(snapshot.Text) ? null : snapshot.Text;
            await using var db = await _dbFactory.CreateDbContextAsync(ct);
            // A direct update: the item's concurrency stamp stays, so a colleague's open item form is not refused for it.
            var items = db.AgendaItems.Where(i => i.Id == itemId);
            _ = text switch
            {
                ItemText.Background => await items.ExecuteUpdateAsync(s => s.SetProperty(i => i.Background, value), ct),
                ItemText.Decision => await items.ExecuteUpdateAsync(s => s.SetProperty(i => i.Decision, value), ct),
                _ => await items.ExecuteUpdateAsync(s => s.SetProperty(i => i.Minutes, value), ct),
            };
            _notifier.Publish(new MeetingChange(meetingId, MeetingChangeKind.TextChanged, itemId, null, null, Field: text.ToString()));
        }
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
