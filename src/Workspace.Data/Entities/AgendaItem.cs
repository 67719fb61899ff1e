namespace Workspace.Data.Entities;

public enum AgendaItemKind
{
    Information = 0,
    Decision = 1,
    Discussion = 2,
    Hearing = 3,
    WorkingSession = 4,
    Break = 5,
}

/// <summary>How an entry sits on the agenda: a numbered item, a section heading or a pause; only items take a number.</summary>
public enum AgendaItemLayout
{
    Numbered = 0,
    /// <summary>A heading ("Beslutningspunkter") over the items after it, up to the next heading.</summary>
    Section = 1,
    /// <summary>A break between items ("PAUSE (10 min.)"), counted in the timeline.</summary>
    Pause = 2,
}

/// <summary>Where a standard item keeps its place: first (approvals), last (næste møde, eventuelt) or wherever it is put.</summary>
public enum AgendaItemPlacement
{
    Free = 0,
    Start = 1,
    End = 2,
}

public enum AgendaItemStatus
{
    Planned = 0,
    Handled = 1,
    Postponed = 2,
    Withdrawn = 3,
}

/// <summary>An entry on a meeting's agenda: a numbered item (dagsordenspunkt), a section heading or a pause; sub-items have a parent.</summary>
public class AgendaItem : IConcurrencyStamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    public Guid? ParentId { get; set; }
    public AgendaItem? Parent { get; set; }
    public List<AgendaItem> SubItems { get; set; } = [];

    /// <summary>Position among its siblings, from 1; the shown number ("3", "3a") is derived from it.</summary>
    public int Number { get; set; }

    public required string Title { get; set; }

    public AgendaItemLayout Layout { get; set; }

    /// <summary>From the standard agenda: new items are added before the end items, and grouping keeps the start items first.</summary>
    public AgendaItemPlacement Placement { get; set; }

    /// <summary>For "godkendelse af referat": the meeting whose minutes the item approves.</summary>
    public Guid? ApprovesMinutesOfMeetingId { get; set; }

    /// <summary>Who presents the item, as free text ("Thomas Lund, afdelingsleder").</summary>
    public string? Presenter { get; set; }

    /// <summary>The presenter when they are a person in the workspace; <see cref="Presenter"/> holds the shown text.</summary>
    public Guid? PresenterPersonId { get; set; }

    public int? AllottedMinutes { get; set; }
    public AgendaItemKind Kind { get; set; }

    /// <summary>Background (sagsfremstilling) in Markdown.</summary>
    public string? Background { get; set; }

    /// <summary>The council's decision (beslutning), written during or after the meeting.</summary>
    public string? Decision { get; set; }

    /// <summary>The minutes text of the item (referat), co-edited during the meeting.</summary>
    public string? Minutes { get; set; }

    public AgendaItemStatus Status { get; set; }

    /// <summary>A closed item (lukket punkt) holds personal data and is never published.</summary>
    public bool IsClosed { get; set; }

    /// <summary>Why the item was withdrawn (udgår), or the note on a postponed item.</summary>
    public string? StatusNote { get; set; }

    /// <summary>For an item moved here from an earlier meeting: the item it came from.</summary>
    public Guid? PostponedFromItemId { get; set; }

    /// <summary>For a postponed item: the meeting it was moved to.</summary>
    public Guid? PostponedToMeetingId { get; set; }

    /// <summary>Last change of the item's content; after publishing such changes are marked.</summary>
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The "Status på opfølgning" item: its card lists the council's follow-ups live from the register.</summary>
    public bool IsFollowUpStatus { get; set; }

    /// <summary>The item's timer at the meeting: seconds used before the current run, and when the running one started (null: paused).</summary>
    public int TimerUsedSeconds { get; set; }
    public DateTimeOffset? TimerStartedAt { get; set; }

    /// <summary>Minutes the chair added to the allotted time at the meeting.</summary>
    public int TimerExtraMinutes { get; set; }

    public List<ItemLink> Links { get; set; } = [];
    public List<Attachment> Attachments { get; set; } = [];

    public List<Remark> Remarks { get; set; } = [];

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
