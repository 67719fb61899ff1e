using System.Security.Claims;
using Workspace.Web.Features.Access;

namespace Workspace.UnitTests.Access;

public sealed class WorkspaceUserTests
{
    private static ClaimsPrincipal Principal(params Claim[] claims) =>
        new(new ClaimsIdentity(claims, authenticationType: "Test", WorkspaceClaims.Name, WorkspaceClaims.Roles));

    [Fact]
    public void Roles_come_from_the_entra_roles_claim()
    {
        // Arrange
        var principal = Principal(
            new Claim(WorkspaceClaims.Roles, WorkspaceRoles.Member),
            new Claim(WorkspaceClaims.Roles, WorkspaceRoles.Substitute));

        // Act
        var user = WorkspaceUser.From(principal);

        // Assert
        Assert.Equal(new HashSet<string> { WorkspaceRoles.Member, WorkspaceRoles.Substitute }, user.Roles);
        Assert.True(user.IsInRole(WorkspaceRoles.Member));
        Assert.False(user.IsInRole(WorkspaceRoles.Administration));
    }

    [Fact]
    public void Roles_come_from_the_standard_role_claim_too()
    {
        // Arrange
        var principal = Principal(
            new Claim(ClaimTypes.Role, WorkspaceRoles.Administration),
            new Claim(WorkspaceClaims.Roles, WorkspaceRoles.Member));

        // Act
        var user = WorkspaceUser.From(principal);

        // Assert
        Assert.Equal(new HashSet<string> { WorkspaceRoles.Administration, WorkspaceRoles.Member }, user.Roles);
    }

    [Fact]
    public void Unknown_roles_are_ignored()
    {
        // Arrange
        var principal = Principal(
            new Claim(WorkspaceClaims.Roles, "GlobalAdmin"),
            new Claim(ClaimTypes.Role, "member"),
            new Claim(WorkspaceClaims.Roles, WorkspaceRoles.Substitute));

        // Act
        var user = WorkspaceUser.From(principal);

        // Assert
        Assert.Equal(new HashSet<string> { WorkspaceRoles.Substitute }, user.Roles);
    }

    [Fact]
    public void Person_id_and_name_come_from_their_claims()
    {
        // Arrange
        var personId = Guid.NewGuid();
        var principal = Principal(
            new Claim(WorkspaceClaims.PersonId, personId.ToString()),
            new Claim(WorkspaceClaims.Name, "Mia Kragh"));

        // Act
        var user = WorkspaceUser.From(principal);

        // Assert
        Assert.Equal(personId, user.PersonId);
        Assert.Equal("Mia Kragh", user.Name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-guid")]
    public void Missing_or_malformed_person_id_gives_no_person(string? claimValue)
    {
        // Arrange
        var claims = claimValue is null ? [] : new[] { new Claim(WorkspaceClaims.PersonId, claimValue) };
        var principal = Principal([.. claims, new Claim(WorkspaceClaims.Roles, WorkspaceRoles.Member)]);

        // Act
        var user = WorkspaceUser.From(principal);

        // Assert
        Assert.Null(user.PersonId);
        Assert.Contains(WorkspaceRoles.Member, user.Roles);
    }

    [Fact]
    public void Unauthenticated_principal_is_anonymous_even_with_claims()
    {
        // Arrange
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(WorkspaceClaims.Roles, WorkspaceRoles.Administration), new Claim(WorkspaceClaims.PersonId, Guid.NewGuid().ToString())]));

        // Act
        var user = WorkspaceUser.From(principal);

        // Assert
        Assert.Same(WorkspaceUser.Anonymous, user);
        Assert.Null(user.PersonId);
        Assert.Empty(user.Roles);
    }
}
