using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Workspace.Data.Sqlite;

public static class SqliteProvider
{
    public static void Configure(SqliteDbContextOptionsBuilder options) =>
        options.MigrationsAssembly(typeof(SqliteProvider).Assembly.GetName().Name);
}
