using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Workspace.Data;

namespace Workspace.Web.Collaboration.CoEditing;

/// <summary>
/// Keeps the agenda item fields (background, decision, minutes) that pages, the API and the minutes read in step with
/// their co-edited texts. A changed text is written to its field within a second and open pages are told. A write that
/// fails (SQLite busy, a transient SQL Server error) is logged and tried again later, with a pause that doubles per
/// failure; the text stays marked until its field has it, and nothing here stops the app. At start-up, before the app
/// serves requests, every item text whose field differs is written, so what a crash left unwritten is not shown stale.
/// </summary>
public sealed class ItemFieldSync : BackgroundService
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromSeconds(60);
    private const int ReconcilePageSize = 200;

    private readonly IDbContextFactory<WorkspaceDbContext> _dbFactory;
    private readonly TextDocumentService _documents;
    private readonly IMeetingNotifier _notifier;
    private readonly ILogger<ItemFieldSync> _logger;

    // Real time, not the app's clock: the pauses are about the database recovering, and a test's frozen clock must
    // not stop the flush.
    private readonly TimeProvider _clock = TimeProvider.System;

    // A new Pending object per change, so a flush removes the mark only when nothing changed during its write.
    private readonly ConcurrentDictionary<string, Pending> _dirty = new(StringComparer.Ordinal);
    private bool _reconciled;

    public ItemFieldSync(
        IDbContextFactory<WorkspaceDbContext> dbFactory,
        TextDocumentService documents,
        IMeetingNotifier notifier,
        ILogger<ItemFieldSync> logger)
    {
        _dbFactory = dbFactory;
        _documents = documents;
        _notifier = notifier;
        _logger = logger;
    }

    /// <summary>The co-edited text <paramref name="documentId"/> of an item of meeting <paramref name="meetingId"/> changed.</summary>
    public void MarkChanged(string documentId, Guid meetingId) => _dirty[documentId] = new Pending(meetingId, 0, DateTimeOffset.MinValue);

    /// <summary>How many texts wait to be written to their fields.</summary>
    public int PendingCount => _dirty.Count;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Awaited here, so the host starts the server (and serves pages) only after the fields caught up.
        await TryReconcileAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushInterval, _clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!_reconciled)
            {
                await TryReconcileAsync(stoppingToken);
            }
            await FlushAsync(stoppingToken);
        }
    }

    /// <summary>Writes every marked text that is due to its field; a failure leaves that text marked for a later try.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        foreach (var (documentId, pending) in _dirty)
        {
            if (pending.NotBefore > _clock.GetUtcNow())
            {
                continue;
            }
            if (!TextDocumentIds.TryParseItem(documentId, out var itemId, out var field))
            {
                _dirty.TryRemove(new KeyValuePair<string, Pending>(documentId, pending));
                continue;
            }
            try
            {
                var snapshot = await _documents.GetAsync(documentId, ct);
                await using var db = await _dbFactory.CreateDbContextAsync(ct);
                await WriteFieldAsync(db, documentId, snapshot.Revision, itemId, field, snapshot.Text, ct);
                _dirty.TryRemove(new KeyValuePair<string, Pending>(documentId, pending));
                _notifier.Publish(new MeetingChange(pending.MeetingId, MeetingChangeKind.TextChanged, itemId, null, null, Field: field.ToString()));
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                var failed = pending.Failed(_clock.GetUtcNow());
                // Unless the text changed meanwhile (then it is due at once), wait before the next try.
                _dirty.TryUpdate(documentId, failed, pending);
                _logger.LogWarning(ex, "Could not write the co-edited text {DocumentId} to its agenda item (failure {Failures}); trying again after {Delay}",
                    documentId, failed.Failures, failed.NotBefore - _clock.GetUtcNow());
            }
        }
    }

    /// <summary>
    /// Writes every item text whose field differs from its document (after a crash between a commit and its flush).
    /// Safe on several nodes at once: each writes only a text its document still has. Returns how many fields it wrote.
    /// </summary>
    public async Task<int> ReconcileAsync(CancellationToken ct)
    {
        var written = 0;
        string? after = null;
        while (true)
        {
            await using var db = await _dbFactory.CreateDbContextAsync(ct);
            var page = await db.TextDocuments.AsNoTracking()
                .Where(d => d.Id.StartsWith("item:") && (after == null || string.Compare(d.Id, after) > 0))
                .OrderBy(d => d.Id)
                .Select(d => new { d.Id, d.Text, d.Revision })
                .Take(ReconcilePageSize)
                .ToListAsync(ct);
            if (page.Count == 0)
            {
                return written;
            }
            after = page[^1].Id;
            var documents = new List<(string Id, long Revision, Guid ItemId, ItemText Field, string Text)>(page.Count);
            foreach (var document in page)
            {
                if (TextDocumentIds.TryParseItem(document.Id, out var itemId, out var field))
                {
                    documents.Add((document.Id, document.Revision, itemId, field, document.Text));
                }
            }
            var itemIds = documents.Select(d => d.ItemId).Distinct().ToList();
            var items = await db.AgendaItems.AsNoTracking()
                .Where(i => itemIds.Contains(i.Id))
                .Select(i => new { i.Id, i.MeetingId, i.Background, i.Decision, i.Minutes })
                .ToDictionaryAsync(i => i.Id, ct);
            foreach (var (documentId, revision, itemId, field, text) in documents)
            {
                if (!items.TryGetValue(itemId, out var item))
                {
                    continue;
                }
                var stored = field switch
                {
                    ItemText.Background => item.Background,
                    ItemText.Decision => item.Decision,
                    _ => item.Minutes,
                };
                if (stored == FieldValue(text))
                {
                    continue;
                }
                if (await WriteFieldAsync(db, documentId, revision, itemId, field, text, ct))
                {
                    written++;
                    _notifier.Publish(new MeetingChange(item.MeetingId, MeetingChangeKind.TextChanged, itemId, null, null, Field: field.ToString()));
                }
            }
        }
    }

    private async Task TryReconcileAsync(CancellationToken ct)
    {
        try
        {
            var written = await ReconcileAsync(ct);
            _reconciled = true;
            if (written > 0)
            {
                _logger.LogInformation("Wrote {Count} co-edited texts to agenda items that lacked their latest text", written);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The app still starts; the next flush tick tries again.
            _logger.LogWarning(ex, "Could not compare the co-edited texts with their agenda items at start-up; trying again in a second");
        }
    }

    /// <summary>
    /// Writes <paramref name="text"/>, the document's text at <paramref name="revision"/>, to the item's field if the
    /// document is still at that revision: a node that read an older text must not overwrite a newer one another node
    /// wrote (the node that moved the document on writes it). False when nothing was written.
    /// </summary>
    private static async Task<bool> WriteFieldAsync(
        WorkspaceDbContext db, string documentId, long revision, Guid itemId, ItemText field, string text, CancellationToken ct)
    {
        var value = FieldValue(text);
        // A direct update: the item's concurrency stamp stays, so a colleague's open item form is not refused for it.
        var items = db.AgendaItems.Where(i => i.Id == itemId && db.TextDocuments.Any(d => d.Id == documentId && d.Revision == revision));
        var rows = field switch
        {
            ItemText.Background => await items.ExecuteUpdateAsync(s => s.SetProperty(i => i.Background, value), ct),
            ItemText.Decision => await items.ExecuteUpdateAsync(s => s.SetProperty(i => i.Decision, value), ct),
            _ => await items.ExecuteUpdateAsync(s => s.SetProperty(i => i.Minutes, value), ct),
        };
        return rows > 0;
    }

    private static string? FieldValue(string text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private sealed class Pending(Guid meetingId, int failures, DateTimeOffset notBefore)
    {
        public Guid MeetingId { get; } = meetingId;
        public int Failures { get; } = failures;
        public DateTimeOffset NotBefore { get; } = notBefore;

        public Pending Failed(DateTimeOffset now)
        {
            var delay = TimeSpan.FromTicks(Math.Min(LongestRetryDelay.Ticks, FirstRetryDelay.Ticks << Math.Min(Failures, 20)));
            return new Pending(MeetingId, Failures + 1, now + delay);
        }
    }
}
