using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Data;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Account;

namespace Workspace.IntegrationTests.Infrastructure;

/// <summary>
/// The user a development sign-in would give, for tests that call feature services directly
/// (the rights are checked in the services, so pages, API and hub share what these tests prove).
/// </summary>
public static class ServiceUsers
{
    public static async Task<WorkspaceUser> UserAsync(this WorkspaceFactory factory, string personName)
    {
        var dbFactory = factory.Services.GetRequiredService<IDbContextFactory<WorkspaceDbContext>>();
        await using var db = await dbFactory.CreateDbContextAsync(TestCancellation.Ct);
        var personId = await db.People.Where(p => p.Name == personName).Select(p => p.Id).SingleAsync(TestCancellation.Ct);
        var principal = await factory.Services.GetRequiredService<DevelopmentSignIn>().CreatePrincipalAsync(personId, TestCancellation.Ct)
            ?? throw new InvalidOperationException($"No person named {personName}.");
        return WorkspaceUser.From(principal);
    }

    public static T Service<T>(this WorkspaceFactory factory) where T : notnull => factory.Services.GetRequiredService<T>();
}
