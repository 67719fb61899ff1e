namespace Workspace.EndToEndTests.Infrastructure;

/// <summary>
/// An account that <see cref="OidcStandIn"/> signs in: its Entra object id (<c>oid</c>), display name,
/// email (<c>preferred_username</c>) and app roles (<c>roles</c>; empty means no roles claim).
/// </summary>
public sealed record StandInUser(string ObjectId, string Name, string Email, string[] Roles);
