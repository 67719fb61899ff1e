using Workspace.IntegrationTests.Infrastructure;

namespace Workspace.IntegrationTests.RoomScreen;

/// <summary>An app of its own for the room screen's tests: they start meetings and call substitutes in.</summary>
public sealed class RoomScreenFactory : WorkspaceFactory;
