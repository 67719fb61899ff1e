namespace Workspace.Data.Entities;

public enum MeetingKind
{
    Ordinary = 0,
    Extra = 1,
    ThemeDay = 2,
    WorkingMeeting = 3,
}

public enum MeetingStatus
{
    Draft = 0,
    Published = 1,
    Held = 2,
    Closed = 3,
    Cancelled = 4,
    /// <summary>The meeting is running ("i gang"): there is a current item, and it ends as held.</summary>
    InProgress = 5,
}

/// <summary>A council meeting (møde) with its agenda.</summary>
public class Meeting : IConcurrencyStamped
{
    public const int NotesMax = 20000;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CouncilId { get; set; }
    public Council? Council { get; set; }

    public required string Title { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string? Place { get; set; }
    public string? OnlineLink { get; set; }
    public MeetingStatus Status { get; set; }
    public MeetingKind Kind { get; set; }

    /// <summary>When the meeting was first published; later changes are shown as changes.</summary>
    public DateTimeOffset? PublishedAt { get; set; }

    public string? CancellationReason { get; set; }

    /// <summary>Why the administration last reopened the meeting after closing it; the audit trail keeps who and when.</summary>
    public string? ReopenReason { get; set; }

    /// <summary>Counts the versions sent to calendars (iCalendar SEQUENCE); the UID stays the meeting id.</summary>
    public int CalendarSequence { get; set; }

    /// <summary>The person taking the minutes (referent).</summary>
    public Guid? MinuteTakerId { get; set; }
    public Person? MinuteTaker { get; set; }

    /// <summary>Notes on the whole meeting in Markdown (the council's budget, "next meeting not decided"), shown above the agenda.</summary>
    public string? Notes { get; set; }

    /// <summary>When the chair or the administration started the meeting (status "i gang").</summary>
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>When the running meeting was ended (it is then held).</summary>
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The item the chair is at while the meeting runs; members' devices and the room screen follow it.</summary>
    public Guid? CurrentItemId { get; set; }

    /// <summary>When the current item became current.</summary>
    public DateTimeOffset? CurrentItemSince { get; set; }

    public List<Attendance> Attendances { get; set; } = [];
    public List<SubstituteCall> SubstituteCalls { get; set; } = [];

    public List<AgendaItem> AgendaItems { get; set; } = [];

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
