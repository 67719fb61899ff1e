using Workspace.Data.Entities;

namespace Workspace.Web.Features.Access;

/// <summary>The Entra ID app roles of the workspace, as they appear in the <c>roles</c> claim.</summary>
public static class WorkspaceRoles
{
    public const string Administration = "Administration";
    public const string Member = "Member";
    public const string Substitute = "Substitute";

    public static readonly string[] All = [Administration, Member, Substitute];

    /// <summary>The app role a membership stands for, where no Entra token says it (development sign-in, calendar feed).</summary>
    public static string For(MembershipKind kind) => kind switch
    {
        MembershipKind.Administration => Administration,
        MembershipKind.Member => Member,
        _ => Substitute,
    };
}

/// <summary>Claim types the workspace issues or reads.</summary>
public static class WorkspaceClaims
{
    /// <summary>The Entra ID claim that carries app roles; also used for development sign-in.</summary>
    public const string Roles = "roles";
    public const string Name = "name";

    /// <summary>The id of the workspace's Person row that the signed-in account is linked to.</summary>
    public const string PersonId = "workspace_person";

    public const string ObjectId = "oid";
    public const string ObjectIdUri = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    public const string PreferredUsername = "preferred_username";
    public const string Email = "email";
}

public static class WorkspacePolicies
{
    /// <summary>Signed in with at least one of the workspace's app roles.</summary>
    public const string WorkspaceUser = "WorkspaceUser";
}
