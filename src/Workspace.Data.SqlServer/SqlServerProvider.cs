using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Workspace.Data.SqlServer;

public static class SqlServerProvider
{
    public static void Configure(SqlServerDbContextOptionsBuilder options) =>
        options
            .MigrationsAssembly(typeof(SqlServerProvider).Assembly.GetName().Name)
            .EnableRetryOnFailure(maxRetryCount: 5, maxRetryDelay: TimeSpan.FromSeconds(10), errorNumbersToAdd: null);
}
