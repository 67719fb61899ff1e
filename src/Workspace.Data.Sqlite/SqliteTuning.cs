using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workspace.Data.Sqlite;

/// <summary>
/// SQLite as the embedded database of a busy app: write-ahead logging (readers do not wait for a writer) and
/// synchronous=NORMAL, which in WAL mode syncs at checkpoints instead of every commit. A commit survives a crash of
/// the app; only a power cut or OS crash can lose the last commits, never corrupt the file. That is what makes
/// many small writes (co-editing, presence-driven updates) cheap.
/// Automatic checkpoints are off (wal_autocheckpoint=0): SQLite would otherwise copy the log into the file, and wait
/// for the disk, inside whichever commit crosses 1,000 log pages, and every co-editor in that batch would wait with it
/// (p99 of 90-130 ms instead of about 20 ms at 100 authors). The app checkpoints in the background instead
/// (<see cref="Checkpoint"/>, called by the web app's SqliteCheckpointService).
/// A connection that finds the database locked by another writer waits in SQLite's own busy handler (busy_timeout),
/// which retries within milliseconds; Microsoft.Data.Sqlite's retry would block the thread for 150 ms per attempt.
/// </summary>
public sealed class SqliteTuning : DbConnectionInterceptor
{
    public static readonly SqliteTuning Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Tune(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Tune(connection);
        return Task.CompletedTask;
    }

    /// <summary>Switches the database file to write-ahead logging; the mode is stored in the file, so once is enough.</summary>
    public static void UseWriteAheadLog(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }

    private static void Tune(DbConnection connection)
    {
        if (connection is not SqliteConnection)
        {
            return;
        }
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=0; PRAGMA busy_timeout=30000;";
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Copies the write-ahead log into the database file. <paramref name="truncate"/> false (PASSIVE) never waits for
    /// readers or writers; true (TRUNCATE, at shutdown) also empties the log file.
    /// </summary>
    public static WalCheckpoint Checkpoint(DbConnection connection, bool truncate = false)
    {
        using var command = connection.CreateCommand();
        command.CommandText = truncate ? "PRAGMA wal_checkpoint(TRUNCATE);" : "PRAGMA wal_checkpoint(PASSIVE);";
        // TRUNCATE waits for other connections (another node's readers); shutdown must not wait long for them.
        command.CommandTimeout = 5;
        using var reader = command.ExecuteReader();
        reader.Read();
        return new WalCheckpoint(reader.GetInt32(0) != 0, reader.GetInt32(1), reader.GetInt32(2));
    }
}

/// <summary>What a checkpoint did: whether it was blocked, the log's pages and how many of them are in the file now.</summary>
public readonly record struct WalCheckpoint(bool Busy, int LogPages, int CheckpointedPages);
