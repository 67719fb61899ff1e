using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Data;
using Workspace.Data.Sqlite;
using Workspace.Data.SqlServer;

namespace Workspace.IntegrationTests.Data;

public sealed class ModelAndMigrationTests
{
    private static WorkspaceDbContext SqliteContext(string connectionString) =>
        new(new DbContextOptionsBuilder<WorkspaceDbContext>().UseSqlite(connectionString, SqliteProvider.Configure).Options);

    /// <summary>No server is contacted: the model is compared with the migrations' snapshot.</summary>
    private static WorkspaceDbContext SqlServerContext() =>
        new(new DbContextOptionsBuilder<WorkspaceDbContext>()
            .UseSqlServer("Server=.;Database=x;Trusted_Connection=True", SqlServerProvider.Configure).Options);

    [Fact]
    public void Sqlite_migrations_have_no_pending_model_changes()
    {
        // Arrange
        using var db = SqliteContext("Data Source=:memory:");

        // Act
        var pending = db.Database.HasPendingModelChanges();

        // Assert
        Assert.False(pending, "Add a migration: dotnet ef migrations add NAME --project src/Workspace.Data.Sqlite");
    }

    [Fact]
    public void SqlServer_migrations_have_no_pending_model_changes()
    {
        // Arrange
        using var db = SqlServerContext();

        // Act
        var pending = db.Database.HasPendingModelChanges();

        // Assert
        Assert.False(pending, "Add a migration: dotnet ef migrations add NAME --project src/Workspace.Data.SqlServer");
    }

    [Fact]
    public void Each_provider_finds_its_own_migrations()
    {
        // Arrange
        using var sqlite = SqliteContext("Data Source=:memory:");
        using var sqlServer = SqlServerContext();

        // Act
        var sqliteMigrations = sqlite.Database.GetMigrations().ToList();
        var sqlServerMigrations = sqlServer.Database.GetMigrations().ToList();

        // Assert
        Assert.NotEmpty(sqliteMigrations);
        Assert.NotEmpty(sqlServerMigrations);
        Assert.Equal(typeof(SqliteProvider).Assembly, sqlite.GetService<IMigrationsAssembly>().Assembly);
        Assert.Equal(typeof(SqlServerProvider).Assembly, sqlServer.GetService<IMigrationsAssembly>().Assembly);
    }

    [Fact]
    public void SqlServer_migration_script_creates_every_table_of_the_model()
    {
        // Arrange
        using var db = SqlServerContext();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct().ToList();

        // Act
        var script = db.GetService<IMigrator>().GenerateScript();

        // Assert
        Assert.All(tables, table => Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sqlite_migrations_apply_to_an_empty_file()
    {
        // Arrange
        var file = Path.Combine(Path.GetTempPath(), $"radsrum-migrate-{Guid.NewGuid():N}.db");
        try
        {
            await using var db = SqliteContext($"Data Source={file}");

            // Act
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);

            // Assert
            var expectedTables = db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Append("__EFMigrationsHistory").Distinct().ToList();
            var tables = await db.Database
                .SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'table'")
                .ToListAsync(TestContext.Current.CancellationToken);
            Assert.All(expectedTables, table => Assert.Contains(table, tables));
            var applied = await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken);
            Assert.Equal(db.Database.GetMigrations(), applied);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Migrated_sqlite_database_accepts_the_demo_data()
    {
        // Arrange
        var file = Path.Combine(Path.GetTempPath(), $"radsrum-seed-{Guid.NewGuid():N}.db");
        var folder = Path.Combine(Path.GetTempPath(), $"radsrum-seed-files-{Guid.NewGuid():N}");
        var store = new Workspace.Web.Features.Attachments.LocalFolderFileStore(folder);
        var services = new ServiceCollection().AddLogging().AddLocalization()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<Workspace.Web.Features.Attachments.IFileStore>(store)
            .AddSingleton<Workspace.Web.Components.Shared.CopenhagenTime>()
            .AddTransient<Workspace.Web.Seeding.DemoData>()
            .BuildServiceProvider();
        try
        {
            await using var db = SqliteContext($"Data Source={file}");
            await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
            var demo = services.GetRequiredService<Workspace.Web.Seeding.DemoData>();

            // Act: twice, the second time is a no-op
            await demo.SeedIfEmptyAsync(db, TestContext.Current.CancellationToken);
            await demo.SeedIfEmptyAsync(db, TestContext.Current.CancellationToken);

            // Assert
            Assert.Equal(2, await db.Councils.CountAsync(TestContext.Current.CancellationToken));
            // Held, next and later, and the one with approved minutes (#15).
            Assert.Equal(4, await db.Meetings.CountAsync(m => m.Council!.Name == "Udsatterådet", TestContext.Current.CancellationToken));
            // The hearings' material (#14) is in the file store, once, as files an upload would accept.
            var attachments = await db.HearingAttachments.ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(2, attachments.Count);
            Assert.Equal(2, Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count());
            foreach (var attachment in attachments)
            {
                await using var stored = await store.OpenReadAsync(attachment.StorageKey, TestContext.Current.CancellationToken);
                using var copy = new MemoryStream();
                await stored!.CopyToAsync(copy, TestContext.Current.CancellationToken);
                Assert.Equal(attachment.Size, copy.Length);
                Assert.Equal(Workspace.Web.Features.Attachments.FileTypes.Pdf,
                    Workspace.Web.Features.Attachments.FileTypes.Detect(attachment.FileName, copy.ToArray().AsSpan(0, Workspace.Web.Features.Attachments.FileTypes.HeaderLength)));
                Assert.EndsWith("%%EOF\n", System.Text.Encoding.Latin1.GetString(copy.ToArray()), StringComparison.Ordinal);
            }
        }
        finally
        {
            await services.DisposeAsync();
            SqliteConnection.ClearAllPools();
            File.Delete(file);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
