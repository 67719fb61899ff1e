using FsCheck;
using FsCheck.Fluent;
using Workspace.Web.Collaboration.CoEditing;

namespace Workspace.IntegrationTests.CoEditing;

/// <summary>
/// Malformed operations sent at the same moment as valid ones from several clients (so they share group-commit batches):
/// each malformed one is refused alone with its reason, every valid one is stored, and the text agrees with its log.
/// </summary>
public sealed class MalformedOperationTests : IAsyncLifetime
{
    private const int MaxOperationLength = 50;
    private const string InitialText = "Rådet drøfter budgettet for næste år.";

    private CoEditingDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await CoEditingDatabase.CreateAsync();

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    public enum Malformed
    {
        OverflowingKeepAndDelete,
        OverflowingKeeps,
        OverflowingDeletes,
        NegativeKeep,
        WrongBaseLength,
        DeleteBeyondTheEnd,
        HugeInsert,
        LoneSurrogate,
        UnknownRevision,
    }

    /// <summary>What a client sends: a valid edit (insert a marker at, replacing a range) or a malformed one.</summary>
    public sealed record Step(Malformed? Kind, int Position, int Deleted);

    [Fact]
    public async Task Malformed_operations_among_valid_ones_from_several_clients_fail_alone_and_every_valid_one_is_stored()
    {
        // Arrange
        var node = _database.Node(new() { ["CoEditing:MaxOperationLength"] = MaxOperationLength.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var steps = from malformed in Gen.Frequency((2, Gen.Constant<Malformed?>(null)), (1, Gen.Elements(Enum.GetValues<Malformed>()).Select(k => (Malformed?)k)))
                    from position in Gen.Choose(0, InitialText.Length)
                    from deleted in Gen.Choose(0, 4)
                    select new Step(malformed, position, Math.Min(deleted, InitialText.Length - position));
        var plans = Gen.Choose(2, 5).SelectMany(clients => steps.ArrayOf().Where(s => s.Length > 0).ArrayOf(clients));
        var run = 0;

        // Act and assert
        Prop.ForAll(plans.ToArbitrary(), plan =>
        {
            var documentId = TextDocumentIds.ForItem(Guid.NewGuid(), ItemText.Minutes);
            RunAsync(node, documentId, plan, run++).GetAwaiter().GetResult();
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(40));
    }

    [Fact]
    public async Task A_submission_the_database_refuses_fails_alone_and_its_batch_neighbours_are_stored()
    {
        // Arrange: the first save waits, so the next submissions queue up and share one batch; one of them names an
        // author who does not exist, which only the database notices (foreign key).
        var documentId = TextDocumentIds.ForItem(Guid.NewGuid(), ItemText.Decision);
        await _database.Node().GetAsync(documentId, "Indstilling:", Ct);
        var node = _database.Node(interceptor: new RaceBeforeNextSave(() => Task.Delay(300, Ct)));
        var first = node.SubmitAsync(documentId, 1, TextOperation.Insert(0, "A"), _database.Iben, "client-first", 1, Ct);

        // Act
        var valid = Enumerable.Range(0, 5)
            .Select(i => node.SubmitAsync(documentId, 1, TextOperation.Insert(12, $"<{i}>"), _database.Thomas, $"client-{i}", 1, Ct))
            .ToList();
        var unknownAuthor = Record.ExceptionAsync(() =>
            node.SubmitAsync(documentId, 1, TextOperation.Insert(0, "?"), Guid.NewGuid(), "client-unknown", 1, Ct));
        await first;
        var results = await Task.WhenAll(valid);
        var refused = await unknownAuthor;

        // Assert
        Assert.NotNull(refused);
        Assert.Equal([3L, 4, 5, 6, 7], results.Select(r => r.Committed.Revision).Order());
        var now = await node.GetAsync(documentId, Ct);
        Assert.Equal(7, now.Revision);
        Assert.All(Enumerable.Range(0, 5), i => Assert.Contains($"<{i}>", now.Text, StringComparison.Ordinal));
        Assert.DoesNotContain("?", now.Text, StringComparison.Ordinal);
    }

    private async Task RunAsync(TextDocumentService node, string documentId, Step[][] plan, int run)
    {
        var start = await node.GetAsync(documentId, InitialText, Ct);
        var refusals = new List<(Malformed Kind, Exception? Thrown)>();
        var stored = new List<(string Marker, TextSubmitResult Result)>();

        // Every client sends its steps one after the other (one in flight, as the browser does), all clients at once.
        await Task.WhenAll(plan.Select((steps, client) => Task.Run(async () =>
        {
            for (var i = 0; i < steps.Length; i++)
            {
                var step = steps[i];
                var clientId = $"client-{run}-{client}";
                if (step.Kind is { } kind)
                {
                    var thrown = await Record.ExceptionAsync(() =>
                        node.SubmitAsync(documentId, kind == Malformed.UnknownRevision ? 10_000 : start.Revision, MalformedOperation(kind),
                            _database.Iben, clientId, i, Ct));
                    lock (refusals)
                    {
                        refusals.Add((kind, thrown));
                    }
                    continue;
                }
                var marker = $"<{client}.{i}>";
                var operation = TextOperation.Create(OpComponent.Retain(step.Position), OpComponent.Insert(marker), OpComponent.Delete(step.Deleted));
                var result = await node.SubmitAsync(documentId, start.Revision, operation, _database.Thomas, clientId, i, Ct);
                lock (stored)
                {
                    stored.Add((marker, result));
                }
            }
        }, Ct)));

        foreach (var (kind, thrown) in refusals)
        {
            var refused = Assert.IsType<InvalidTextOperationException>(thrown);
            Assert.Equal(ExpectedError(kind), refused.Error);
        }
        var now = await node.GetAsync(documentId, Ct);
        Assert.Equal(start.Revision + stored.Count, now.Revision);
        Assert.Equal(Enumerable.Range((int)start.Revision + 1, stored.Count), stored.Select(s => (int)s.Result.Committed.Revision).Order());
        Assert.All(stored, s => Assert.Contains(s.Marker, now.Text, StringComparison.Ordinal));
        Assert.Equal(now.Text, await node.TextAtAsync(documentId, now.Revision, Ct));
        var restarted = _database.Node();
        Assert.Equal(now, await restarted.GetAsync(documentId, Ct));
        await _database.StopAsync(restarted);
    }

    /// <summary>The operation as the server reads it from a client's JSON (as the hub does).</summary>
    private static TextOperation MalformedOperation(Malformed kind) => kind switch
    {
        Malformed.OverflowingKeepAndDelete => TextOperation.Parse("[2147483647, -2147483647]"),
        Malformed.OverflowingKeeps => TextOperation.Parse("[2147483647, 2147483647, \"x\"]"),
        Malformed.OverflowingDeletes => TextOperation.Parse("[-2147483647, -2]"),
        Malformed.NegativeKeep => TextOperation.Parse("[-2147483648, \"x\"]"),
        Malformed.WrongBaseLength => TextOperation.Create(OpComponent.Retain(InitialText.Length + 3), OpComponent.Insert("x")),
        Malformed.DeleteBeyondTheEnd => TextOperation.Create(OpComponent.Retain(5), OpComponent.Delete(InitialText.Length)),
        Malformed.HugeInsert => TextOperation.Insert(0, new string('x', MaxOperationLength + 1)),
        Malformed.LoneSurrogate => TextOperation.Insert(3, "\ud83d"),
        Malformed.UnknownRevision => TextOperation.Insert(0, "x"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static CoEditingError ExpectedError(Malformed kind) => kind switch
    {
        Malformed.NegativeKeep or Malformed.LoneSurrogate => CoEditingError.Malformed,
        Malformed.HugeInsert => CoEditingError.OperationTooLarge,
        Malformed.UnknownRevision => CoEditingError.UnknownRevision,
        _ => CoEditingError.DoesNotFitText,
    };
}
