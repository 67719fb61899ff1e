using Workspace.Data.Entities;

namespace Workspace.Web.Features.Access;

/// <summary>What a user may do in one council, derived from their app roles and membership rows.</summary>
public sealed record CouncilRights(bool CanRead, bool CanRemark, bool CanManage, bool CanSeeClosedItems)
{
    public static CouncilRights None { get; } = new(false, false, false, false);

    /// <summary>
    /// The rules: administration staff (role and membership) manage their council; members and the chair
    /// read it and write remarks; substitutes read it only (stepping in for a member comes with the
    /// attendance feature). A role without a membership in the council gives nothing: councils are separate.
    /// </summary>
    public static CouncilRights For(WorkspaceUser user, IEnumerable<MembershipKind> membershipsInCouncil)
    {
        if (user.PersonId is null)
        {
            return None;
        }

        var kinds = membershipsInCouncil.ToHashSet();
        var isAdministration = user.IsInRole(WorkspaceRoles.Administration) && kinds.Contains(MembershipKind.Administration);
        var isMember = user.IsInRole(WorkspaceRoles.Member) && kinds.Contains(MembershipKind.Member);
        var isSubstitute = user.IsInRole(WorkspaceRoles.Substitute) && kinds.Contains(MembershipKind.Substitute);

        return new CouncilRights(
            CanRead: isAdministration || isMember || isSubstitute,
            CanRemark: isMember,
            CanManage: isAdministration,
            CanSeeClosedItems: isAdministration || isMember);
    }

    /// <summary>Rights at one meeting: drafts are for the administration only.</summary>
    public CouncilRights AtMeeting(MeetingStatus status) =>
        status == MeetingStatus.Draft && !CanManage ? None : this;

    /// <summary>Remarks are for open meetings; a closed or cancelled meeting is read-only for members.</summary>
    public bool CanRemarkAt(MeetingStatus status) =>
        CanRemark && status is MeetingStatus.Published or MeetingStatus.Held;
}
