using System.Reflection;

namespace Workspace.EndToEndTests.Infrastructure;

/// <summary>Where the app under test lives, as embedded by the test project file at build time.</summary>
public static class AppPaths
{
    /// <summary>src/Workspace.Web: the content root, so that the Development static web assets resolve.</summary>
    public static string WebProjectDirectory { get; } = Metadata("WorkspaceWebProjectDir");

    /// <summary>src/Workspace.Web/bin/&lt;Configuration&gt;/net10.0/Workspace.Web.dll, built with the tests' configuration.</summary>
    public static string WebDll { get; } = Metadata("WorkspaceWebDll");

    private static string Metadata(string key) =>
        typeof(AppPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == key)?.Value
        ?? throw new InvalidOperationException($"The test assembly has no AssemblyMetadata '{key}'; see the test project file.");
}
