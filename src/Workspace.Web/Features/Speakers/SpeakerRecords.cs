using Workspace.Data.Entities;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Running;

namespace Workspace.Web.Features.Speakers;

/// <summary>One request for the floor as shown: who, for what, online or in the room, and for a reply whom it answers.</summary>
public sealed record SpeakerEntry(
    Guid Id,
    Guid PersonId,
    string Name,
    SpeechKind Kind,
    AttendanceChannel Channel,
    Guid? RepliesToId,
    string? RepliesToName,
    DateTimeOffset RequestedAt,
    DateTimeOffset? GivenFloorAt,
    DateTimeOffset? EndedAt,
    int? AllottedSeconds)
{
    public bool IsOnline => Channel == AttendanceChannel.Online;

    public bool IsReply => Kind == SpeechKind.Reply;
}

/// <summary>Someone the chair can put on the list for a request made in the room: present (or not registered yet) and not gone.</summary>
public sealed record SpeakerCandidate(Guid PersonId, string Name, AttendanceChannel Channel);

/// <summary>What the viewer may do with the list, and why they cannot ask for the floor (a resource key) when they cannot.</summary>
public sealed record SpeakerAbilities(bool CanControl, bool CanRequest, string? RequestBlockedKey, AttendanceChannel? RegisteredChannel)
{
    public static SpeakerAbilities ReadOnly { get; } = new(false, false, null, null);
}

/// <summary>
/// One item's list of speakers as one viewer sees it: the one speaking, the queue in order, who has spoken, whether the
/// list is closed and the speaking time; <see cref="Version"/> grows with every change (a move says which version it saw).
/// </summary>
public sealed record SpeakerListView(
    Guid MeetingId,
    Guid ItemId,
    string ItemNumber,
    string ItemTitle,
    bool IsClosed,
    int? SpeakingSeconds,
    int Version,
    SpeakerEntry? Speaking,
    ValueList<SpeakerEntry> Waiting,
    ValueList<SpeakerEntry> Spoken,
    SpeakerAbilities Me,
    Guid? MyPersonId,
    ValueList<SpeakerCandidate> Candidates)
{
    /// <summary>The viewer's own waiting request of a kind, and its place in the queue (1 is next).</summary>
    public (SpeakerEntry Entry, int Place)? Mine(SpeechKind kind)
    {
        for (var i = 0; i < Waiting.Count; i++)
        {
            if (Waiting[i].PersonId == MyPersonId && Waiting[i].Kind == kind)
            {
                return (Waiting[i], i + 1);
            }
        }
        return null;
    }

    public bool IAmSpeaking => Speaking is not null && Speaking.PersonId == MyPersonId;
}

/// <summary>The list as the room screen shows it: the one speaking, the next few, whether it is closed.</summary>
public sealed record SpeakerScreenView(Guid ItemId, bool IsClosed, SpeakerEntry? Speaking, ValueList<SpeakerEntry> Next, int WaitingCount);

/// <summary>
/// A speech's time at one moment: used against allotted, amber near the end (the item timer's rule: the last fifth, at most
/// the last two minutes), red past it. Computed from when the floor was given, so no server has to tick.
/// </summary>
public sealed record SpeakingTime(DateTimeOffset Since, TimeSpan? Allotted, TimeSpan Used)
{
    private static readonly TimeSpan NearEndAtMost = TimeSpan.FromMinutes(2);

    public static SpeakingTime? Of(SpeakerEntry entry, DateTimeOffset now) =>
        entry.GivenFloorAt is { } since
            ? new SpeakingTime(since, entry.AllottedSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
                ((entry.EndedAt ?? now) > since ? (entry.EndedAt ?? now) - since : TimeSpan.Zero))
            : null;

    /// <summary>Time left (negative past the end); null without a speaking time.</summary>
    public TimeSpan? Remaining => Allotted - Used;

    /// <summary>How much before the end the countdown turns amber; null without a speaking time.</summary>
    public TimeSpan? NearEndWithin => Allotted is { } allotted ? (allotted / 5 < NearEndAtMost ? allotted / 5 : NearEndAtMost) : null;

    public TimerPhase Phase => Allotted is not { } allotted
        ? TimerPhase.Unlimited
        : Used >= allotted
            ? TimerPhase.Over
            : allotted - Used <= NearEndWithin ? TimerPhase.NearEnd : TimerPhase.Normal;

    /// <summary>"1:05" left (whole seconds up: 0:01 until the last second is gone), "+0:12" past the end, or the time spoken without a limit.</summary>
    public string Clock => Remaining is { } remaining
        ? (remaining > TimeSpan.Zero ? Format(remaining, up: true) : "+" + Format(-remaining, up: false))
        : Format(Used, up: false);

    public static string Format(TimeSpan span, bool up = false)
    {
        var seconds = (long)(up ? Math.Ceiling(span.TotalSeconds) : Math.Floor(span.TotalSeconds));
        return $"{seconds / 60}:{seconds % 60:00}";
    }
}

/// <summary>Who spoke on one item of a held meeting, in the order they had the floor.</summary>
public sealed record SpeakerRecordItem(Guid ItemId, string Number, string Title, ValueList<SpeakerEntry> Spoken);
