namespace Workspace.EndToEndTests.Infrastructure;

/// <summary>How an app process ended by itself: its exit code and everything it wrote to stdout and stderr.</summary>
public sealed record AppExit(int ExitCode, string Output);
