using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Workspace.Data.Sqlite;

/// <summary>
/// SQLite as the embedded database of a busy app: write-ahead logging (readers do not wait for a writer) and
/// synchronous=NORMAL, which in WAL mode syncs at checkpoints instead of every commit. A commit survives a crash of
/// the app; only a power cut or OS crash can lose the last commits, never corrupt the file. That is what makes
/// many small writes (co-editing, presence-driven updates) cheap.
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
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }
}
