namespace Workspace.Data.Entities;

/// <summary>
/// A link that lets a device which is not a person (the TV in the meeting room) show one meeting's room screen,
/// read-only. Only a hash of its secret token is kept: the token itself is shown once, when the link is issued.
/// </summary>
public class DisplayLink
{
    public const int LabelMax = 100;

    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    /// <summary>What the administration calls the device ("Skærmen i mødelokale 2").</summary>
    public required string Label { get; set; }

    /// <summary>SHA-256 of the token, lower-case hex.</summary>
    public required string TokenHash { get; set; }

    public Guid CreatedById { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Whether the screen shows closed items (lukkede punkter); the administration chooses per link.</summary>
    public bool ShowClosedItems { get; set; }
}

/// <summary>A meeting's short link (<c>/m/{Code}</c>) that the room screen shows as a QR code; not a credential.</summary>
public class MeetingShortLink
{
    public const int CodeLength = 8;

    public Guid MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public required string Code { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
