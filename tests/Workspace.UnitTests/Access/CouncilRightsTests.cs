using Workspace.Data.Entities;
using Workspace.Web.Features.Access;

namespace Workspace.UnitTests.Access;

public sealed class CouncilRightsTests
{
    private static WorkspaceUser User(params string[] roles) => new(Guid.NewGuid(), "Test", roles.ToHashSet());

    [Fact]
    public void Administration_with_administration_membership_reads_manages_and_sees_closed_items_but_does_not_remark()
    {
        // Arrange
        var user = User(WorkspaceRoles.Administration);

        // Act
        var rights = CouncilRights.For(user, [MembershipKind.Administration]);

        // Assert
        Assert.True(rights.CanRead);
        Assert.False(rights.CanRemark);
        Assert.True(rights.CanManage);
        Assert.True(rights.CanSeeClosedItems);
    }

    [Fact]
    public void Member_with_member_membership_reads_remarks_and_sees_closed_items_but_does_not_manage()
    {
        // Arrange
        var user = User(WorkspaceRoles.Member);

        // Act
        var rights = CouncilRights.For(user, [MembershipKind.Member]);

        // Assert
        Assert.True(rights.CanRead);
        Assert.True(rights.CanRemark);
        Assert.False(rights.CanManage);
        Assert.True(rights.CanSeeClosedItems);
    }

    [Fact]
    public void Substitute_with_substitute_membership_only_reads_and_does_not_see_closed_items()
    {
        // Arrange
        var user = User(WorkspaceRoles.Substitute);

        // Act
        var rights = CouncilRights.For(user, [MembershipKind.Substitute]);

        // Assert
        Assert.True(rights.CanRead);
        Assert.False(rights.CanRemark);
        Assert.False(rights.CanManage);
        Assert.False(rights.CanSeeClosedItems);
    }

    [Theory]
    [InlineData(WorkspaceRoles.Administration, MembershipKind.Member)]
    [InlineData(WorkspaceRoles.Administration, MembershipKind.Substitute)]
    [InlineData(WorkspaceRoles.Member, MembershipKind.Administration)]
    [InlineData(WorkspaceRoles.Member, MembershipKind.Substitute)]
    [InlineData(WorkspaceRoles.Substitute, MembershipKind.Member)]
    [InlineData(WorkspaceRoles.Substitute, MembershipKind.Administration)]
    public void Role_without_the_matching_membership_gives_nothing(string role, MembershipKind membership)
    {
        // Arrange
        var user = User(role);

        // Act
        var rights = CouncilRights.For(user, [membership]);

        // Assert
        Assert.Equal(CouncilRights.None, rights);
    }

    [Theory]
    [InlineData(MembershipKind.Administration)]
    [InlineData(MembershipKind.Member)]
    [InlineData(MembershipKind.Substitute)]
    public void Membership_without_any_role_gives_nothing(MembershipKind membership)
    {
        // Arrange
        var user = User();

        // Act
        var rights = CouncilRights.For(user, [membership]);

        // Assert
        Assert.Equal(CouncilRights.None, rights);
    }

    [Fact]
    public void Roles_without_membership_in_the_council_give_nothing()
    {
        // Arrange
        var user = User(WorkspaceRoles.Administration, WorkspaceRoles.Member, WorkspaceRoles.Substitute);

        // Act
        var rights = CouncilRights.For(user, []);

        // Assert
        Assert.Equal(CouncilRights.None, rights);
    }

    [Fact]
    public void User_without_person_id_gets_nothing_even_with_role_and_membership()
    {
        // Arrange
        var user = new WorkspaceUser(null, "No person", new HashSet<string>(WorkspaceRoles.All));

        // Act
        var rights = CouncilRights.For(user, [MembershipKind.Administration, MembershipKind.Member, MembershipKind.Substitute]);

        // Assert
        Assert.Equal(CouncilRights.None, rights);
    }

    [Fact]
    public void Member_who_is_also_administration_gets_both_sets_of_rights()
    {
        // Arrange
        var user = User(WorkspaceRoles.Administration, WorkspaceRoles.Member);

        // Act
        var rights = CouncilRights.For(user, [MembershipKind.Administration, MembershipKind.Member]);

        // Assert
        Assert.True(rights.CanRead);
        Assert.True(rights.CanRemark);
        Assert.True(rights.CanManage);
        Assert.True(rights.CanSeeClosedItems);
    }

    [Theory]
    [InlineData(WorkspaceRoles.Member, MembershipKind.Member)]
    [InlineData(WorkspaceRoles.Substitute, MembershipKind.Substitute)]
    public void Drafts_are_hidden_from_members_and_substitutes(string role, MembershipKind membership)
    {
        // Arrange
        var rights = CouncilRights.For(User(role), [membership]);

        // Act
        var atDraft = rights.AtMeeting(MeetingStatus.Draft);

        // Assert
        Assert.Equal(CouncilRights.None, atDraft);
    }

    [Fact]
    public void Drafts_are_visible_to_the_administration()
    {
        // Arrange
        var rights = CouncilRights.For(User(WorkspaceRoles.Administration), [MembershipKind.Administration]);

        // Act
        var atDraft = rights.AtMeeting(MeetingStatus.Draft);

        // Assert
        Assert.Equal(rights, atDraft);
        Assert.True(atDraft.CanRead);
    }

    [Theory]
    [InlineData(MeetingStatus.Published)]
    [InlineData(MeetingStatus.Held)]
    [InlineData(MeetingStatus.Closed)]
    [InlineData(MeetingStatus.Cancelled)]
    public void Meetings_that_are_not_drafts_keep_the_council_rights(MeetingStatus status)
    {
        // Arrange
        var rights = CouncilRights.For(User(WorkspaceRoles.Member), [MembershipKind.Member]);

        // Act
        var atMeeting = rights.AtMeeting(status);

        // Assert
        Assert.Equal(rights, atMeeting);
    }

    [Fact]
    public void Closed_items_are_hidden_from_substitutes_at_a_published_meeting()
    {
        // Arrange
        var rights = CouncilRights.For(User(WorkspaceRoles.Substitute), [MembershipKind.Substitute]);

        // Act
        var atMeeting = rights.AtMeeting(MeetingStatus.Published);

        // Assert
        Assert.True(atMeeting.CanRead);
        Assert.False(atMeeting.CanSeeClosedItems);
    }

    [Theory]
    [InlineData(MeetingStatus.Published, true)]
    [InlineData(MeetingStatus.Held, true)]
    [InlineData(MeetingStatus.Draft, false)]
    [InlineData(MeetingStatus.Closed, false)]
    [InlineData(MeetingStatus.Cancelled, false)]
    public void Member_can_remark_only_at_published_or_held_meetings(MeetingStatus status, bool expected)
    {
        // Arrange
        var rights = CouncilRights.For(User(WorkspaceRoles.Member), [MembershipKind.Member]);

        // Act
        var canRemark = rights.CanRemarkAt(status);

        // Assert
        Assert.Equal(expected, canRemark);
    }

    [Theory]
    [InlineData(MeetingStatus.Published)]
    [InlineData(MeetingStatus.Held)]
    public void Substitute_cannot_add_remark_unless_stepping_in(MeetingStatus status)
    {
        // Arrange
        var rights = CouncilRights.For(User(WorkspaceRoles.Substitute), [MembershipKind.Substitute]);

        // Act
        var canRemark = rights.CanRemarkAt(status);

        // Assert
        Assert.False(canRemark);
    }

    [Theory]
    [InlineData(MeetingStatus.Published)]
    [InlineData(MeetingStatus.Held)]
    public void Administration_cannot_add_remarks(MeetingStatus status)
    {
        // Arrange
        var rights = CouncilRights.For(User(WorkspaceRoles.Administration), [MembershipKind.Administration]);

        // Act
        var canRemark = rights.CanRemarkAt(status);

        // Assert
        Assert.False(canRemark);
    }

    [Theory]
    [InlineData(MeetingStatus.Published)]
    [InlineData(MeetingStatus.Held)]
    public void Substitute_stepping_in_acts_as_a_member_at_that_meeting(MeetingStatus status)
    {
        // Arrange
        var rights = CouncilRights.For(User(WorkspaceRoles.Substitute), [MembershipKind.Substitute]);

        // Act
        var atMeeting = rights.AtMeeting(status, steppingIn: true);

        // Assert
        Assert.True(atMeeting.CanRemarkAt(status));
        Assert.True(atMeeting.CanSeeClosedItems);
        Assert.False(atMeeting.CanManage);
    }

    [Fact]
    public void Substitute_stepping_in_still_cannot_see_drafts()
    {
        // Arrange
        var rights = CouncilRights.For(User(WorkspaceRoles.Substitute), [MembershipKind.Substitute]);

        // Act
        var atDraft = rights.AtMeeting(MeetingStatus.Draft, steppingIn: true);

        // Assert
        Assert.Equal(CouncilRights.None, atDraft);
    }

    [Theory]
    [InlineData(WorkspaceRoles.Administration, MembershipKind.Administration)]
    [InlineData(WorkspaceRoles.Substitute, MembershipKind.Member)]
    public void Only_substitutes_gain_rights_by_stepping_in(string role, MembershipKind membership)
    {
        // Arrange
        var rights = CouncilRights.For(User(role), [membership]);

        // Act
        var atMeeting = rights.AtMeeting(MeetingStatus.Published, steppingIn: true);

        // Assert
        Assert.Equal(rights, atMeeting);
        Assert.False(atMeeting.CanRemarkAt(MeetingStatus.Published));
    }
}
