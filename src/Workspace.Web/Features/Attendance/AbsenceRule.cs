using Workspace.Data.Entities;

namespace Workspace.Web.Features.Attendance;

public enum AbsenceLevel
{
    None = 0,

    /// <summary>One meeting before the limit: the member and the administration are warned.</summary>
    Warning = 1,

    /// <summary>The limit is reached: the administration decides whether the member drops out.</summary>
    LimitReached = 2,
}

/// <summary>A meeting whose attendance was registered, as the absence rule reads it.</summary>
public sealed record RegisteredMeeting(Guid MeetingId, DateTimeOffset StartsAt, PresenceStatus Presence);

public sealed record AbsenceResult(AbsenceLevel Level, IReadOnlyList<RegisteredMeeting> MissedInARow)
{
    public static AbsenceResult Clear { get; } = new(AbsenceLevel.None, []);
}

/// <summary>
/// The rule "a member who misses N meetings in a row drops out" (N per council, or off). Apologies and absence
/// without notice both count as missed; a meeting where the member was present ends the run. Meetings whose
/// attendance was not registered are not counted either way.
/// </summary>
public static class AbsenceRule
{
    public static AbsenceResult Evaluate(int? limit, IEnumerable<RegisteredMeeting> meetings)
    {
        if (limit is not > 0)
        {
            return AbsenceResult.Clear;
        }
        var missed = meetings
            .Where(m => m.Presence != PresenceStatus.NotRegistered)
            .OrderByDescending(m => m.StartsAt)
            .TakeWhile(m => m.Presence is PresenceStatus.Apologies or PresenceStatus.AbsentWithoutNotice)
            .ToList();
        var level = missed.Count >= limit ? AbsenceLevel.LimitReached
            : missed.Count >= limit - 1 && missed.Count > 0 ? AbsenceLevel.Warning
            : AbsenceLevel.None;
        return level == AbsenceLevel.None ? AbsenceResult.Clear : new AbsenceResult(level, missed);
    }
}
