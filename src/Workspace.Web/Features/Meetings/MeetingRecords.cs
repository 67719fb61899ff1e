using Workspace.Data.Entities;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Attachments;

namespace Workspace.Web.Features.Meetings;

// The lists in these records are ValueLists when read from the database, so that an unchanged item equals the one shown
// and its card is not rendered again (AgendaItemCard's skip check); a list of another kind only costs that skip.
public sealed record MeetingDetails(
    Guid Id,
    Guid CouncilId,
    string CouncilName,
    string Title,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? Place,
    string? OnlineLink,
    MeetingStatus Status,
    MeetingKind Kind,
    string? CancellationReason,
    Guid ConcurrencyStamp,
    MeetingRights Rights,
    IReadOnlyList<AgendaItemView> Items,
    /// <summary>Clock times of the whole agenda, closed items included, so everyone sees the same times.</summary>
    Agenda.AgendaTimetable Timetable,
    /// <summary>Notes on the whole meeting, in Markdown.</summary>
    string? Notes = null,
    /// <summary>Why the meeting was reopened after it was closed; null if it never was.</summary>
    string? ReopenReason = null);

/// <summary>Another meeting an item was postponed to or from.</summary>
public sealed record MeetingReference(Guid Id, DateTimeOffset StartsAt);

/// <summary>
/// What the viewer may do at this meeting; the services check the same rules again on every call. Closed items: whether
/// an item that became closed may stay on the viewer's page when only its text is read again. Awaits call-in: a substitute
/// who could write remarks here once called in for an absent member (the card says so where members write).
/// </summary>
/// Controls: runs the meeting on the day (start, current item, timer, arrivals, end): the administration and the chair.
public sealed record MeetingRights(bool CanRemark, bool CanManage, bool CanSeeClosedItems = false, bool AwaitsCallIn = false, bool CanControl = false);

public sealed record AgendaItemView(
    Guid Id,
    Guid? ParentId,
    string Number,
    string Title,
    string? Presenter,
    Guid? PresenterPersonId,
    int? AllottedMinutes,
    AgendaItemKind Kind,
    string? Background,
    string? Decision,
    AgendaItemStatus Status,
    string? StatusNote,
    bool IsClosed,
    /// <summary>Changed after the meeting was published: shown as a change to those who read it before.</summary>
    bool ChangedAfterPublishing,
    Guid ConcurrencyStamp,
    IReadOnlyList<RemarkView> Remarks,
    IReadOnlyList<ItemLinkView> Links,
    IReadOnlyList<AttachmentView> Attachments,
    MeetingReference? PostponedFrom = null,
    MeetingReference? PostponedTo = null,
    string? Minutes = null,
    /// <summary>A numbered item, or a section heading or pause (shown without a number; <see cref="Number"/> is empty).</summary>
    AgendaItemLayout Layout = AgendaItemLayout.Numbered,
    AgendaItemPlacement Placement = AgendaItemPlacement.Free,
    /// <summary>For "godkendelse af referat": the meeting whose minutes the item approves.</summary>
    MeetingReference? ApprovesMinutesOf = null,
    /// <summary>The council's hearings discussed at this item (#14), the earliest deadline first; null or empty: none.</summary>
    IReadOnlyList<ItemHearingView>? Hearings = null)
{
    public bool IsNumbered => Layout == AgendaItemLayout.Numbered;
}

/// <summary>A hearing linked to an agenda item, as its card lists it: a link to the hearing, its status and deadlines.</summary>
public sealed record ItemHearingView(Guid Id, string Title, HearingStatus Status, DateOnly Deadline, DateOnly RemarksDeadline);

public sealed record RemarkView(Guid Id, Guid AgendaItemId, Guid AuthorId, string AuthorName, string Text, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, bool IsMine, Guid ConcurrencyStamp);
