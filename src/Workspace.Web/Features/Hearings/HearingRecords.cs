using Workspace.Data.Entities;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.Hearings;

/// <summary>A hearing in the council's list or on the start page.</summary>
public sealed record HearingSummary(Guid Id, Guid CouncilId, string CouncilName, string Title, string Sender, DateOnly Deadline,
    DateOnly RemarksDeadline, HearingStatus Status, int RemarkCount, DateOnly? SentOn, string? SentTo)
{
    /// <summary>Days until the internal deadline for remarks (0 on the day itself, negative after it).</summary>
    public int DaysLeft(DateOnly today) => RemarksDeadline.DayNumber - today.DayNumber;
}

public sealed record HearingList(Guid CouncilId, string CouncilName, IReadOnlyList<HearingSummary> Hearings, bool CanCreate);

public sealed record HearingItemView(Guid AgendaItemId, Guid MeetingId, string ItemTitle, string MeetingTitle, DateTimeOffset MeetingStartsAt, bool IsPrimary);

public sealed record HearingLinkView(Guid Id, string Title, string Url);

/// <summary>A file of the hearing's material; its bytes are fetched from <c>/hearings/attachments/{Id}</c>.</summary>
public sealed record HearingAttachmentView(Guid Id, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt)
{
    public string DownloadUrl => $"/hearings/attachments/{Id}";
}

/// <summary>An agenda item of the council that the administration may link the hearing to.</summary>
public sealed record LinkableItem(Guid AgendaItemId, string ItemTitle, string MeetingTitle, DateTimeOffset MeetingStartsAt);

public sealed record HearingRemarkView(Guid Id, Guid AuthorId, string AuthorName, string? Organisation, string Text, Guid? ReplyToId,
    string? Heading, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, IReadOnlyList<string> SupportedBy, bool SupportedByMe,
    bool IsMine, bool IsUsed, Guid ConcurrencyStamp)
{
    /// <summary>The short tag that marks the remark's passages in the response (see <see cref="ResponseProvenance"/>).</summary>
    public string Tag => ResponseProvenance.TagOf(Id);
}

public sealed record HearingApprovalView(Guid PersonId, string PersonName, bool Approves, string? Comment, DateTimeOffset At);

/// <summary>A member of the council and what they answered to the request for approval, if anything.</summary>
public sealed record HearingApprover(Guid PersonId, string Name, string? Organisation, bool IsChair, HearingApprovalView? Answer);

/// <summary>What the hearing page shows and offers: the hearing, its remarks with who supports them, the response and its state.</summary>
public sealed record HearingDetails(
    Guid Id,
    Guid CouncilId,
    string CouncilName,
    string Municipality,
    string Title,
    string Sender,
    string? Description,
    DateOnly Deadline,
    DateOnly RemarksDeadline,
    HearingStatus Status,
    DateOnly? ApprovalDeadline,
    DateTimeOffset? ApprovedAt,
    string? ApprovedByName,
    Guid? ApprovedAtItemId,
    DateOnly? SentOn,
    string? SentTo,
    DateTimeOffset? FiledAt,
    IReadOnlyList<HearingItemView> Items,
    IReadOnlyList<HearingLinkView> Links,
    IReadOnlyList<HearingAttachmentView> Attachments,
    IReadOnlyList<HearingRemarkView> Remarks,
    IReadOnlyList<HearingApprover> Approvers,
    string ResponseText,
    long ResponseRevision,
    HearingActions Can,
    Guid ConcurrencyStamp)
{
    public bool IsApproved => ApprovedAt is not null;
}

/// <summary>What the viewer may do now, each decided by <see cref="HearingRights"/> on the current state.</summary>
public sealed record HearingActions(
    bool Remark,
    bool Draft,
    bool EditResponse,
    bool Manage,
    bool ChangeMaterial,
    bool SendForApproval,
    bool ReopenDraft,
    bool AnswerApproval,
    bool GiveFinalApproval,
    bool RecordMeetingApproval,
    bool MarkSent,
    bool File,
    bool AwaitsCallIn);

public sealed class HearingInput
{
    public string Title { get; set; } = "";
    public string Sender { get; set; } = "";
    public string? Description { get; set; }
    public DateOnly? Deadline { get; set; }
    public DateOnly? RemarksDeadline { get; set; }

    /// <summary>The hearing's item (its meeting is the hearing's meeting), optional.</summary>
    public Guid? AgendaItemId { get; set; }

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        InputRules.Required(errors, nameof(Title), Title);
        InputRules.MaxLength(errors, nameof(Title), Title?.Trim(), Hearing.MaxTitleLength);
        InputRules.Required(errors, nameof(Sender), Sender);
        InputRules.MaxLength(errors, nameof(Sender), Sender?.Trim(), Hearing.MaxSenderLength);
        InputRules.MaxLength(errors, nameof(Description), Description?.Trim(), Hearing.MaxDescriptionLength);
        if (Deadline is null)
        {
            errors.Add(new(nameof(Deadline), InputRules.RequiredKey));
        }
        if (RemarksDeadline is null)
        {
            errors.Add(new(nameof(RemarksDeadline), InputRules.RequiredKey));
        }
        else if (Deadline is { } deadline && RemarksDeadline > deadline)
        {
            errors.Add(new(nameof(RemarksDeadline), "Hearings.RemarksDeadlineAfterDeadline"));
        }
        return errors;
    }
}

public sealed class HearingRemarkInput
{
    public string Text { get; set; } = "";
    public Guid? ReplyToId { get; set; }

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        InputRules.Required(errors, nameof(Text), Text);
        InputRules.MaxLength(errors, nameof(Text), Text?.Trim(), HearingRemark.MaxLength);
        return errors;
    }
}
