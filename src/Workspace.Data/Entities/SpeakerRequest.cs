namespace Workspace.Data.Entities;

/// <summary>What someone asks the floor for: a contribution (indlæg) or a short reply (replik) to the one speaking.</summary>
public enum SpeechKind
{
    Speech = 0,
    Reply = 1,
}

/// <summary>
/// One request for the floor on an agenda item (talerliste): who, for what, from the room or online, when; then, when the
/// chair gives the floor, when the speech began and ended and how long it was given. Waiting requests are ordered by
/// <see cref="Position"/>; withdrawn ones (by the person or removed by the chair) stay for the record.
/// </summary>
public class SpeakerRequest
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }

    public SpeechKind Kind { get; set; }

    /// <summary>In the room or online: from the attendance when registered, else as the requester said.</summary>
    public AttendanceChannel Channel { get; set; }

    /// <summary>For a reply: the speech it answers (the one speaking when it was asked for).</summary>
    public Guid? RepliesToId { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>Place in the queue while waiting (1 is next); rewritten for the whole queue when it changes.</summary>
    public int Position { get; set; }

    public DateTimeOffset? GivenFloorAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Speaking time given with the floor, in seconds; null for no limit.</summary>
    public int? AllottedSeconds { get; set; }

    /// <summary>Withdrawn by the person, or removed by the chair (<see cref="WithdrawnById"/> says who).</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }
    public Guid? WithdrawnById { get; set; }

    /// <summary>The chair added the request for someone who asked in the room.</summary>
    public Guid? AddedById { get; set; }

    public bool IsWaiting => GivenFloorAt is null && WithdrawnAt is null;

    public bool IsSpeaking => GivenFloorAt is not null && EndedAt is null;
}

/// <summary>
/// The state of one item's list of speakers: closed for new requests, the speaking time given with the floor. Every change
/// of the item's requests renews its stamp, so two changes made at once from the same state cannot both be saved.
/// </summary>
public class SpeakerList : IConcurrencyStamped
{
    public const int SpeakingSecondsMin = 30;
    public const int SpeakingSecondsMax = 600;

    public Guid AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }

    public bool IsClosed { get; set; }

    /// <summary>Speaking time for the next speeches, in seconds; null for none.</summary>
    public int? SpeakingSeconds { get; set; }

    /// <summary>Counts the changes of the list (requests included); a change to it renews the concurrency stamp.</summary>
    public int Version { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
