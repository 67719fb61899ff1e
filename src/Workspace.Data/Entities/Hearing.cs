namespace Workspace.Data.Entities;

public enum HearingStatus
{
    /// <summary>Open for the members' remarks (until the internal deadline).</summary>
    Open = 0,
    /// <summary>The joint response is being drafted from the remarks.</summary>
    Drafting = 1,
    /// <summary>The draft was sent to the members for approval.</summary>
    InApproval = 2,
    Sent = 3,
    /// <summary>Sent and the final version filed; nothing changes any more.</summary>
    Filed = 4,
}

/// <summary>
/// A hearing (høring): material sent to the council for comments by a deadline. Members remark together until the
/// council's own internal deadline, one joint response (høringssvar) is drafted from the remarks, approved and sent.
/// The response's text is a co-edited document (<c>hearing:{id}:response</c>).
/// </summary>
public class Hearing : IConcurrencyStamped
{
    public const int MaxTitleLength = 300;
    public const int MaxSenderLength = 200;
    public const int MaxSentToLength = 500;
    public const int MaxDescriptionLength = 4000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CouncilId { get; set; }
    public Council? Council { get; set; }

    public required string Title { get; set; }

    /// <summary>The committee or authority that sent it (e.g. "Beskæftigelses- og Socialudvalget").</summary>
    public required string Sender { get; set; }

    /// <summary>What the hearing is about, in a few lines (plain text).</summary>
    public string? Description { get; set; }

    /// <summary>The sender's deadline (høringsfrist).</summary>
    public DateOnly Deadline { get; set; }

    /// <summary>The council's own last day for remarks, before the response is drafted.</summary>
    public DateOnly RemarksDeadline { get; set; }

    public HearingStatus Status { get; set; }

    /// <summary>The members' last day to approve or comment, while in approval.</summary>
    public DateOnly? ApprovalDeadline { get; set; }

    /// <summary>When the chair gave the final approval, or the council approved it at a meeting.</summary>
    public DateTimeOffset? ApprovedAt { get; set; }
    public Guid? ApprovedById { get; set; }

    /// <summary>The agenda item whose decision approved the response, when it was approved at a meeting.</summary>
    public Guid? ApprovedAtItemId { get; set; }

    public DateOnly? SentOn { get; set; }
    public string? SentTo { get; set; }

    /// <summary>The final text, kept when filed.</summary>
    public string? FiledText { get; set; }
    public DateTimeOffset? FiledAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedById { get; set; }

    /// <summary>When the "internal deadline in three days" reminder went out; it is sent once (claimed before sending).</summary>
    public DateTimeOffset? RemarksReminderSentAt { get; set; }

    public List<HearingItem> Items { get; set; } = [];
    public List<HearingLink> Links { get; set; } = [];
    public List<HearingAttachment> Attachments { get; set; } = [];
    public List<HearingRemark> Remarks { get; set; } = [];
    public List<HearingApproval> Approvals { get; set; } = [];

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>An agenda item where the hearing is discussed; one of them is the hearing's own item (its meeting is "the hearing's meeting").</summary>
public class HearingItem
{
    public Guid HearingId { get; set; }
    public Guid AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }
    public bool IsPrimary { get; set; }
}

/// <summary>A link to hearing material (the sender's page, the draft policy).</summary>
public class HearingLink
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid HearingId { get; set; }
    public required string Title { get; set; }
    public required string Url { get; set; }
    public int Number { get; set; }
}

/// <summary>A file of hearing material; the bytes live in the file store under <see cref="StorageKey"/>.</summary>
public class HearingAttachment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid HearingId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string StorageKey { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public Guid? UploadedById { get; set; }
}

/// <summary>A member's remark on a hearing, with the organisation they sat for when they wrote it.</summary>
public class HearingRemark : IConcurrencyStamped
{
    public const int MaxLength = 4000;
    public const int MaxHeadingLength = 200;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid HearingId { get; set; }
    public Guid AuthorId { get; set; }
    public Person? Author { get; set; }

    /// <summary>The author's organisation at the time of writing (it is what the response credits).</summary>
    public string? Organisation { get; set; }

    public required string Text { get; set; }

    /// <summary>The remark this one answers.</summary>
    public Guid? ReplyToId { get; set; }

    /// <summary>The heading of the material it is grouped under (set by the administration or the chair).</summary>
    public string? Heading { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EditedAt { get; set; }

    public List<HearingSupport> Supports { get; set; } = [];

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

/// <summary>"Enig": a person agrees with a remark.</summary>
public class HearingSupport
{
    public Guid RemarkId { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>A member's answer to the request for approval: approved, or a comment; the latest answer counts.</summary>
public class HearingApproval
{
    public const int MaxCommentLength = 2000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid HearingId { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public bool Approves { get; set; }
    public string? Comment { get; set; }
    public DateTimeOffset At { get; set; }
}
