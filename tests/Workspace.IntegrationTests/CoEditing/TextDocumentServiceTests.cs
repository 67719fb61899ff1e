using Microsoft.EntityFrameworkCore;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Features.Access;

namespace Workspace.IntegrationTests.CoEditing;

/// <summary>The sequencer of co-edited texts on a real SQLite file, with one or several app nodes.</summary>
public sealed class TextDocumentServiceTests : IAsyncLifetime
{
    private static readonly string DocumentId = TextDocumentIds.ForItem(Guid.Parse("3f1c2a9e-7b45-4d8e-9a61-0c5e2f7d8b13"), ItemText.Background);

    private CoEditingDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await CoEditingDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task A_new_document_starts_with_the_initial_text_as_revision_one()
    {
        // Arrange
        var node = _database.Node();
        var asked = 0;

        // Act
        var first = await node.GetAsync(DocumentId, _ => { asked++; return Task.FromResult<string?>("Rådet orienteres om status."); }, Ct);
        var second = await node.GetAsync(DocumentId, _ => { asked++; return Task.FromResult<string?>("ignored"); }, Ct);

        // Assert
        Assert.Equal(new TextSnapshot(DocumentId, "Rådet orienteres om status.", 1), first);
        Assert.Equal(first, second);
        Assert.Equal(1, asked);
        var history = await node.HistoryAsync(DocumentId, ct: Ct);
        var entry = Assert.Single(history);
        Assert.Equal(TextChangeKind.Initial, entry.Kind);
        Assert.Null(entry.AuthorId);
        Assert.Equal("", await node.TextAtAsync(DocumentId, 0, Ct));
    }

    [Fact]
    public async Task An_operation_on_an_old_revision_is_transformed_against_the_ones_stored_since()
    {
        // Arrange
        var node = _database.Node();
        var start = await node.GetAsync(DocumentId, "Mødet starter kl. 16.", Ct);

        // Act: both wrote on revision 1; Thomas's insert lands second.
        var iben = await node.SubmitAsync(DocumentId, start.Revision, TextOperation.Insert(0, "Husk: "), _database.Iben, "client-iben", 1, Ct);
        var thomas = await node.SubmitAsync(DocumentId, start.Revision, TextOperation.Insert(21, " Kaffe fra 15.45."), _database.Thomas, "client-thomas", 1, Ct);

        // Assert
        Assert.Equal(2, iben.Committed.Revision);
        Assert.Equal(3, thomas.Committed.Revision);
        Assert.Equal(TextOperation.Insert(27, " Kaffe fra 15.45."), thomas.Committed.Operation);
        Assert.False(thomas.Repeated);
        Assert.Equal("Husk: Mødet starter kl. 16. Kaffe fra 15.45.", (await node.GetAsync(DocumentId, Ct)).Text);
    }

    [Fact]
    public async Task A_repeated_submission_returns_the_stored_revision_and_changes_nothing()
    {
        // Arrange
        var node = _database.Node();
        await node.GetAsync(DocumentId, "Beslutning:", Ct);
        var first = await node.SubmitAsync(DocumentId, 1, TextOperation.Insert(11, " Godkendt."), _database.Iben, "client-iben", 7, Ct);
        await node.SubmitAsync(DocumentId, 2, TextOperation.Insert(0, "Punkt 3. "), _database.Thomas, "client-thomas", 1, Ct);

        // Act: the answer was lost; the client sends the same again after reconnecting, on a newer base.
        var again = await node.SubmitAsync(DocumentId, 3, TextOperation.Insert(20, " Godkendt."), _database.Iben, "client-iben", 7, Ct);

        // Assert
        Assert.True(again.Repeated);
        Assert.Equal(first.Committed.Revision, again.Committed.Revision);
        Assert.Equal(first.Committed.Operation, again.Committed.Operation);
        var now = await node.GetAsync(DocumentId, Ct);
        Assert.Equal(new TextSnapshot(DocumentId, "Punkt 3. Beslutning: Godkendt.", 3), now);
    }

    [Fact]
    public async Task A_repeat_that_no_longer_fits_the_text_is_answered_not_refused()
    {
        // Arrange
        var node = _database.Node();
        await node.GetAsync(DocumentId, "Slettes", Ct);
        var first = await node.SubmitAsync(DocumentId, 1, TextOperation.Delete(0, 7), _database.Iben, "client-iben", 1, Ct);

        // Act: sent again on the revision it made itself, where there is nothing left to delete.
        var again = await node.SubmitAsync(DocumentId, 2, TextOperation.Delete(0, 7), _database.Iben, "client-iben", 1, Ct);

        // Assert
        Assert.True(again.Repeated);
        Assert.Equal(first.Committed.Revision, again.Committed.Revision);
        Assert.Equal(new TextSnapshot(DocumentId, "", 2), await node.GetAsync(DocumentId, Ct));
    }

    [Fact]
    public async Task Concurrent_submissions_from_many_tasks_all_land_and_agree_with_the_log()
    {
        // Arrange
        var node = _database.Node();
        await node.GetAsync(DocumentId, "0123456789", Ct);
        const int Writers = 6;
        const int EditsEach = 15;

        // Act: each writer inserts its own characters where it saw fit, on whatever revision it last saw.
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            for (var i = 0; i < EditsEach; i++)
            {
                var seen = await node.GetAsync(DocumentId, Ct);
                var letter = (char)('a' + w);
                var operation = TextOperation.Insert(random.Next(seen.Text.Length + 1), $"{letter}");
                await node.SubmitAsync(DocumentId, seen.Revision, operation, w % 2 == 0 ? _database.Iben : _database.Thomas, $"writer-{w}", i, Ct);
            }
        }, Ct)).ToArray();
        await Task.WhenAll(writers);

        // Assert
        var final = await node.GetAsync(DocumentId, Ct);
        Assert.Equal(1 + (Writers * EditsEach), final.Revision);
        Assert.Equal(10 + (Writers * EditsEach), final.Text.Length);
        for (var w = 0; w < Writers; w++)
        {
            Assert.Equal(EditsEach, final.Text.Count(c => c == 'a' + w));
        }
        Assert.Equal("0123456789", string.Concat(final.Text.Where(char.IsDigit)));
        Assert.Equal(final.Text, await node.TextAtAsync(DocumentId, final.Revision, Ct));
        var replayed = "";
        foreach (var revision in await node.OperationsSinceAsync(DocumentId, 0, Ct))
        {
            replayed = revision.Operation.Apply(replayed);
        }
        Assert.Equal(final.Text, replayed);
    }

    [Fact]
    public async Task Submissions_arriving_while_one_is_stored_share_the_next_transaction()
    {
        // Arrange: the first commit is held back until all the others have queued up behind it.
        var gate = new HeldCommits();
        var node = _database.Node(interceptor: gate);
        await node.GetAsync(DocumentId, "", Ct);
        gate.Hold = true;
        var first = node.SubmitAsync(DocumentId, 0, TextOperation.Insert(0, "A"), _database.Iben, "client-0", 1, Ct);
        await gate.Reached.WaitAsync(Ct);

        // Act: forty keystrokes from forty clients, all made on the empty text, while the first is being stored.
        var rest = Enumerable.Range(1, 40)
            .Select(i => node.SubmitAsync(DocumentId, 0, TextOperation.Insert(0, "b"), _database.Thomas, $"client-{i}", 1, Ct))
            .ToArray();
        await Task.Delay(200, Ct);
        gate.Release();
        var results = await Task.WhenAll([first, .. rest]);

        // Assert: 41 revisions in 2 transactions, every keystroke in the text.
        Assert.Equal(Enumerable.Range(1, 41).Select(r => (long)r), results.Select(r => r.Committed.Revision).Order());
        Assert.Equal(2, gate.Commits);
        var final = await node.GetAsync(DocumentId, Ct);
        // Inserts at the same place: the later one goes to the left (as in ot.js).
        Assert.Equal(new string('b', 40) + "A", final.Text);
    }

    /// <summary>Counts committed transactions and can hold the first one back.</summary>
    private sealed class HeldCommits : Microsoft.EntityFrameworkCore.Diagnostics.DbTransactionInterceptor
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly SemaphoreSlim _reached = new(0);
        private int _commits;

        public bool Hold { get; set; }

        public int Commits => _commits;

        public SemaphoreSlim Reached => _reached;

        public void Release() => _released.TrySetResult();

        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult> TransactionCommittingAsync(
            System.Data.Common.DbTransaction transaction, Microsoft.EntityFrameworkCore.Diagnostics.TransactionEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult result, CancellationToken cancellationToken = default)
        {
            if (Hold && Interlocked.Increment(ref _commits) == 1)
            {
                _reached.Release();
                await _released.Task;
            }
            return result;
        }
    }

    [Fact]
    public async Task Two_nodes_writing_the_same_text_at_once_both_land_with_their_own_revisions()
    {
        // Arrange
        var first = _database.Node();
        var second = _database.Node();
        await first.GetAsync(DocumentId, "Høringssvar", Ct);
        const int EditsEach = 20;

        // Act
        async Task WriteAsync(TextDocumentService node, string clientId, char letter)
        {
            for (var i = 0; i < EditsEach; i++)
            {
                var seen = await node.GetAsync(DocumentId, Ct);
                await node.SubmitAsync(DocumentId, seen.Revision, TextOperation.Insert(seen.Text.Length, $"{letter}"), _database.Iben, clientId, i, Ct);
            }
        }
        await Task.WhenAll(
            Task.Run(() => WriteAsync(first, "node-1-client", 'x'), Ct),
            Task.Run(() => WriteAsync(second, "node-2-client", 'y'), Ct));

        // Assert
        var fromFirst = await first.GetAsync(DocumentId, Ct);
        var fromSecond = await second.GetAsync(DocumentId, Ct);
        Assert.Equal(fromFirst, fromSecond);
        Assert.Equal(1 + (2 * EditsEach), fromFirst.Revision);
        Assert.Equal(EditsEach, fromFirst.Text.Count(c => c == 'x'));
        Assert.Equal(EditsEach, fromFirst.Text.Count(c => c == 'y'));
        await using var db = _database.NewContext();
        var revisions = await db.TextOperations.Where(o => o.DocumentId == DocumentId).Select(o => o.Revision).OrderBy(r => r).ToListAsync(Ct);
        Assert.Equal(Enumerable.Range(1, 1 + (2 * EditsEach)).Select(r => (long)r), revisions);
    }

    [Fact]
    public async Task When_another_node_takes_the_revision_first_the_operation_is_transformed_again_and_stored_next()
    {
        // Arrange: the second node stores an edit in the moment between the first node's reading and writing.
        var second = _database.Node();
        await second.GetAsync(DocumentId, "Dagsorden godkendt.", Ct);
        var race = new RaceBeforeNextSave(() =>
            second.SubmitAsync(DocumentId, 1, TextOperation.Insert(0, "Punkt 1: "), _database.Thomas, "client-thomas", 1, Ct));
        var first = _database.Node(interceptor: race);
        var seen = await first.GetAsync(DocumentId, Ct);

        // Act
        var result = await first.SubmitAsync(DocumentId, seen.Revision, TextOperation.Insert(18, " uden bemærkninger"), _database.Iben, "client-iben", 1, Ct);

        // Assert
        Assert.Equal(1, race.Races);
        Assert.Equal(3, result.Committed.Revision);
        Assert.False(result.Repeated);
        Assert.Equal(TextOperation.Insert(27, " uden bemærkninger"), result.Committed.Operation);
        var expected = new TextSnapshot(DocumentId, "Punkt 1: Dagsorden godkendt uden bemærkninger.", 3);
        Assert.Equal(expected, await first.GetAsync(DocumentId, Ct));
        Assert.Equal(expected, await second.GetAsync(DocumentId, Ct));
    }

    [Fact]
    public async Task A_submission_repeated_on_another_node_is_recognised()
    {
        // Arrange: the client reconnects to another node and sends its unacknowledged operation again.
        var first = _database.Node();
        var second = _database.Node();
        await first.GetAsync(DocumentId, "Referat", Ct);
        var stored = await first.SubmitAsync(DocumentId, 1, TextOperation.Insert(7, " fra mødet"), _database.Iben, "client-iben", 4, Ct);

        // Act
        var again = await second.SubmitAsync(DocumentId, 1, TextOperation.Insert(7, " fra mødet"), _database.Iben, "client-iben", 4, Ct);

        // Assert
        Assert.True(again.Repeated);
        Assert.Equal(stored.Committed.Revision, again.Committed.Revision);
        Assert.Equal("Referat fra mødet", (await second.GetAsync(DocumentId, Ct)).Text);
    }

    [Fact]
    public async Task After_a_restart_the_text_and_its_history_are_there()
    {
        // Arrange
        var before = _database.Node();
        await before.GetAsync(DocumentId, "Baggrund", Ct);
        await before.SubmitAsync(DocumentId, 1, TextOperation.Insert(8, ": ny kvalitetsstandard"), _database.Iben, "client-iben", 1, Ct);
        await before.SubmitAsync(DocumentId, 2, TextOperation.Insert(30, " for 2026"), _database.Thomas, "client-thomas", 1, Ct);
        await _database.StopAsync(before);

        // Act
        var after = _database.Node();
        var text = await after.GetAsync(DocumentId, _ => throw new InvalidOperationException("The document exists; no initial text is needed."), Ct);
        var history = await after.HistoryAsync(DocumentId, ct: Ct);

        // Assert
        Assert.Equal(new TextSnapshot(DocumentId, "Baggrund: ny kvalitetsstandard for 2026", 3), text);
        Assert.Equal([3L, 2L, 1L], history.Select(h => h.Revision));
        Assert.Equal(["Thomas Lindberg", "Iben Sørensen", null], history.Select(h => h.AuthorName));
        Assert.Equal([TextChangeKind.Edit, TextChangeKind.Edit, TextChangeKind.Initial], history.Select(h => h.Kind));
        Assert.Equal(9, history[0].InsertedLength);
        Assert.Equal("Baggrund: ny kvalitetsstandard", await after.TextAtAsync(DocumentId, 2, Ct));
        await using var db = _database.NewContext();
        var row = await db.TextDocuments.SingleAsync(d => d.Id == DocumentId, Ct);
        Assert.Equal((text.Text, text.Revision), (row.Text, row.Revision));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityType == "TextDocument" || a.EntityType == "TextOperationRecord", Ct));
    }

    [Fact]
    public async Task Restoring_an_old_revision_is_a_new_revision_by_the_restorer()
    {
        // Arrange
        var node = _database.Node();
        await node.GetAsync(DocumentId, "Rådet anbefaler forslaget.", Ct);
        await node.SubmitAsync(DocumentId, 1, TextOperation.Create(OpComponent.Retain(6), OpComponent.Insert("afviser"), OpComponent.Delete(9)), _database.Thomas, "client-thomas", 1, Ct);
        await node.SubmitAsync(DocumentId, 2, TextOperation.Insert(23, " enstemmigt"), _database.Thomas, "client-thomas", 2, Ct);

        // Act
        var restored = await node.RestoreAsync(DocumentId, 1, _database.Iben, Ct);

        // Assert
        Assert.Equal(4, restored.Committed.Revision);
        Assert.Equal(_database.Iben, restored.Committed.AuthorId);
        Assert.Equal(new TextSnapshot(DocumentId, "Rådet anbefaler forslaget.", 4), await node.GetAsync(DocumentId, Ct));
        var latest = (await node.HistoryAsync(DocumentId, take: 1, ct: Ct)).Single();
        Assert.Equal(TextChangeKind.Restore, latest.Kind);
        Assert.Equal(1, latest.RestoredRevision);
        Assert.Equal("Iben Sørensen", latest.AuthorName);
        Assert.Equal("Rådet afviser forslaget enstemmigt.", await node.TextAtAsync(DocumentId, 3, Ct));
    }

    [Fact]
    public async Task Old_texts_are_rebuilt_from_checkpoints_and_the_log()
    {
        // Arrange
        var node = _database.Node(new() { ["CoEditing:CheckpointInterval"] = "4" });
        var texts = new List<string> { "", "a" };
        await node.GetAsync(DocumentId, "a", Ct);
        for (var i = 0; i < 13; i++)
        {
            var current = texts[^1];
            var operation = i % 3 == 2 ? TextOperation.Delete(0, 1) : TextOperation.Insert(current.Length, $"{i}");
            texts.Add(operation.Apply(current));
            await node.SubmitAsync(DocumentId, texts.Count - 2, operation, _database.Iben, "client-iben", i, Ct);
        }

        // Act
        var rebuilt = new List<string>();
        for (var revision = 0; revision < texts.Count; revision++)
        {
            rebuilt.Add(await node.TextAtAsync(DocumentId, revision, Ct));
        }

        // Assert
        Assert.Equal(texts, rebuilt);
        await using var db = _database.NewContext();
        Assert.Equal([4L, 8L, 12L], await db.TextOperations.Where(o => o.TextAfter != null).Select(o => o.Revision).OrderBy(r => r).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_paste_of_a_hundred_kilobytes_is_one_operation()
    {
        // Arrange
        var node = _database.Node();
        await node.GetAsync(DocumentId, "Bilag:\n", Ct);
        var paste = string.Concat(Enumerable.Repeat("Kvalitetsstandard for bostøtte § 85 – æøå 👍\n", 2300));

        // Act
        var result = await node.SubmitAsync(DocumentId, 1, TextOperation.Insert(7, paste), _database.Iben, "client-iben", 1, Ct);

        // Assert
        Assert.True(paste.Length > 100_000);
        Assert.Equal("Bilag:\n" + paste, (await node.GetAsync(DocumentId, Ct)).Text);
        Assert.Equal(paste.Length, result.Committed.Operation.InsertedLength);
    }

    [Fact]
    public async Task A_text_may_not_grow_past_its_limit()
    {
        // Arrange
        var node = _database.Node(new() { ["CoEditing:MaxTextLength"] = "20" });
        await node.GetAsync(DocumentId, "Kort tekst", Ct);

        // Act
        var error = await Assert.ThrowsAsync<InvalidTextOperationException>(() =>
            node.SubmitAsync(DocumentId, 1, TextOperation.Insert(10, " som bliver alt for lang"), _database.Iben, "client-iben", 1, Ct));

        // Assert
        Assert.Equal(CoEditingError.TextTooLong, error.Error);
        Assert.Equal(new TextSnapshot(DocumentId, "Kort tekst", 1), await node.GetAsync(DocumentId, Ct));
    }

    [Fact]
    public async Task Operations_that_do_not_fit_are_refused_with_the_reason()
    {
        // Arrange
        var node = _database.Node();
        await node.GetAsync(DocumentId, "abc", Ct);

        // Act
        var tooLong = await Assert.ThrowsAsync<InvalidTextOperationException>(() =>
            node.SubmitAsync(DocumentId, 1, TextOperation.Delete(2, 5), _database.Iben, "client-iben", 1, Ct));
        var ahead = await Assert.ThrowsAsync<InvalidTextOperationException>(() =>
            node.SubmitAsync(DocumentId, 9, TextOperation.Insert(0, "x"), _database.Iben, "client-iben", 2, Ct));
        var reserved = await Assert.ThrowsAsync<InvalidTextOperationException>(() =>
            node.SubmitAsync(DocumentId, 1, TextOperation.Insert(0, "x"), _database.Iben, "initial", 0, Ct));
        var badId = await Assert.ThrowsAsync<InvalidTextOperationException>(() =>
            node.SubmitAsync("Item:ABC", 1, TextOperation.Insert(0, "x"), _database.Iben, "client-iben", 3, Ct));
        var unknown = await Record.ExceptionAsync(() =>
            node.SubmitAsync("item:unknown:background", 0, TextOperation.Insert(0, "x"), _database.Iben, "client-iben", 4, Ct));

        // Assert
        Assert.Equal(CoEditingError.DoesNotFitText, tooLong.Error);
        Assert.Equal(CoEditingError.UnknownRevision, ahead.Error);
        Assert.Equal(CoEditingError.InvalidId, reserved.Error);
        Assert.Equal(CoEditingError.InvalidId, badId.Error);
        Assert.IsType<NotFoundException>(unknown);
        Assert.Equal(new TextSnapshot(DocumentId, "abc", 1), await node.GetAsync(DocumentId, Ct));
    }
}
