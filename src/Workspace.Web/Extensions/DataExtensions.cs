using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Sqlite;
using Workspace.Data.SqlServer;
using Workspace.Web.Database;

namespace Workspace.Web.Extensions;

public static class DataExtensions
{
    /// <summary>Registers <see cref="WorkspaceDbContext"/> through a factory, with the provider from <c>Database:Provider</c>.</summary>
    public static WebApplicationBuilder AddWorkspaceData(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DbCommandCounter>();

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var connectionString = string.IsNullOrWhiteSpace(options.ConnectionString)
                    ? $"Data Source={SqliteFilePath(builder.Environment, options)}"
                    : options.ConnectionString;
                builder.Services.AddDbContextFactory<WorkspaceDbContext>((sp, o) => o.UseSqlite(connectionString, SqliteProvider.Configure)
                    .AddInterceptors(SqliteTuning.Instance, sp.GetRequiredService<DbCommandCounter>()));
                builder.Services.AddSingleton(sp => new SqliteCheckpointService(connectionString, sp.GetRequiredService<ILogger<SqliteCheckpointService>>()));
                builder.Services.AddHostedService(sp => sp.GetRequiredService<SqliteCheckpointService>());
                break;
            case DatabaseProvider.SqlServer:
                if (string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    throw new InvalidOperationException(
                        "Database:Provider is SqlServer but Database:ConnectionString is empty. Set it (e.g. the environment variable Database__ConnectionString).");
                }
                builder.Services.AddDbContextFactory<WorkspaceDbContext>((sp, o) => o.UseSqlServer(options.ConnectionString, SqlServerProvider.Configure)
                    .AddInterceptors(sp.GetRequiredService<DbCommandCounter>()));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'. Use Sqlite or SqlServer.");
        }

        return builder;
    }

    /// <summary>Applies migrations and seeds the demo council, as configured.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<DatabaseOptions>();
        var factory = app.Services.GetRequiredService<IDbContextFactory<WorkspaceDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.OpenConnectionAsync();
            SqliteTuning.UseWriteAheadLog(db.Database.GetDbConnection());
            await db.Database.CloseConnectionAsync();
        }
        if (options.MigrateOnStartup)
        {
            await db.Database.MigrateAsync();
        }
        if (options.SeedDemoData)
        {
            await app.Services.GetRequiredService<Seeding.DemoData>().SeedIfEmptyAsync(db);
        }
    }

    private static string SqliteFilePath(IWebHostEnvironment environment, DatabaseOptions options)
    {
        var path = Path.IsPathRooted(options.SqliteFile)
            ? options.SqliteFile
            : Path.Combine(environment.ContentRootPath, options.SqliteFile);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The SQLite file, relative to the content root unless rooted.</summary>
    public string SqliteFile { get; set; } = "App_Data/workspace.db";

    public string? ConnectionString { get; set; }
    public bool MigrateOnStartup { get; set; } = true;
    public bool SeedDemoData { get; set; }
}
