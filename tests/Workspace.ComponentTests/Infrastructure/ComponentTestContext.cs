using System.Globalization;
using System.Security.Claims;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Data.Sqlite;
using Workspace.Web.Components.Shared;
using Workspace.Web.Database;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Attachments;
using Workspace.Web.Extensions;
using Workspace.Web.Resources;
using Workspace.Web.Seeding;

namespace Workspace.ComponentTests.Infrastructure;

/// <summary>
/// A bUnit context with the app's real services over a real, migrated and seeded SQLite database
/// (one temporary file per test), MudBlazor in loose JS interop mode and Danish texts.
/// </summary>
public abstract class ComponentTestContext : BunitContext, IAsyncLifetime
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"workspace-component-{Guid.NewGuid():N}.db");
    private readonly string _filesFolder = Path.Combine(Path.GetTempPath(), $"workspace-component-files-{Guid.NewGuid():N}");
    private readonly DbContextOptions<WorkspaceDbContext> _dbOptions;

    protected ComponentTestContext()
    {
        // xunit.runner.json also asks for da-DK; set here too so a test never depends on the runner's configuration.
        CultureInfo.CurrentCulture = Danish;
        CultureInfo.CurrentUICulture = Danish;

        // No pooling, so that the file can be deleted when the test ends.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = _databaseFile, Pooling = false }.ToString();
        _dbOptions = new DbContextOptionsBuilder<WorkspaceDbContext>()
            .UseSqlite(connectionString, SqliteProvider.Configure)
            .Options;

        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddLogging();
        Services.AddLocalization();
        Services.AddMudServices();
        Services.AddSingleton(DbCommands);
        Services.AddDbContextFactory<WorkspaceDbContext>(o => o.UseSqlite(connectionString, SqliteProvider.Configure).AddInterceptors(DbCommands));
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<CouncilAccess>();
        AddFeatureServicesAsTheAppDoes();
        // Attachments go to the test's own temporary folder (registered last, so it wins over the app's default).
        Services.AddSingleton<IFileStore>(new LocalFolderFileStore(_filesFolder));
    }

    /// <summary>
    /// The feature services (MeetingService, RemarkService, CouncilService, CopenhagenTime, MarkdownRenderer, FormErrors,
    /// the in-process IMeetingNotifier ...) registered by the app's own extension methods, so that a service a page
    /// starts to need is registered here too, with the same lifetime.
    /// </summary>
    private void AddFeatureServicesAsTheAppDoes()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        var before = builder.Services.ToHashSet();
        builder.AddWorkspaceRealtime();
        builder.AddWorkspaceFeatures();
        foreach (var descriptor in builder.Services.Where(d => !before.Contains(d)))
        {
            Services.Add(descriptor);
        }
    }

    public async ValueTask InitializeAsync()
    {
        await using var db = CreateDbContext();
        await db.Database.MigrateAsync();
        // DemoData only needs the time zone conversions of CopenhagenTime, not its texts.
        var localizerFactory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance);
        var copenhagenTime = new CopenhagenTime(new StringLocalizer<SharedResource>(localizerFactory));
        // The hearings' files go to the test's own folder, the store the pages read them from.
        await new DemoData(TimeProvider.System, copenhagenTime, new LocalFolderFileStore(_filesFolder)).SeedIfEmptyAsync(db);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        File.Delete(_databaseFile);
        if (Directory.Exists(_filesFolder))
        {
            Directory.Delete(_filesFolder, recursive: true);
        }
    }

    /// <summary>The commands the app's services send to the database (not those of <see cref="CreateDbContext"/>).</summary>
    protected DbCommandCounter DbCommands { get; } = new();

    /// <summary>A context of its own over the test's database, for arranging data and checking what was saved.</summary>
    protected WorkspaceDbContext CreateDbContext() => new(_dbOptions);

    /// <summary>
    /// Signs the test user in as a demo person, with the claims the app issues: their Person id, their name
    /// and the app roles their memberships imply. Call before rendering.
    /// </summary>
    protected WorkspaceUser SignInAs(string personName)
    {
        var user = UserFor(personName);
        var authorization = AddAuthorization();
        authorization.SetAuthorized(personName);
        authorization.SetClaims(
        [
            new Claim(WorkspaceClaims.PersonId, user.PersonId!.Value.ToString()),
            new Claim(WorkspaceClaims.Name, user.Name),
            .. user.Roles.Select(role => new Claim(WorkspaceClaims.Roles, role)),
        ]);
        return user;
    }

    /// <summary>The user a demo person is when signed in, for calling services as someone else.</summary>
    protected WorkspaceUser UserFor(string personName)
    {
        using var db = CreateDbContext();
        var person = db.People.AsNoTracking().Include(p => p.Memberships).Single(p => p.Name == personName);
        var roles = person.Memberships.Select(m => RoleFor(m.Kind)).ToHashSet();
        return new WorkspaceUser(person.Id, person.Name, roles);
    }

    protected Guid CouncilId(string councilName)
    {
        using var db = CreateDbContext();
        return db.Councils.Where(c => c.Name == councilName).Select(c => c.Id).Single();
    }

    /// <summary>The single agenda item with this title (titles like "Eventuelt" repeat; use a distinctive one).</summary>
    protected AgendaItem Item(string title)
    {
        using var db = CreateDbContext();
        return db.AgendaItems.AsNoTracking().Single(i => i.Title == title);
    }

    protected Guid MeetingIdWithItem(string itemTitle) => Item(itemTitle).MeetingId;

    protected int RemarkCount(Guid agendaItemId)
    {
        using var db = CreateDbContext();
        return db.Remarks.Count(r => r.AgendaItemId == agendaItemId);
    }

    private static string RoleFor(MembershipKind kind) => kind switch
    {
        MembershipKind.Administration => WorkspaceRoles.Administration,
        MembershipKind.Member => WorkspaceRoles.Member,
        _ => WorkspaceRoles.Substitute,
    };
}

/// <summary>Titles of demo agenda items the tests use.</summary>
public static class DemoItems
{
    /// <summary>Item 6 of the next Udsatterådet meeting: a hearing with remarks by Jens Vestergaard and Mia Kragh.</summary>
    public const string Hearing = "Høring: Udkast til hjemløsestrategi 2027–2030";

    /// <summary>Item 7 of the next Udsatterådet meeting: closed, for members and administration only.</summary>
    public const string Closed = "Henvendelse fra en borger om husleje og bostøtte";

    /// <summary>Item 4 of the next Udsatterådet meeting, with a Markdown list in its background.</summary>
    public const string HousingTalk = "Oplæg om den boligsociale indsats";
}
