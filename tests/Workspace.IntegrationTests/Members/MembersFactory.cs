using Microsoft.AspNetCore.Hosting;
using Workspace.IntegrationTests.Infrastructure;

namespace Workspace.IntegrationTests.Members;

/// <summary>The app with its mail written as .eml files to a temporary folder of its own, deleted afterwards.</summary>
public sealed class MembersFactory : WorkspaceFactory
{
    public string PickupDirectory { get; } = Path.Combine(Path.GetTempPath(), $"radsrum-mail-{Guid.NewGuid():N}");

    public IReadOnlyList<string> MailFiles =>
        Directory.Exists(PickupDirectory) ? Directory.GetFiles(PickupDirectory, "*.eml") : [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Email:PickupDirectory", PickupDirectory);
        // No SMTP server from a developer's secrets or environment: mail goes to the folder.
        builder.UseSetting("Email:Smtp:Host", "");
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
