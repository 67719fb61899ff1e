using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workspace.Data;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Hubs;

namespace Workspace.IntegrationTests.CoEditing;

/// <summary>The agenda item fields follow their co-edited texts, through database failures and after a crash.</summary>
public sealed class ItemFieldSyncTests
{
    [Fact]
    public async Task A_field_write_the_database_refuses_is_logged_and_retried_while_the_app_keeps_serving()
    {
        // Arrange
        await using var factory = new FailingFieldWritesFactory();
        var ids = await DemoIds.LoadAsync(factory);
        await using var secretary = await HubClients.ConnectAsync(factory, DevSignIn.Administration);
        var opened = await secretary.InvokeAsync<OpenTextResult>(nameof(MeetingHub.OpenText), ids.OpenItem, "background", Ct);
        factory.FieldWrites.FailNext(2);

        // Act
        var append = TextOperation.Insert(opened.Text.Length, " Skrevet mens databasen var optaget.");
        await secretary.InvokeAsync<TextSubmitResult>(nameof(MeetingHub.SubmitText), opened.DocumentId, opened.Revision, append, "tab-busy", 1L, Ct);
        var background = await WaitForBackgroundAsync(factory, ids.OpenItem, opened.Text + " Skrevet mens databasen var optaget.", TimeSpan.FromSeconds(30));

        // Assert: written after two refused tries, the host still runs and answers, and each failure was logged.
        Assert.Equal(opened.Text + " Skrevet mens databasen var optaget.", background);
        Assert.Equal(2, factory.FieldWrites.Refused);
        Assert.False(factory.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.IsCancellationRequested);
        var again = await secretary.InvokeAsync<OpenTextResult>(nameof(MeetingHub.OpenText), ids.OpenItem, "background", Ct);
        Assert.Equal(background, again.Text);
        Assert.Equal(2, factory.Logs.Count(e => e.Level == LogLevel.Warning && e.Category == typeof(ItemFieldSync).FullName));
        Assert.Equal(0, factory.Services.GetRequiredService<ItemFieldSync>().PendingCount);
    }

    [Fact]
    public async Task Reconciling_writes_the_fields_that_lack_their_texts_and_a_second_run_writes_nothing()
    {
        // Arrange: the text was stored, but the field kept its old value (the app stopped before the flush).
        await using var factory = new WorkspaceFactory();
        var ids = await DemoIds.LoadAsync(factory);
        var documents = factory.Services.GetRequiredService<TextDocumentService>();
        var documentId = TextDocumentIds.ForItem(ids.OpenItem, ItemText.Minutes);
        var start = await documents.GetAsync(documentId, Ct);
        await documents.SubmitAsync(documentId, start.Revision, TextOperation.Insert(start.Text.Length, "Rådet tog orienteringen til efterretning."),
            await DemoIds.PersonIdAsync(factory, DevSignIn.Administration), "tab-crash", 1, Ct);
        var sync = factory.Services.GetRequiredService<ItemFieldSync>();

        // Act
        var written = await sync.ReconcileAsync(Ct);
        var second = await sync.ReconcileAsync(Ct);

        // Assert
        Assert.Equal(1, written);
        Assert.Equal(0, second);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<WorkspaceDbContext>>().CreateDbContextAsync(Ct);
        var minutes = await db.AgendaItems.Where(i => i.Id == ids.OpenItem).Select(i => i.Minutes).SingleAsync(Ct);
        Assert.Equal(start.Text + "Rådet tog orienteringen til efterretning.", minutes);
    }

    private static async Task<string?> WaitForBackgroundAsync(WorkspaceFactory factory, Guid itemId, string expected, TimeSpan timeout)
    {
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<WorkspaceDbContext>>();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(Ct);
            var background = await db.AgendaItems.Where(i => i.Id == itemId).Select(i => i.Background).SingleAsync(Ct);
            if (background == expected || DateTime.UtcNow > deadline)
            {
                return background;
            }
            await Task.Delay(200, Ct);
        }
    }

    /// <summary>The app with a database that refuses the next few updates of agenda items, as a busy SQLite does.</summary>
    private sealed class FailingFieldWritesFactory : WorkspaceFactory
    {
        public FailAgendaItemUpdates FieldWrites { get; } = new();

        public CollectingLoggerProvider Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.ConfigureDbContext<WorkspaceDbContext>(o => o.AddInterceptors(FieldWrites)));
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }

    private sealed class FailAgendaItemUpdates : DbCommandInterceptor
    {
        private int _toFail;
        private int _refused;

        public int Refused => Volatile.Read(ref _refused);

        public void FailNext(int count) => Volatile.Write(ref _toFail, count);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("UPDATE \"AgendaItems\"", StringComparison.Ordinal) && Interlocked.Decrement(ref _toFail) >= 0)
            {
                Interlocked.Increment(ref _refused);
                throw new SqliteException("SQLite Error 5: 'database is locked'.", 5);
            }
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    public sealed record LogEntry(string Category, LogLevel Level, string Message);

    /// <summary>Keeps every log entry of the app, to check what it reported.</summary>
    private sealed class CollectingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<LogEntry> _entries = new();

        public int Count(Func<LogEntry, bool> match) => _entries.Count(match);

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception)));
        }
    }
}
