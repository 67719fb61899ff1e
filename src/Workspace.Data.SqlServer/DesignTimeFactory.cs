using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Workspace.Data.SqlServer;

/// <summary>Lets <c>dotnet ef migrations add NAME --project src/Workspace.Data.SqlServer</c> build the context.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<WorkspaceDbContext>
{
    public WorkspaceDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<WorkspaceDbContext>()
            .UseSqlServer("Server=(localdb)\\design-time;Database=Workspace;Trusted_Connection=True", SqlServerProvider.Configure)
            .Options);
}
