namespace Workspace.Data.Entities;

public enum AttendanceRole
{
    Member = 0,
    Substitute = 1,
    Administration = 2,
    Guest = 3,
}

/// <summary>The answer to the invitation, given before the meeting.</summary>
public enum InvitationResponse
{
    None = 0,
    Attending = 1,
    Apologies = 2,
}

/// <summary>What the secretary registers at the meeting.</summary>
public enum PresenceStatus
{
    NotRegistered = 0,
    Present = 1,
    Apologies = 2,
    AbsentWithoutNotice = 3,
}

/// <summary>Where a present participant takes part from.</summary>
public enum AttendanceChannel
{
    Room = 0,
    Online = 1,
}

/// <summary>One person's (or guest's) attendance at one meeting.</summary>
public class Attendance : IConcurrencyStamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid MeetingId { get; set; }
    public Meeting? Meeting { get; set; }

    /// <summary>Null for a guest who is not a person in the workspace.</summary>
    public Guid? PersonId { get; set; }
    public Person? Person { get; set; }

    /// <summary>A guest's name and organisation, as shown in the minutes.</summary>
    public string? GuestName { get; set; }

    public AttendanceRole Role { get; set; }
    public InvitationResponse Response { get; set; }
    public string? ResponseNote { get; set; }
    public DateTimeOffset? RespondedAt { get; set; }
    public PresenceStatus Presence { get; set; }

    /// <summary>In the room or online, for a present participant.</summary>
    public AttendanceChannel Channel { get; set; }

    /// <summary>Registered arrival at the running meeting, and departure before its end (null: still there).</summary>
    public DateTimeOffset? ArrivedAt { get; set; }
    public DateTimeOffset? LeftAt { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
