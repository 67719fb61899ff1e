using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Workspace.Data.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add NAME --project src/Workspace.Data.Sqlite</c> build the context.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<WorkspaceDbContext>
{
    public WorkspaceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<WorkspaceDbContext>()
            .UseSqlite("Data Source=design-time.db", SqliteProvider.Configure)
            .Options);
}
