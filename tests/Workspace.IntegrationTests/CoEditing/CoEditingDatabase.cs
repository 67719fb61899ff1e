using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Data.Sqlite;
using Workspace.Web.Collaboration.CoEditing;

namespace Workspace.IntegrationTests.CoEditing;

/// <summary>
/// A migrated SQLite file shared by any number of app "nodes": each node is its own service provider with its own
/// <see cref="TextDocumentService"/> (own cache and locks), as two app instances behind a load balancer would be.
/// </summary>
public sealed class CoEditingDatabase : IAsyncDisposable
{
    private readonly List<ServiceProvider> _nodes = [];
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"radsrum-coedit-{Guid.NewGuid():N}.db");

    private string ConnectionString => $"Data Source={_file}";

    public Guid Iben { get; private set; }
    public Guid Thomas { get; private set; }

    public static async Task<CoEditingDatabase> CreateAsync()
    {
        var database = new CoEditingDatabase();
        await using var db = database.NewContext();
        await db.Database.MigrateAsync(Ct);
        var iben = new Person { Name = "Iben Sørensen" };
        var thomas = new Person { Name = "Thomas Lindberg" };
        db.People.AddRange(iben, thomas);
        await db.SaveChangesAsync(Ct);
        database.Iben = iben.Id;
        database.Thomas = thomas.Id;
        return database;
    }

    public WorkspaceDbContext NewContext() =>
        new(new DbContextOptionsBuilder<WorkspaceDbContext>().UseSqlite(ConnectionString, SqliteProvider.Configure).Options);

    /// <summary>A new node on the same database, registered as the app registers it.</summary>
    public TextDocumentService Node(Dictionary<string, string?>? settings = null, IInterceptor? interceptor = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddDbContextFactory<WorkspaceDbContext>(o =>
        {
            o.UseSqlite(ConnectionString, SqliteProvider.Configure);
            if (interceptor is not null)
            {
                o.AddInterceptors(interceptor);
            }
        });
        services.AddCoEditing(configuration);
        var provider = services.BuildServiceProvider();
        _nodes.Add(provider);
        return provider.GetRequiredService<TextDocumentService>();
    }

    /// <summary>Stops a node, as a restart does (its cache goes with it).</summary>
    public async Task StopAsync(TextDocumentService node)
    {
        var provider = _nodes.Single(p => ReferenceEquals(p.GetRequiredService<TextDocumentService>(), node));
        _nodes.Remove(provider);
        await provider.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm", _file + "-journal" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // Best effort: a temp file left behind must not fail the run.
            }
        }
    }
}

/// <summary>Runs <paramref name="race"/> once, just before the next save of the node it is given to: another node wins the revision.</summary>
public sealed class RaceBeforeNextSave(Func<Task> race) : SaveChangesInterceptor
{
    private int _armed = 1;

    public int Races { get; private set; }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _armed, 0) == 1)
        {
            Races++;
            await race();
        }
        return result;
    }
}
