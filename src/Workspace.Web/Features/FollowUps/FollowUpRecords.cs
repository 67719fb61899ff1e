using Workspace.Data.Entities;

namespace Workspace.Web.Features.FollowUps;

/// <summary>One follow-up as the viewer sees it, with what they may do with it.</summary>
public sealed record FollowUpView(
    Guid Id,
    Guid CouncilId,
    Guid MeetingId,
    string MeetingTitle,
    DateTimeOffset MeetingStartsAt,
    Guid? AgendaItemId,
    string? ItemTitle,
    FollowUpOrigin Origin,
    string Text,
    FollowUpOwnerKind OwnerKind,
    Guid? OwnerPersonId,
    /// <summary>The person's or outsider's name; null for Forvaltningen (shown in the viewer's language).</summary>
    string? OwnerName,
    FollowUpDueKind DueKind,
    DueState Due,
    FollowUpStatus Status,
    string? Report,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt,
    bool CanEdit,
    bool CanChangeStatus,
    Guid ConcurrencyStamp)
{
    public bool IsEnded => FollowUpDue.IsEnded(Status);
}

/// <summary>What a viewer sees of follow-ups on one meeting's page: those made on its items, and the status item's list.</summary>
public sealed record MeetingFollowUps(
    Guid MeetingId,
    Guid CouncilId,
    IReadOnlyList<FollowUpView> Items,
    bool CanCreate,
    bool CanAssignOthers,
    Guid? StatusItemId,
    FollowUpStatusList? StatusList)
{
    public static MeetingFollowUps Empty(Guid meetingId) => new(meetingId, Guid.Empty, [], false, false, null, null);

    public IEnumerable<FollowUpView> OnItem(Guid itemId) => Items.Where(f => f.AgendaItemId == itemId);
}

/// <summary>The "Status på opfølgning" item's content: every open follow-up and those ended since the last held meeting.</summary>
public sealed record FollowUpStatusList(IReadOnlyList<FollowUpView> Open, IReadOnlyList<FollowUpView> EndedSinceLastMeeting, DateTimeOffset? LastMeetingAt);

/// <summary>A council's register of follow-ups.</summary>
public sealed record FollowUpRegister(Guid CouncilId, string CouncilName, IReadOnlyList<FollowUpView> Items, bool CanManage);

/// <summary>A follow-up on the start page's "Mine opgaver", with the council it belongs to.</summary>
public sealed record MyTask(FollowUpView FollowUp, string CouncilName);

/// <summary>Someone a follow-up can be given to in the create and edit form.</summary>
public sealed record OwnerOption(Guid PersonId, string Name, MembershipKind Kind);

/// <summary>What the create form needs: whom the user may name as owner (only themselves for a member).</summary>
public sealed record FollowUpFormContext(Guid AgendaItemId, Guid MeetingId, bool CanAssignOthers, IReadOnlyList<OwnerOption> Owners, Guid? Me);

/// <summary>One line of a follow-up's history.</summary>
public sealed record FollowUpChangeView(DateTimeOffset At, string PersonName, FollowUpChangeKind Kind, FollowUpStatus Status, IReadOnlyList<string> ChangedFields);
