using Workspace.Data.Entities;
using Workspace.Web.Features.FollowUps;

namespace Workspace.UnitTests.FollowUps;

public sealed class FollowUpDueTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void A_date_in_the_past_is_overdue_while_open_or_in_progress_and_not_once_ended()
    {
        // Arrange
        var now = Utc(2026, 11, 20, 12, 0);
        var due = new DateOnly(2026, 11, 19);

        // Act
        var open = FollowUpDue.Evaluate(FollowUpDueKind.Date, due, null, FollowUpStatus.Open, now);
        var inProgress = FollowUpDue.Evaluate(FollowUpDueKind.Date, due, null, FollowUpStatus.InProgress, now);
        var done = FollowUpDue.Evaluate(FollowUpDueKind.Date, due, null, FollowUpStatus.Done, now);
        var dropped = FollowUpDue.Evaluate(FollowUpDueKind.Date, due, null, FollowUpStatus.Dropped, now);

        // Assert
        Assert.True(open.IsOverdue);
        Assert.True(inProgress.IsOverdue);
        Assert.False(done.IsOverdue);
        Assert.False(dropped.IsOverdue);
        Assert.Equal(-1, open.DaysLeft);
    }

    [Fact]
    public void The_due_day_itself_is_not_overdue()
    {
        var state = FollowUpDue.Evaluate(FollowUpDueKind.Date, new DateOnly(2026, 11, 20), null, FollowUpStatus.Open, Utc(2026, 11, 20, 20, 0));

        Assert.False(state.IsOverdue);
        Assert.Equal(0, state.DaysLeft);
        Assert.True(state.IsDueSoon);
    }

    [Fact]
    public void Next_meeting_without_a_next_meeting_is_not_fixed_and_never_overdue()
    {
        // Arrange: a year after the origin meeting, and still no meeting planned
        var now = Utc(2027, 11, 20, 12, 0);

        // Act
        var state = FollowUpDue.Evaluate(FollowUpDueKind.NextMeeting, null, null, FollowUpStatus.Open, now);

        // Assert
        Assert.True(state.NotFixed);
        Assert.Null(state.Date);
        Assert.False(state.IsOverdue);
        Assert.False(state.IsDueSoon);
    }

    [Fact]
    public void Next_meeting_is_due_on_the_day_of_that_meeting_and_overdue_the_day_after()
    {
        // Arrange: the next meeting on Thursday 10 December 2026 at 16.00 in Copenhagen (15.00 UTC)
        var next = Utc(2026, 12, 10, 15, 0);

        // Act
        var before = FollowUpDue.Evaluate(FollowUpDueKind.NextMeeting, null, next, FollowUpStatus.Open, Utc(2026, 12, 10, 22, 59));
        var after = FollowUpDue.Evaluate(FollowUpDueKind.NextMeeting, null, next, FollowUpStatus.Open, Utc(2026, 12, 10, 23, 0));

        // Assert: 23.00 UTC in December is midnight in Copenhagen
        Assert.Equal(new DateOnly(2026, 12, 10), before.Date);
        Assert.False(before.IsOverdue);
        Assert.True(after.IsOverdue);
    }

    [Fact]
    public void Today_is_the_Copenhagen_day_in_summer_time_so_a_date_is_overdue_from_22_UTC()
    {
        // Arrange: due 30 June 2026; Copenhagen is UTC+2 in summer
        var due = new DateOnly(2026, 6, 30);

        // Act
        var lateEvening = FollowUpDue.Evaluate(FollowUpDueKind.Date, due, null, FollowUpStatus.Open, Utc(2026, 6, 30, 21, 59));
        var pastMidnight = FollowUpDue.Evaluate(FollowUpDueKind.Date, due, null, FollowUpStatus.Open, Utc(2026, 6, 30, 22, 0));

        // Assert
        Assert.False(lateEvening.IsOverdue);
        Assert.True(pastMidnight.IsOverdue);
    }

    [Theory]
    [InlineData("2026-03-28T23:30:00Z", "2026-03-29")] // 00.30 CET on the night summer time begins
    [InlineData("2026-03-29T22:30:00Z", "2026-03-30")] // 00.30 CEST the day after
    [InlineData("2026-10-24T22:30:00Z", "2026-10-25")] // 00.30 CEST on the night summer time ends
    [InlineData("2026-10-25T22:30:00Z", "2026-10-25")] // 23.30 CET the same day, an hour later in UTC than in summer
    public void The_next_meetings_day_is_its_day_in_Copenhagen_across_summer_time(string startsAt, string expectedDay)
    {
        var state = FollowUpDue.Evaluate(FollowUpDueKind.NextMeeting, null, DateTimeOffset.Parse(startsAt), FollowUpStatus.Open, Utc(2026, 1, 1, 12, 0));

        Assert.Equal(DateOnly.Parse(expectedDay), state.Date);
    }

    [Fact]
    public void The_reminder_window_is_the_three_days_before_the_due_day()
    {
        var now = Utc(2026, 11, 20, 9, 0);

        Assert.True(FollowUpDue.Evaluate(FollowUpDueKind.Date, new DateOnly(2026, 11, 23), null, FollowUpStatus.Open, now).IsDueSoon);
        Assert.False(FollowUpDue.Evaluate(FollowUpDueKind.Date, new DateOnly(2026, 11, 24), null, FollowUpStatus.Open, now).IsDueSoon);
        Assert.False(FollowUpDue.Evaluate(FollowUpDueKind.Date, new DateOnly(2026, 11, 19), null, FollowUpStatus.Open, now).IsDueSoon);
    }

    [Fact]
    public void The_next_meeting_is_the_first_that_starts_after_the_origin_meeting()
    {
        // Arrange
        var origin = Utc(2026, 9, 10, 14, 0);
        DateTimeOffset[] starts = [Utc(2026, 12, 3, 15, 0), Utc(2026, 6, 4, 14, 0), origin, Utc(2026, 10, 29, 15, 0)];

        // Act
        var next = FollowUpDue.NextMeetingAfter(origin, starts);
        var none = FollowUpDue.NextMeetingAfter(Utc(2026, 12, 3, 15, 0), starts);

        // Assert
        Assert.Equal(Utc(2026, 10, 29, 15, 0), next);
        Assert.Null(none);
    }
}
