using Workspace.Data.Entities;

namespace Workspace.Web.Features.Access;

/// <summary>What a user may do in one council, derived from their app roles and membership rows.</summary>
public sealed record CouncilRights(bool CanRead, bool CanRemark, bool CanManage, bool CanSeeClosedItems, bool CanStepIn = false, bool IsChair = false)
{
    public static CouncilRights None { get; } = new(false, false, false, false);

    /// <summary>True for a member, or a substitute stepping in, at the meeting these rights were computed for.</summary>
    public bool ActsAsMember => CanRemark;

    /// <summary>
    /// The rules: administration staff (role and membership) manage their council; members and the chair
    /// read it and write remarks; substitutes read it only, except at a meeting where they step in for an absent
    /// member (see <see cref="AtMeeting"/>). A role without a membership in the council gives nothing: councils are separate.
    /// </summary>
    public static CouncilRights For(WorkspaceUser user, IEnumerable<MembershipKind> membershipsInCouncil) =>
        For(user, membershipsInCouncil, isChairMember: false);

    /// <summary>As <see cref="For(WorkspaceUser, IEnumerable{MembershipKind})"/>; the chair is a member whose seat says so.</summary>
    public static CouncilRights For(WorkspaceUser user, IEnumerable<MembershipKind> membershipsInCouncil, bool isChairMember)
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
            CanSeeClosedItems: isAdministration || isMember,
            CanStepIn: isSubstitute && !isMember,
            IsChair: isMember && isChairMember);
    }

    /// <summary>
    /// Rights at one meeting: drafts are for the administration only; a substitute whose call-in the administration
    /// has confirmed acts as a member at that meeting (remarks, closed items), and only there.
    /// </summary>
    public CouncilRights AtMeeting(MeetingStatus status, bool steppingIn = false)
    {
        if (status == MeetingStatus.Draft && !CanManage)
        {
            return None;
        }
        return steppingIn && CanStepIn ? this with { CanRemark = true, CanSeeClosedItems = true } : this;
    }

    /// <summary>Runs the meeting (start, current item, timer, floor, votes): the administration and the chair, nobody else.</summary>
    public bool CanControl => CanManage || IsChair;

    /// <summary>Not readable: not found (the user may not know it exists); readable but not managed: access denied.</summary>
    public void EnsureCanManage()
    {
        if (!CanRead)
        {
            throw new NotFoundException();
        }
        if (!CanManage)
        {
            throw new AccessDeniedException();
        }
    }

    /// <summary>A substitute who is not stepping in at an open meeting: would write remarks there once called in.</summary>
    public bool RemarksAwaitCallInAt(MeetingStatus status) =>
        CanStepIn && !CanRemark && status is MeetingStatus.Published or MeetingStatus.InProgress or MeetingStatus.Held;

    /// <summary>Remarks are for open meetings; a closed or cancelled meeting is read-only for members.</summary>
    public bool CanRemarkAt(MeetingStatus status) =>
        CanRemark && status is MeetingStatus.Published or MeetingStatus.InProgress or MeetingStatus.Held;
}
