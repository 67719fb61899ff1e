namespace Workspace.Data.Entities;

public enum MeetingStatus
{
    Draft = 0,
    Published = 1,
    Held = 2,
    Closed = 3,
    Cancelled = 4,
}

/// <summary>A council meeting (møde) with its agenda.</summary>
public class Meeting : IConcurrencyStamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CouncilId { get; set; }
    public Council? Council { get; set; }

    public required string Title { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string? Place { get; set; }
    public string? OnlineLink { get; set; }
    public MeetingStatus Status { get; set; }

    public List<AgendaItem> AgendaItems { get; set; } = [];

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
