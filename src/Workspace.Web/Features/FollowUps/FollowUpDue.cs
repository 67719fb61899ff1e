using Workspace.Data.Entities;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Features.FollowUps;

/// <summary>When a follow-up is due, as the council sees it on a Copenhagen calendar.</summary>
/// <param name="Date">The due day; null for "next meeting" while no next meeting exists.</param>
/// <param name="IsOverdue">Still open or in progress and the due day has passed.</param>
/// <param name="DaysLeft">Days from today to the due day (negative when past); null without a day.</param>
public sealed record DueState(DateOnly? Date, bool IsOverdue, int? DaysLeft)
{
    /// <summary>"Næste møde (ikke fastlagt)": due at a meeting that is not planned yet, so never overdue.</summary>
    public bool NotFixed => Date is null;

    /// <summary>Within the three days before the due day (the reminder's window), not yet past it.</summary>
    public bool IsDueSoon => DaysLeft is >= 0 and <= FollowUpDue.ReminderDays;
}

/// <summary>
/// The due rules. A date is a day in Copenhagen; "next meeting" is the day (in Copenhagen) of the council's next
/// meeting after the origin meeting. "Today" is the Copenhagen day of the instant, so an evening in UTC may already be
/// tomorrow in Denmark, and summer time is the time zone's business.
/// </summary>
public static class FollowUpDue
{
    public const int ReminderDays = 3;

    public static DateOnly Today(DateTimeOffset now) => DayOf(now);

    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, CopenhagenTime.Zone).DateTime);

    public static bool IsEnded(FollowUpStatus status) => status is FollowUpStatus.Done or FollowUpStatus.Dropped;

    public static DueState Evaluate(FollowUpDueKind kind, DateOnly? dueDate, DateTimeOffset? nextMeetingStartsAt, FollowUpStatus status, DateTimeOffset now)
    {
        DateOnly? date = kind == FollowUpDueKind.NextMeeting
            ? nextMeetingStartsAt is { } starts ? DayOf(starts) : null
            : dueDate;
        if (date is not { } day)
        {
            return new DueState(null, false, null);
        }
        var daysLeft = day.DayNumber - Today(now).DayNumber;
        return new DueState(day, !IsEnded(status) && daysLeft < 0, daysLeft);
    }

    /// <summary>The council's next meeting after the origin meeting: the first one that starts later and is not cancelled.</summary>
    public static DateTimeOffset? NextMeetingAfter(DateTimeOffset originStartsAt, IEnumerable<DateTimeOffset> notCancelledStarts) =>
        notCancelledStarts.Where(s => s > originStartsAt).Order().Cast<DateTimeOffset?>().FirstOrDefault();
}
