using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Data.Sqlite;
using Workspace.Web.Database;

namespace Workspace.IntegrationTests.Data;

/// <summary>
/// No commit waits for SQLite's checkpoint: the app's connections do not checkpoint by themselves, and the background
/// service moves the log into the database file instead.
/// </summary>
public sealed class SqliteCheckpointTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    [Fact]
    public async Task The_apps_connections_leave_checkpoints_to_the_background()
    {
        // Act
        var pages = await PragmaOfAnAppConnectionAsync("wal_autocheckpoint");

        // Assert
        Assert.Equal(0, pages);
    }

    [Fact]
    public async Task The_apps_connections_wait_for_a_busy_database_in_SQLites_own_handler()
    {
        // Act (without it, Microsoft.Data.Sqlite retries a locked write every 150 ms, blocking its thread meanwhile)
        var milliseconds = await PragmaOfAnAppConnectionAsync("busy_timeout");

        // Assert: as long as the command timeout Microsoft.Data.Sqlite would have waited anyway
        Assert.Equal(30_000, milliseconds);
    }

    [Fact]
    public async Task Written_pages_reach_the_database_file_without_anyone_asking()
    {
        // Arrange: writes go to the log; only a checkpoint changes the database file itself
        factory.CreateClient().Dispose();
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE IF NOT EXISTS checkpoint_probe (payload BLOB);", Ct);
        var before = new FileInfo(factory.DatabaseFile).Length;

        // Act: about 2 MB, more than SQLite would keep in the log before its own (now disabled) checkpoint
        for (var i = 0; i < 64; i++)
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO checkpoint_probe (payload) VALUES (randomblob(32768));", Ct);
        }

        // Assert: the file grew within a few of the service's intervals
        var deadline = DateTime.UtcNow + 10 * SqliteCheckpointService.Interval;
        while (new FileInfo(factory.DatabaseFile).Length < before + 2_000_000 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
        }
        Assert.True(new FileInfo(factory.DatabaseFile).Length >= before + 2_000_000,
            $"The database file is {new FileInfo(factory.DatabaseFile).Length} bytes, {before} before the writes.");
    }

    [Fact]
    public async Task A_checkpoint_moves_the_whole_log_and_the_last_one_empties_it()
    {
        // Arrange
        factory.CreateClient().Dispose();
        var checkpoints = factory.Services.GetRequiredService<SqliteCheckpointService>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE IF NOT EXISTS checkpoint_probe (payload BLOB);", Ct);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO checkpoint_probe (payload) VALUES (randomblob(65536));", Ct);
        }

        // Act
        var passive = checkpoints.Checkpoint();
        var truncate = checkpoints.Checkpoint(truncate: true);

        // Assert
        Assert.NotNull(passive);
        Assert.False(passive.Value.Busy);
        Assert.Equal(passive.Value.LogPages, passive.Value.CheckpointedPages);
        Assert.NotNull(truncate);
        Assert.Equal(0, truncate.Value.LogPages);
        Assert.Equal(0, new FileInfo(factory.DatabaseFile + "-wal").Length);
    }

    [Fact]
    public async Task Two_checkpoints_of_one_node_at_the_same_moment_do_not_find_each_other_busy()
    {
        // Arrange: the service's own checkpoint every second, and one asked for at the same moment (at shutdown, in a test)
        factory.CreateClient().Dispose();
        var checkpoints = factory.Services.GetRequiredService<SqliteCheckpointService>();
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE IF NOT EXISTS checkpoint_probe (payload BLOB);", Ct);

        // Act
        var results = new List<WalCheckpoint?>();
        for (var round = 0; round < 20; round++)
        {
            await db.Database.ExecuteSqlRawAsync("INSERT INTO checkpoint_probe (payload) VALUES (randomblob(65536));", Ct);
            using var start = new Barrier(2);
            var both = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
            {
                start.SignalAndWait(Ct);
                return checkpoints.Checkpoint();
            }, Ct)));
            results.AddRange(both);
        }

        // Assert
        Assert.All(results, r => Assert.False(r is null || r.Value.Busy, "A checkpoint found the other one running."));
    }

    /// <summary>A PRAGMA's value on a connection the app's own context opens (so with the app's tuning applied).</summary>
    private async Task<long> PragmaOfAnAppConnectionAsync(string name)
    {
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync(Ct);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return Convert.ToInt64(await command.ExecuteScalarAsync(Ct));
    }
}
