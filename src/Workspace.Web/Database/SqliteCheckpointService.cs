using Microsoft.Data.Sqlite;
using Workspace.Data.Sqlite;

namespace Workspace.Web.Database;

/// <summary>
/// Moves SQLite's write-ahead log into the database file every second, on a thread of its own, so that no commit waits
/// for the disk (automatic checkpoints are off, see <see cref="SqliteTuning"/>). At shutdown it empties the log.
/// </summary>
public sealed class SqliteCheckpointService(string connectionString, ILogger<SqliteCheckpointService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly Lock _oneAtATime = new();

    /// <summary>
    /// One checkpoint on a connection of its own, never two of this node's at once (the second would find SQLite busy);
    /// another node's checkpoint running at the same time is no error.
    /// </summary>
    public WalCheckpoint? Checkpoint(bool truncate = false)
    {
        try
        {
            lock (_oneAtATime)
            {
                using var connection = new SqliteConnection(connectionString);
                connection.Open();
                return SqliteTuning.Checkpoint(connection, truncate);
            }
        }
        catch (SqliteException ex)
        {
            logger.LogDebug(ex, "SQLite checkpoint skipped; the next one catches up");
            return null;
        }
    }

    // The checkpoint waits for the disk in native code: a dedicated thread keeps that wait off the thread pool.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Factory.StartNew(() =>
        {
            while (!stoppingToken.WaitHandle.WaitOne(Interval))
            {
                Checkpoint();
            }
        }, stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Checkpoint(truncate: true);
    }
}
