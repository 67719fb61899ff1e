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

public enum AgendaItemStatus
{
    Planned = 0,
    Handled = 1,
    Postponed = 2,
    Withdrawn = 3,
}

/// <summary>A numbered item on a meeting's agenda (dagsordenspunkt); sub-items have a parent.</summary>
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

    public List<ItemLink> Links { get; set; } = [];
    public List<Attachment> Attachments { get; set; } = [];

    public List<Remark> Remarks { get; set; } = [];

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
