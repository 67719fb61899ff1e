using Workspace.Data.Entities;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.FollowUps;

namespace Workspace.UnitTests.FollowUps;

public sealed class FollowUpRightsTests
{
    private static readonly Guid Me = Guid.NewGuid();
    private static readonly Guid Meeting = Guid.NewGuid();

    private static FollowUpRights Rights(string role, MembershipKind kind, bool chair = false, params Guid[] steppingIn) =>
        new(CouncilRights.For(new WorkspaceUser(Me, "Test", new HashSet<string> { role }), [kind]), chair, Me, steppingIn.ToHashSet());

    [Fact]
    public void A_substitute_sees_a_follow_up_on_a_closed_item_only_at_a_meeting_where_called_in()
    {
        var substitute = Rights(WorkspaceRoles.Substitute, MembershipKind.Substitute);
        var calledIn = Rights(WorkspaceRoles.Substitute, MembershipKind.Substitute, steppingIn: Meeting);

        Assert.True(substitute.CanSee(Meeting, MeetingStatus.Published, itemIsClosed: false));
        Assert.False(substitute.CanSee(Meeting, MeetingStatus.Published, itemIsClosed: true));
        Assert.True(calledIn.CanSee(Meeting, MeetingStatus.Published, itemIsClosed: true));
        Assert.False(calledIn.CanSee(Guid.NewGuid(), MeetingStatus.Published, itemIsClosed: true));
    }

    [Fact]
    public void Only_the_administration_sees_follow_ups_of_a_draft_meeting()
    {
        Assert.True(Rights(WorkspaceRoles.Administration, MembershipKind.Administration).CanSee(Meeting, MeetingStatus.Draft, false));
        Assert.False(Rights(WorkspaceRoles.Member, MembershipKind.Member, chair: true).CanSee(Meeting, MeetingStatus.Draft, false));
    }

    [Fact]
    public void The_chair_and_the_administration_give_follow_ups_to_others_a_member_only_to_herself()
    {
        var member = Rights(WorkspaceRoles.Member, MembershipKind.Member);

        Assert.True(Rights(WorkspaceRoles.Administration, MembershipKind.Administration).CanAssignOthers);
        Assert.True(Rights(WorkspaceRoles.Member, MembershipKind.Member, chair: true).CanAssignOthers);
        Assert.False(member.CanAssignOthers);
        Assert.True(member.CanCreateAt(Meeting));
        Assert.False(Rights(WorkspaceRoles.Substitute, MembershipKind.Substitute).CanCreateAt(Meeting));
        Assert.True(Rights(WorkspaceRoles.Substitute, MembershipKind.Substitute, steppingIn: Meeting).CanCreateAt(Meeting));
    }

    [Fact]
    public void A_member_updates_her_own_follow_ups_and_no_one_elses()
    {
        var member = Rights(WorkspaceRoles.Member, MembershipKind.Member, chair: true);

        Assert.True(member.CanChangeStatus(FollowUpOwnerKind.Person, Me));
        Assert.True(member.CanEdit(FollowUpOwnerKind.Person, Me));
        Assert.False(member.CanChangeStatus(FollowUpOwnerKind.Person, Guid.NewGuid()));
        Assert.False(member.CanEdit(FollowUpOwnerKind.Administration, null));
        Assert.True(Rights(WorkspaceRoles.Administration, MembershipKind.Administration).CanEdit(FollowUpOwnerKind.Outsider, null));
    }
}
