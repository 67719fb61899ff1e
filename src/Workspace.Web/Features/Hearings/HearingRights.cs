using Workspace.Data.Entities;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.Hearings;

/// <summary>
/// What a user may do with one hearing of a council they read. The administration manages it (material, status,
/// approval request, sending, filing) and drafts the response; the chair drafts and gives the final approval; members,
/// and substitutes stepping in at the hearing's meeting, write remarks and support others' until the internal deadline;
/// members approve or comment while it is in approval; substitutes otherwise read. Another council's people never get
/// here: the service answers "not found" first.
/// </summary>
public sealed record HearingRights(CouncilRights Council, bool SteppingIn, Guid? PersonId)
{
    public static HearingRights None { get; } = new(CouncilRights.None, false, null);

    public bool CanRead => Council.CanRead;

    public bool CanManage => Council.CanManage;

    public bool IsChair => Council.IsChair;

    /// <summary>A member, or a substitute called in at the hearing's meeting.</summary>
    public bool ActsAsMember => Council.CanRemark || (SteppingIn && Council.CanStepIn);

    /// <summary>Drafts the joint response and groups the remarks under headings: the administration and the chair.</summary>
    public bool CanDraft => CanManage || IsChair;

    /// <summary>Remarks (new, reply, "Enig") are taken while the hearing is open or drafted, up to and including the internal deadline.</summary>
    public bool CanRemarkOn(HearingStatus status, DateOnly remarksDeadline, DateOnly today) =>
        ActsAsMember && status is HearingStatus.Open or HearingStatus.Drafting && today <= remarksDeadline;

    /// <summary>The response text changes until it goes for approval; then it is what the members approve.</summary>
    public bool CanEditResponse(HearingStatus status) => CanDraft && status is HearingStatus.Open or HearingStatus.Drafting;

    public bool CanSendForApproval(HearingStatus status) => CanManage && status is HearingStatus.Open or HearingStatus.Drafting;

    /// <summary>Back to drafting (a member's comment needs a change): the administration, before the final approval.</summary>
    public bool CanReopenDraft(HearingStatus status, bool approved) => CanManage && status == HearingStatus.InApproval && !approved;

    /// <summary>Each member (the chair too) approves or comments while it is in approval.</summary>
    public bool CanAnswerApproval(HearingStatus status, bool approved) => Council.CanRemark && status == HearingStatus.InApproval && !approved;

    public bool CanGiveFinalApproval(HearingStatus status, bool approved) => IsChair && status == HearingStatus.InApproval && !approved;

    /// <summary>The council approved it at a meeting (a decision on the item): recorded by the administration.</summary>
    public bool CanRecordMeetingApproval(HearingStatus status, bool approved) =>
        CanManage && status is HearingStatus.Drafting or HearingStatus.InApproval && !approved;

    public bool CanMarkSent(HearingStatus status, bool approved) => CanManage && status == HearingStatus.InApproval && approved;

    public bool CanFile(HearingStatus status) => CanManage && status == HearingStatus.Sent;

    public bool CanChangeMaterial(HearingStatus status) => CanManage && status is not (HearingStatus.Sent or HearingStatus.Filed);

    /// <summary>Not readable: not found; readable but not allowed: access denied.</summary>
    public void Ensure(bool allowed)
    {
        if (!CanRead)
        {
            throw new NotFoundException();
        }
        if (!allowed)
        {
            throw new AccessDeniedException();
        }
    }
}
