using Workspace.Data.Entities;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.FollowUps;

/// <summary>
/// What a user may do with a council's follow-ups. The administration creates and edits all; the chair creates (for
/// anyone); a member creates follow-ups they own and updates their own; members and substitutes read the register. A
/// follow-up is seen only by those who may see its item: on a closed item that is the administration and the members,
/// and a substitute only when called in at that meeting; on a draft meeting the administration only.
/// </summary>
public sealed record FollowUpRights(CouncilRights Council, bool IsChair, Guid? PersonId, IReadOnlySet<Guid> SteppingInAt)
{
    public bool CanRead => Council.CanRead;

    public bool CanManage => Council.CanManage;

    /// <summary>May give a follow-up to anyone: the administration and the chair.</summary>
    public bool CanAssignOthers => Council.CanManage || (IsChair && Council.CanRemark);

    /// <summary>May create at this meeting: the administration, the chair, and a member (or a called-in substitute) for themselves.</summary>
    public bool CanCreateAt(Guid meetingId) => CanAssignOthers || Council.CanRemark || SteppingInAt.Contains(meetingId);

    public bool CanSee(Guid meetingId, MeetingStatus meetingStatus, bool itemIsClosed) =>
        Council.CanRead
        && (meetingStatus != MeetingStatus.Draft || Council.CanManage)
        && (!itemIsClosed || Council.CanSeeClosedItems || SteppingInAt.Contains(meetingId));

    public bool IsOwner(FollowUpOwnerKind ownerKind, Guid? ownerPersonId) =>
        ownerKind == FollowUpOwnerKind.Person && ownerPersonId is not null && ownerPersonId == PersonId;

    /// <summary>Text, owner and due: the administration, or the owner (who must stay the owner).</summary>
    public bool CanEdit(FollowUpOwnerKind ownerKind, Guid? ownerPersonId) => Council.CanManage || IsOwner(ownerKind, ownerPersonId);

    /// <summary>Status and report: the administration, or the owner.</summary>
    public bool CanChangeStatus(FollowUpOwnerKind ownerKind, Guid? ownerPersonId) => Council.CanManage || IsOwner(ownerKind, ownerPersonId);

    public static FollowUpRights None { get; } = new(CouncilRights.None, false, null, new HashSet<Guid>());
}
