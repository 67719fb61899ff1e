using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workspace.IntegrationTests.Infrastructure;

namespace Workspace.IntegrationTests.FollowUps;

/// <summary>A clock the test moves forward; it starts at the real time, so the demo data is laid out around today.</summary>
public sealed class MovableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}

/// <summary>
/// The app with its mail in a temporary folder of its own, the reminder timer off (the tests call it with a moved
/// clock instead) and a <see cref="MovableClock"/>.
/// </summary>
public sealed class FollowUpsFactory : WorkspaceFactory
{
    public string PickupDirectory { get; } = Path.Combine(Path.GetTempPath(), $"radsrum-followup-mail-{Guid.NewGuid():N}");

    public MovableClock Clock { get; } = new();

    public IReadOnlyList<string> MailFiles =>
        Directory.Exists(PickupDirectory) ? Directory.GetFiles(PickupDirectory, "*.eml") : [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Email:PickupDirectory", PickupDirectory);
        builder.UseSetting("Email:Smtp:Host", "");
        builder.UseSetting("FollowUps:Reminders:Enabled", "false");
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(PickupDirectory))
        {
            Directory.Delete(PickupDirectory, recursive: true);
        }
    }
}
