namespace Workspace.Data.Entities;

public enum FollowUpOwnerKind
{
    /// <summary>A person of the council (member or staff).</summary>
    Person = 0,
    /// <summary>Forvaltningen as a whole.</summary>
    Administration = 1,
    /// <summary>Someone outside the workspace, named in free text.</summary>
    Outsider = 2,
}

public enum FollowUpDueKind
{
    Date = 0,
    /// <summary>Due at the council's next meeting after the one it came from.</summary>
    NextMeeting = 1,
}

public enum FollowUpStatus
{
    Open = 0,
    InProgress = 1,
    Done = 2,
    Dropped = 3,
}

public enum FollowUpOrigin
{
    Item = 0,
    Remark = 1,
    Decision = 2,
}

/// <summary>A promise made at a meeting (opfølgning): who does what by when, reported back at a later meeting.</summary>
public class FollowUp : IConcurrencyStamped
{
    public const int MaxTextLength = 2000;
    public const int MaxReportLength = 2000;
    public const int MaxOwnerNameLength = 200;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CouncilId { get; set; }
    public Guid MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    /// <summary>The item it was made on; null only when that item was deleted later.</summary>
    public Guid? AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }

    public FollowUpOrigin Origin { get; set; }

    /// <summary>The remark it came from, while that remark exists.</summary>
    public Guid? RemarkId { get; set; }

    public required string Text { get; set; }

    public FollowUpOwnerKind OwnerKind { get; set; }
    public Guid? OwnerPersonId { get; set; }
    public Person? OwnerPerson { get; set; }

    /// <summary>The outsider's name, when the owner is outside the workspace.</summary>
    public string? OwnerName { get; set; }

    public FollowUpDueKind DueKind { get; set; }
    public DateOnly? DueDate { get; set; }

    public FollowUpStatus Status { get; set; }

    /// <summary>The short report written when it ends (done or dropped).</summary>
    public string? Report { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedById { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>When the "due in three days" reminder went to the owner; it is sent once.</summary>
    public DateTimeOffset? DueSoonReminderSentAt { get; set; }

    /// <summary>When the "overdue" reminder went to the owner; it is sent once.</summary>
    public DateTimeOffset? OverdueReminderSentAt { get; set; }

    public List<FollowUpChange> Changes { get; set; } = [];

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}

public enum FollowUpChangeKind
{
    Created = 0,
    Edited = 1,
    StatusChanged = 2,
}

/// <summary>One change of a follow-up, with who and when: the follow-up's own history, shown under it.</summary>
public class FollowUpChange : IKeepsOwnHistory
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid FollowUpId { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? PersonId { get; set; }
    public required string PersonName { get; set; }
    public FollowUpChangeKind Kind { get; set; }
    public FollowUpStatus Status { get; set; }

    /// <summary>What changed, as a short Danish description written when it happened ("Ansvarlig: Forvaltningen").</summary>
    public string? Description { get; set; }
}
