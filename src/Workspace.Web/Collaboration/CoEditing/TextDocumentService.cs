using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Collaboration.CoEditing;

/// <summary>
/// The sequencer of co-edited texts. Every operation is transformed against the operations stored after the revision
/// its author saw, applied, and stored as the next revision together with the new text. The database decides the
/// order: (document, revision) is unique and the document's revision is a concurrency token, so when another node took
/// the revision first the submission reloads what it missed, transforms again and retries.
/// Submissions to one document queue up and are stored in batches (group commit): whatever arrived while the previous
/// batch was being written goes into the next transaction. Under load that is one transaction for many keystrokes
/// instead of one each, which is what keeps the latency low with a hundred authors in one text.
/// The per-document lock, the queues and the text cache (with the latest operations) only spare work within one node.
/// Rights are the caller's business (the hub or circuit checks the meeting); nothing here is reachable from a browser.
/// </summary>
public sealed class TextDocumentService : IDisposable
{
    // Client ids the service gives its own operations; clients may not use them (see EnsureClientId).
    private const string InitialClientId = "initial";
    private const string RestoreClientPrefix = "restore-";

    private readonly IDbContextFactory<WorkspaceDbContext> _dbFactory;
    private readonly CoEditingOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<TextDocumentService> _logger;
    private readonly ITextCommitListener[] _listeners;
    private readonly SemaphoreSlim[] _locks;
    private readonly MemoryCache _cache;
    private readonly ConcurrentDictionary<string, SubmissionQueue> _queues = new(StringComparer.Ordinal);

    public TextDocumentService(
        IDbContextFactory<WorkspaceDbContext> dbFactory,
        CoEditingOptions options,
        TimeProvider clock,
        ILogger<TextDocumentService> logger,
        IEnumerable<ITextCommitListener> listeners)
    {
        _listeners = [.. listeners];
        _dbFactory = dbFactory;
        _options = options;
        _clock = clock;
        _logger = logger;
        _locks = new SemaphoreSlim[64];
        for (var i = 0; i < _locks.Length; i++)
        {
            _locks[i] = new SemaphoreSlim(1, 1);
        }
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.CacheSizeLimit });
    }

    /// <summary>The text and its revision; a document that does not exist yet is created empty.</summary>
    public Task<TextSnapshot> GetAsync(string documentId, CancellationToken ct = default) =>
        GetAsync(documentId, static _ => Task.FromResult<string?>(null), ct);

    /// <summary>The text and its revision; a document that does not exist yet starts with <paramref name="initialText"/>.</summary>
    public Task<TextSnapshot> GetAsync(string documentId, string initialText, CancellationToken ct = default) =>
        GetAsync(documentId, _ => Task.FromResult<string?>(initialText), ct);

    /// <summary>
    /// The text and its revision. A document that does not exist yet is created with the text
    /// <paramref name="initialText"/> gives (asked only then), stored as revision 1 without an author.
    /// </summary>
    public async Task<TextSnapshot> GetAsync(string documentId, Func<CancellationToken, Task<string?>> initialText, CancellationToken ct = default)
    {
        TextDocumentIds.EnsureValid(documentId, TextDocument.MaxIdLength, "document id");
        ArgumentNullException.ThrowIfNull(initialText);
        var gate = LockFor(documentId);
        await gate.WaitAsync(ct);
        try
        {
            await using (var db = await _dbFactory.CreateDbContextAsync(ct))
            {
                var current = await CatchUpAsync(db, documentId, ct);
                if (current is not null)
                {
                    return new TextSnapshot(documentId, current.Text, current.Revision);
                }
            }
            var created = await CreateAsync(documentId, await initialText(ct) ?? "", ct);
            return new TextSnapshot(documentId, created.Text, created.Revision);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Sequences an operation made on revision <paramref name="baseRevision"/>: transforms it against everything
    /// stored since, stores it as the next revision and returns it as stored (to be sent to every client of the text).
    /// A repeat of a stored submission (same <paramref name="clientId"/> and <paramref name="clientSeq"/>, e.g. after
    /// a reconnect) returns the stored one and changes nothing.
    /// Throws <see cref="InvalidTextOperationException"/> for an operation that does not fit or is too large, and
    /// <see cref="NotFoundException"/> for a document never opened with <see cref="GetAsync(string, CancellationToken)"/>.
    /// </summary>
    public async Task<TextSubmitResult> SubmitAsync(
        string documentId,
        long baseRevision,
        TextOperation operation,
        Guid authorPersonId,
        string clientId,
        long clientSeq,
        CancellationToken ct = default)
    {
        TextDocumentIds.EnsureValid(clientId, TextOperationRecord.MaxClientIdLength, "client id");
        if (clientId == InitialClientId || clientId.StartsWith(RestoreClientPrefix, StringComparison.Ordinal))
        {
            throw new InvalidTextOperationException(CoEditingError.InvalidId, $"The client id '{clientId}' is reserved.");
        }
        return await SequenceAsync(documentId, baseRevision, operation, authorPersonId, clientId, clientSeq, ct);
    }

    private async Task<TextSubmitResult> SequenceAsync(
        string documentId,
        long baseRevision,
        TextOperation operation,
        Guid authorPersonId,
        string clientId,
        long clientSeq,
        CancellationToken ct)
    {
        TextDocumentIds.EnsureValid(documentId, TextDocument.MaxIdLength, "document id");
        ArgumentNullException.ThrowIfNull(operation);
        if (baseRevision < 0)
        {
            throw new InvalidTextOperationException(CoEditingError.UnknownRevision, $"Revision {baseRevision} does not exist.");
        }
        if (operation.InsertedLength > _options.MaxOperationLength)
        {
            throw new InvalidTextOperationException(CoEditingError.OperationTooLarge,
                $"An operation may insert at most {_options.MaxOperationLength} characters; this one inserts {operation.InsertedLength}.");
        }

        var submission = new Submission(baseRevision, operation, authorPersonId, clientId, clientSeq);
        var queue = _queues.GetOrAdd(documentId, static _ => new SubmissionQueue());
        bool startDraining;
        lock (queue)
        {
            queue.Waiting.Add(submission);
            startDraining = !queue.Draining;
            queue.Draining = true;
        }
        if (startDraining)
        {
            _ = Task.Run(() => DrainAsync(documentId, queue), CancellationToken.None);
        }
        // Once queued the operation is stored even if this caller stops waiting; a repeat finds it (same client and sequence).
        return await submission.Done.Task.WaitAsync(ct);
    }

    /// <summary>The operations after <paramref name="revision"/>, oldest first (for a client that missed some).</summary>
    public async Task<IReadOnlyList<TextRevision>> OperationsSinceAsync(string documentId, long revision, CancellationToken ct = default)
    {
        TextDocumentIds.EnsureValid(documentId, TextDocument.MaxIdLength, "document id");
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        await EnsureRevisionExistsAsync(db, documentId, revision, ct);
        var records = await LoadOperationsAsync(db, documentId, revision, long.MaxValue, ct);
        var result = new List<TextRevision>(records.Count);
        foreach (var record in records)
        {
            result.Add(ToRevision(documentId, record));
        }
        return result;
    }

    /// <summary>The text's history, newest first: <paramref name="take"/> entries before <paramref name="beforeRevision"/> (all when null).</summary>
    public async Task<IReadOnlyList<TextHistoryEntry>> HistoryAsync(string documentId, long? beforeRevision = null, int take = 100, CancellationToken ct = default)
    {
        TextDocumentIds.EnsureValid(documentId, TextDocument.MaxIdLength, "document id");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(take);
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var query = db.TextOperations.AsNoTracking().Where(o => o.DocumentId == documentId);
        if (beforeRevision is { } before)
        {
            query = query.Where(o => o.Revision < before);
        }
        var rows = await query
            .OrderByDescending(o => o.Revision)
            .Take(take)
            .Select(o => new { o.Revision, o.AuthorId, AuthorName = o.Author != null ? o.Author.Name : null, o.CreatedAt, o.ClientId, o.OperationJson })
            .ToListAsync(ct);
        var entries = new List<TextHistoryEntry>(rows.Count);
        foreach (var row in rows)
        {
            var operation = TextOperation.Parse(row.OperationJson);
            var (kind, restored) = KindOf(row.ClientId);
            entries.Add(new TextHistoryEntry(row.Revision, kind, row.AuthorId, row.AuthorName, row.CreatedAt,
                operation.InsertedLength, checked((int)operation.DeletedLength), restored, operation));
        }
        return entries;
    }

    /// <summary>The text as it was at <paramref name="revision"/> (0 is the empty text before anything was written).</summary>
    public async Task<string> TextAtAsync(string documentId, long revision, CancellationToken ct = default)
    {
        TextDocumentIds.EnsureValid(documentId, TextDocument.MaxIdLength, "document id");
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        await EnsureRevisionExistsAsync(db, documentId, revision, ct);
        var checkpoint = await db.TextOperations.AsNoTracking()
            .Where(o => o.DocumentId == documentId && o.Revision <= revision && o.TextAfter != null)
            .OrderByDescending(o => o.Revision)
            .Select(o => new { o.Revision, o.TextAfter })
            .FirstOrDefaultAsync(ct);
        var text = checkpoint?.TextAfter ?? "";
        var records = await LoadOperationsAsync(db, documentId, checkpoint?.Revision ?? 0, revision, ct);
        foreach (var record in records)
        {
            text = TextOperation.Parse(record.OperationJson).Apply(text);
        }
        return text;
    }

    /// <summary>
    /// Makes the text what it was at <paramref name="revision"/> by an ordinary edit from the current text (so it is
    /// in the history, and edits made meanwhile are merged like any other).
    /// </summary>
    public async Task<TextSubmitResult> RestoreAsync(string documentId, long revision, Guid authorPersonId, CancellationToken ct = default)
    {
        var old = await TextAtAsync(documentId, revision, ct);
        var current = await GetAsync(documentId, ct);
        var operation = TextOperation.FromDiff(current.Text, old);
        var clientId = string.Create(CultureInfo.InvariantCulture, $"{RestoreClientPrefix}{revision}-{Guid.NewGuid():N}");
        return await SequenceAsync(documentId, current.Revision, operation, authorPersonId, clientId, 0, ct);
    }

    public void Dispose()
    {
        _cache.Dispose();
        foreach (var gate in _locks)
        {
            gate.Dispose();
        }
    }

    /// <summary>Stores the queued submissions of a document batch by batch until the queue is empty.</summary>
    private async Task DrainAsync(string documentId, SubmissionQueue queue)
    {
        while (true)
        {
            List<Submission> batch;
            lock (queue)
            {
                if (queue.Waiting.Count == 0)
                {
                    queue.Draining = false;
                    // A submitter that still holds this queue starts draining it again; the document lock keeps order.
                    _queues.TryRemove(new KeyValuePair<string, SubmissionQueue>(documentId, queue));
                    return;
                }
                batch = queue.Waiting;
                queue.Waiting = [];
            }
            var gate = LockFor(documentId);
            await gate.WaitAsync(CancellationToken.None);
            var committed = new List<TextRevision>(batch.Count);
            try
            {
                await SequenceBatchAsync(documentId, batch, committed);
                // Sent before the next batch is taken: what arrives meanwhile makes the next batch (and message) bigger.
                await NotifyAsync(committed);
            }
            catch (Exception ex)
            {
                foreach (var submission in batch)
                {
                    submission.Done.TrySetException(ex);
                }
            }
            finally
            {
                gate.Release();
            }
        }
    }

    private async Task NotifyAsync(List<TextRevision> committed)
    {
        foreach (var listener in _listeners)
        {
            try
            {
                await listener.CommittedAsync(committed);
            }
            catch (Exception ex)
            {
                // The operations are stored; a client that missed them fetches them with TextSince.
                _logger.LogWarning(ex, "Could not send {Count} stored operations to the clients", committed.Count);
            }
        }
    }

    /// <summary>
    /// Stores a batch, transforming again when another node took the revision. A database error (busy, transient) is
    /// tried again after a pause; when it persists, the submissions are stored one per transaction, so that one the
    /// database keeps refusing fails alone instead of taking its neighbours with it.
    /// </summary>
    private async Task SequenceBatchAsync(string documentId, List<Submission> batch, List<TextRevision> committed, int databaseAttempts = 4)
    {
        var open = batch;
        var databaseErrors = 0;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                open = await TryAppendBatchAsync(documentId, open, committed);
            }
            catch (Exception ex) when (IsDatabaseError(ex))
            {
                // The save may have reached the database after all: the next try reloads and answers what is stored.
                _cache.Remove(documentId);
                open = [.. open.Where(s => !s.Done.Task.IsCompleted)];
                if (++databaseErrors < databaseAttempts)
                {
                    _logger.LogWarning(ex, "Storing {Count} operations on {DocumentId} failed; trying again (attempt {Attempt})", open.Count, documentId, databaseErrors);
                    await Task.Delay(TimeSpan.FromMilliseconds(50 << databaseErrors));
                    continue;
                }
                if (open.Count <= 1)
                {
                    throw;
                }
                _logger.LogWarning(ex, "Storing {Count} operations on {DocumentId} kept failing; storing them one by one", open.Count, documentId);
                await SequenceOneByOneAsync(documentId, open, committed);
                return;
            }
            if (open.Count == 0)
            {
                return;
            }
            if (attempt >= _options.MaxAttempts)
            {
                throw new ConcurrencyConflictException($"Could not store operations on {documentId}: other nodes kept taking the next revision.");
            }
            _logger.LogDebug("Revision of {DocumentId} taken by another node; transforming again (attempt {Attempt})", documentId, attempt);
        }
    }

    private async Task SequenceOneByOneAsync(string documentId, List<Submission> submissions, List<TextRevision> committed)
    {
        foreach (var submission in submissions)
        {
            try
            {
                await SequenceBatchAsync(documentId, [submission], committed, databaseAttempts: 2);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "An operation on {DocumentId} from client {ClientId} could not be stored", documentId, submission.ClientId);
                submission.Done.TrySetException(ex);
            }
        }
    }

    /// <summary>
    /// One try to store a batch in one transaction. Each submission is transformed against everything stored after its
    /// base revision, including the batch's earlier ones. Returns the submissions still to store: none, or all of them
    /// when another node stored a revision first.
    /// </summary>
    private async Task<List<Submission>> TryAppendBatchAsync(string documentId, List<Submission> submissions, List<TextRevision> committed)
    {
        var ct = CancellationToken.None;
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        var state = Cached(documentId);
        if (state is null || submissions.Exists(s => s.BaseRevision > state.Revision))
        {
            // Not cached, or a client has seen revisions this node has not (another node stored them): ask the database.
            _cache.Remove(documentId);
            state = await LoadAsync(db, documentId, ct) ?? throw new NotFoundException($"No co-edited text {documentId}.");
        }
        var log = await OperationsAfterAsync(db, documentId, state, submissions.Min(s => s.BaseRevision), ct);
        var text = state.Text;
        var revision = state.Revision;
        var stored = new List<(Submission Submission, StoredOperation Operation)>();
        var repeatsInBatch = new List<(Submission Submission, StoredOperation Operation)>();
        var now = _clock.GetUtcNow();
        foreach (var submission in submissions)
        {
            if (submission.BaseRevision > state.Revision)
            {
                submission.Done.TrySetException(UnknownRevision(documentId, submission.BaseRevision, state.Revision));
                continue;
            }
            // Whatever one submission's operation does wrong fails that submission alone, never its neighbours in the batch.
            TextOperation transformed;
            StoredOperation? repeat;
            string newText;
            try
            {
                (transformed, repeat) = TransformToHead(submission, log);
                if (repeat is not null)
                {
                    if (repeat.Record.Revision > state.Revision)
                    {
                        repeatsInBatch.Add((submission, repeat));
                    }
                    else
                    {
                        submission.Done.TrySetResult(new TextSubmitResult(ToRevision(documentId, repeat.Record, repeat.Operation), Repeated: true));
                    }
                    continue;
                }
                newText = ApplyChecked(transformed, text);
            }
            catch (InvalidTextOperationException ex)
            {
                // A repeat of something stored before the base revision need not fit any more; it is answered, not refused.
                if (!await AnswerIfStoredAsync(db, documentId, submission, ct))
                {
                    submission.Done.TrySetException(ex);
                }
                continue;
            }
            catch (Exception ex) when (!IsDatabaseError(ex))
            {
                _logger.LogError(ex, "An operation on {DocumentId} from client {ClientId} could not be applied; refused alone", documentId, submission.ClientId);
                submission.Done.TrySetException(ex);
                continue;
            }
            revision++;
            text = newText;
            var record = new TextOperationRecord
            {
                DocumentId = documentId,
                Revision = revision,
                OperationJson = transformed.ToJson(),
                AuthorId = submission.AuthorId,
                ClientId = submission.ClientId,
                ClientSeq = submission.ClientSeq,
                CreatedAt = now,
                TextAfter = revision % _options.CheckpointInterval == 0 ? newText : null,
            };
            var operation = new StoredOperation(record, transformed);
            log.Add(operation);
            stored.Add((submission, operation));
        }
        if (stored.Count == 0)
        {
            return [];
        }

        // Update the snapshot without reading it: the original revision is the concurrency token, so the UPDATE
        // only succeeds while nobody else moved the document on.
        var document = new TextDocument { Id = documentId, Text = "", Revision = state.Revision };
        db.TextDocuments.Attach(document);
        document.Text = text;
        document.Revision = revision;
        document.UpdatedAt = now;
        var entry = db.Entry(document);
        entry.Property(d => d.Text).IsModified = true;
        entry.Property(d => d.UpdatedAt).IsModified = true;
        db.TextOperations.AddRange(stored.Select(s => s.Operation.Record));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            _cache.Remove(documentId);
            await using var again = await _dbFactory.CreateDbContextAsync(ct);
            // A submission stored long ago (a client repeating after a reconnect, on a newer base) breaks the unique
            // (document, client, sequence) key: answer it with what is stored and try the others again.
            var repeated = 0;
            foreach (var (submission, _) in stored)
            {
                if (await AnswerIfStoredAsync(again, documentId, submission, ct))
                {
                    repeated++;
                }
            }
            var current = await CurrentRevisionAsync(again, documentId, ct);
            if (repeated == 0 && (current is null || current == state.Revision))
            {
                // Neither a lost race nor a repeat: a database error, which SequenceBatchAsync tries again.
                throw;
            }
            return [.. stored.Select(s => s.Submission).Concat(repeatsInBatch.Select(r => r.Submission)).Where(s => !s.Done.Task.IsCompleted)];
        }
        Remember(documentId, state.Advance(text, stored.Select(s => s.Operation)));
        foreach (var (submission, operation) in stored)
        {
            var revisionStored = ToRevision(documentId, operation.Record, operation.Operation);
            committed.Add(revisionStored);
            submission.Done.TrySetResult(new TextSubmitResult(revisionStored, Repeated: false));
        }
        foreach (var (submission, operation) in repeatsInBatch)
        {
            submission.Done.TrySetResult(new TextSubmitResult(ToRevision(documentId, operation.Record, operation.Operation), Repeated: true));
        }
        return [];
    }

    /// <summary>
    /// The submission's operation transformed against the stored ones after its base revision, or the stored one it
    /// repeats (same client and sequence).
    /// </summary>
    private static (TextOperation Transformed, StoredOperation? Repeat) TransformToHead(Submission submission, List<StoredOperation> log)
    {
        var transformed = submission.Operation;
        foreach (var earlier in log)
        {
            if (earlier.Record.Revision <= submission.BaseRevision)
            {
                continue;
            }
            if (earlier.Record.ClientId == submission.ClientId && earlier.Record.ClientSeq == submission.ClientSeq)
            {
                return (transformed, earlier);
            }
            // The stored one was sequenced first: ours is the later one and takes the left side (see ot.js).
            transformed = TextOperation.Transform(transformed, earlier.Operation, TransformSide.Left);
        }
        return (transformed, null);
    }

    /// <summary>The text after an untrusted operation; refuses one that does not fit or makes the text too long.</summary>
    private string ApplyChecked(TextOperation operation, string text)
    {
        operation.EnsureFits(text);
        var newText = operation.Apply(text);
        if (newText.Length > _options.MaxTextLength && newText.Length > text.Length)
        {
            throw new InvalidTextOperationException(CoEditingError.TextTooLong,
                $"The text may have at most {_options.MaxTextLength} characters; it would have {newText.Length}.");
        }
        return newText;
    }

    /// <summary>Errors of the database itself (busy, transient, refused): the whole batch is tried again.</summary>
    private static bool IsDatabaseError(Exception ex) =>
        ex is System.Data.Common.DbException or DbUpdateException or Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException or TimeoutException;

    /// <summary>The stored operations after <paramref name="after"/> up to the state's revision, from memory when it has them.</summary>
    private static async Task<List<StoredOperation>> OperationsAfterAsync(
        WorkspaceDbContext db, string documentId, CachedText state, long after, CancellationToken ct)
    {
        if (after >= state.Revision)
        {
            return [];
        }
        if (state.Recent.Count > 0 && state.Recent[0].Record.Revision <= after + 1)
        {
            return [.. state.Recent.Where(o => o.Record.Revision > after)];
        }
        var records = await LoadOperationsAsync(db, documentId, after, state.Revision, ct);
        return [.. records.Select(r => new StoredOperation(r, TextOperation.Parse(r.OperationJson)))];
    }

    /// <summary>The document as its row has it (the row is written in the same transaction as the operations).</summary>
    private static async Task<CachedText?> LoadAsync(WorkspaceDbContext db, string documentId, CancellationToken ct)
    {
        var row = await db.TextDocuments.AsNoTracking()
            .Where(d => d.Id == documentId)
            .Select(d => new { d.Text, d.Revision })
            .SingleOrDefaultAsync(ct);
        return row is null ? null : new CachedText(row.Text, row.Revision, []);
    }

    /// <summary>
    /// The document brought up to date from the cache (or its row) and the operations other nodes stored since.
    /// Null when the document does not exist.
    /// </summary>
    private async Task<CachedText?> CatchUpAsync(WorkspaceDbContext db, string documentId, CancellationToken ct)
    {
        var state = Cached(documentId) ?? await LoadAsync(db, documentId, ct);
        if (state is null)
        {
            return null;
        }
        var records = await LoadOperationsAsync(db, documentId, state.Revision, long.MaxValue, ct);
        var text = state.Text;
        var missed = new List<StoredOperation>(records.Count);
        foreach (var record in records)
        {
            if (record.Revision != state.Revision + missed.Count + 1)
            {
                throw new InvalidOperationException($"The operation log of {documentId} has a gap after revision {state.Revision + missed.Count}.");
            }
            var operation = TextOperation.Parse(record.OperationJson);
            text = operation.Apply(text);
            missed.Add(new StoredOperation(record, operation));
        }
        state = state.Advance(text, missed);
        Remember(documentId, state);
        return state;
    }

    private CachedText? Cached(string documentId) =>
        _cache.TryGetValue(documentId, out CachedText? state) ? state : null;

    private async Task<CachedText> CreateAsync(string documentId, string initialText, CancellationToken ct)
    {
        if (initialText.Length > _options.MaxTextLength)
        {
            throw new InvalidTextOperationException(CoEditingError.TextTooLong,
                $"The text may have at most {_options.MaxTextLength} characters; the initial text has {initialText.Length}.");
        }
        if (TextOperation.HasLoneSurrogate(initialText))
        {
            // Stored JSON cannot carry a lone surrogate; the text and its log must say the same.
            initialText = WellFormed(initialText);
        }
        var now = _clock.GetUtcNow();
        var revision = initialText.Length > 0 ? 1 : 0;
        await using var db = await _dbFactory.CreateDbContextAsync(ct);
        db.TextDocuments.Add(new TextDocument { Id = documentId, Text = initialText, Revision = revision, CreatedAt = now, UpdatedAt = now });
        if (revision == 1)
        {
            db.TextOperations.Add(new TextOperationRecord
            {
                DocumentId = documentId,
                Revision = 1,
                OperationJson = TextOperation.Insert(0, initialText).ToJson(),
                AuthorId = null,
                ClientId = InitialClientId,
                ClientSeq = 0,
                CreatedAt = now,
            });
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            // Another node created it at the same moment: theirs counts.
            await using var again = await _dbFactory.CreateDbContextAsync(ct);
            return await CatchUpAsync(again, documentId, ct)
                ?? throw new InvalidOperationException($"Could not create the co-edited text {documentId}.", ex);
        }
        var created = new CachedText(initialText, revision, []);
        Remember(documentId, created);
        return created;
    }

    private static string WellFormed(string text) => string.Create(text.Length, text, static (target, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (char.IsHighSurrogate(c) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]))
            {
                target[i] = c;
                target[++i] = source[i];
            }
            else
            {
                target[i] = char.IsSurrogate(c) ? '\uFFFD' : c;
            }
        }
    });

    private static Task<List<TextOperationRecord>> LoadOperationsAsync(
        WorkspaceDbContext db, string documentId, long after, long upTo, CancellationToken ct) =>
        db.TextOperations.AsNoTracking()
            .Where(o => o.DocumentId == documentId && o.Revision > after && o.Revision <= upTo)
            .OrderBy(o => o.Revision)
            .ToListAsync(ct);

    private static Task<TextOperationRecord?> FindRepeatAsync(WorkspaceDbContext db, string documentId, string clientId, long clientSeq, CancellationToken ct) =>
        db.TextOperations.AsNoTracking()
            .Where(o => o.DocumentId == documentId && o.ClientId == clientId && o.ClientSeq == clientSeq)
            .FirstOrDefaultAsync(ct);

    /// <summary>Answers a submission that was stored before with the stored revision; false when it was not.</summary>
    private static async Task<bool> AnswerIfStoredAsync(WorkspaceDbContext db, string documentId, Submission submission, CancellationToken ct)
    {
        if (await FindRepeatAsync(db, documentId, submission.ClientId, submission.ClientSeq, ct) is not { } stored)
        {
            return false;
        }
        submission.Done.TrySetResult(new TextSubmitResult(ToRevision(documentId, stored), Repeated: true));
        return true;
    }

    /// <summary>Throws unless the document exists and has <paramref name="revision"/> (0 up to its latest).</summary>
    private static async Task EnsureRevisionExistsAsync(WorkspaceDbContext db, string documentId, long revision, CancellationToken ct)
    {
        var current = await CurrentRevisionAsync(db, documentId, ct)
            ?? throw new NotFoundException($"No co-edited text {documentId}.");
        if (revision < 0 || revision > current)
        {
            throw UnknownRevision(documentId, revision, current);
        }
    }

    private static InvalidTextOperationException UnknownRevision(string documentId, long revision, long latest) =>
        new(CoEditingError.UnknownRevision, $"Revision {revision} of {documentId} does not exist (the latest is {latest}).");

    private static Task<long?> CurrentRevisionAsync(WorkspaceDbContext db, string documentId, CancellationToken ct) =>
        db.TextDocuments.Where(d => d.Id == documentId).Select(d => (long?)d.Revision).SingleOrDefaultAsync(ct);

    private void Remember(string documentId, CachedText state) =>
        _cache.Set(documentId, state, new MemoryCacheEntryOptions
        {
            Size = state.Text.Length + 1,
            SlidingExpiration = TimeSpan.FromMinutes(20),
        });

    private SemaphoreSlim LockFor(string documentId) =>
        _locks[(StringComparer.Ordinal.GetHashCode(documentId) & int.MaxValue) % _locks.Length];

    private static TextRevision ToRevision(string documentId, TextOperationRecord record, TextOperation? operation = null) =>
        new(documentId, record.Revision, operation ?? TextOperation.Parse(record.OperationJson), record.AuthorId,
            record.ClientId, record.ClientSeq, record.CreatedAt);

    private static (TextChangeKind Kind, long? RestoredRevision) KindOf(string clientId)
    {
        if (clientId == InitialClientId)
        {
            return (TextChangeKind.Initial, null);
        }
        if (clientId.StartsWith(RestoreClientPrefix, StringComparison.Ordinal))
        {
            var rest = clientId.AsSpan(RestoreClientPrefix.Length);
            var dash = rest.IndexOf('-');
            if (dash > 0 && long.TryParse(rest[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var restored))
            {
                return (TextChangeKind.Restore, restored);
            }
        }
        return (TextChangeKind.Edit, null);
    }

    /// <summary>A text at a revision, with the latest operations that led to it (consecutive, ending at the revision).</summary>
    private sealed record CachedText(string Text, long Revision, IReadOnlyList<StoredOperation> Recent)
    {
        private const int RecentLimit = 512;

        public CachedText Advance(string text, IEnumerable<StoredOperation> next)
        {
            var added = next.ToList();
            if (added.Count == 0)
            {
                return this;
            }
            var recent = Recent.Concat(added).ToList();
            return new CachedText(text, added[^1].Record.Revision, recent.Count > RecentLimit ? recent[^RecentLimit..] : recent);
        }
    }

    private sealed record StoredOperation(TextOperationRecord Record, TextOperation Operation);

    private sealed class Submission(long baseRevision, TextOperation operation, Guid? authorId, string clientId, long clientSeq)
    {
        public long BaseRevision { get; } = baseRevision;
        public TextOperation Operation { get; } = operation;
        public Guid? AuthorId { get; } = authorId;
        public string ClientId { get; } = clientId;
        public long ClientSeq { get; } = clientSeq;
        public TaskCompletionSource<TextSubmitResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class SubmissionQueue
    {
        public List<Submission> Waiting { get; set; } = [];
        public bool Draining { get; set; }
    }
}
