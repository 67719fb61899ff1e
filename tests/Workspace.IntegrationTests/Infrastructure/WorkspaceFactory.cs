using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;

namespace Workspace.IntegrationTests.Infrastructure;

/// <summary>
/// The app in the Development environment on its own SQLite file with the demo data, signed in through
/// the real development sign-in. The file is deleted when the factory is disposed.
/// </summary>
public class WorkspaceFactory : WebApplicationFactory<Program>
{
    public string DatabaseFile { get; } = Path.Combine(Path.GetTempPath(), $"radsrum-tests-{Guid.NewGuid():N}.db");

    /// <summary>The app's file store (the demo's hearing material and what tests upload), deleted with the factory.</summary>
    public string StorageFolder { get; } = Path.Combine(Path.GetTempPath(), $"radsrum-tests-store-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environments.Development);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", "");
        builder.UseSetting("Database:SqliteFile", DatabaseFile);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("Storage:LocalPath", StorageFolder);
        // Development sign-in only exists without Entra ID; make sure no user secret or variable switches it on.
        builder.UseSetting("AzureAd:ClientId", "");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        // Pooled connections keep the file open.
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { DatabaseFile, DatabaseFile + "-wal", DatabaseFile + "-shm", DatabaseFile + "-journal" })
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
        try
        {
            if (Directory.Exists(StorageFolder))
            {
                Directory.Delete(StorageFolder, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort, as above.
        }
    }
}
