using Workspace.Data.Entities;
using Workspace.Web.Features.Attendance;

namespace Workspace.UnitTests.Attendance;

public sealed class AbsenceRuleTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 15, 15, 0, 0, TimeSpan.Zero);

    /// <summary>Meetings a month apart, oldest first.</summary>
    private static List<RegisteredMeeting> Meetings(params PresenceStatus[] presences) =>
        presences.Select((p, i) => new RegisteredMeeting(Guid.NewGuid(), Start.AddMonths(i), p)).ToList();

    [Fact]
    public void Two_missed_in_a_row_warn_when_the_limit_is_three()
    {
        // Act
        var result = AbsenceRule.Evaluate(3, Meetings(PresenceStatus.Present, PresenceStatus.Apologies, PresenceStatus.AbsentWithoutNotice));

        // Assert
        Assert.Equal(AbsenceLevel.Warning, result.Level);
        Assert.Equal(2, result.MissedInARow.Count);
    }

    [Fact]
    public void Three_missed_in_a_row_reach_the_limit_and_list_the_meetings_newest_first()
    {
        // Arrange
        var meetings = Meetings(PresenceStatus.Apologies, PresenceStatus.Apologies, PresenceStatus.AbsentWithoutNotice);

        // Act
        var result = AbsenceRule.Evaluate(3, meetings);

        // Assert
        Assert.Equal(AbsenceLevel.LimitReached, result.Level);
        Assert.Equal(meetings.Select(m => m.MeetingId).Reverse(), result.MissedInARow.Select(m => m.MeetingId));
    }

    [Fact]
    public void Being_present_ends_the_run()
    {
        // Act
        var result = AbsenceRule.Evaluate(3, Meetings(PresenceStatus.Apologies, PresenceStatus.Apologies, PresenceStatus.Present, PresenceStatus.Apologies));

        // Assert
        Assert.Equal(AbsenceLevel.None, result.Level);
    }

    [Fact]
    public void Meetings_without_registration_are_not_counted()
    {
        // Act
        var result = AbsenceRule.Evaluate(3, Meetings(PresenceStatus.Apologies, PresenceStatus.NotRegistered, PresenceStatus.Apologies, PresenceStatus.NotRegistered));

        // Assert
        Assert.Equal(AbsenceLevel.Warning, result.Level);
        Assert.Equal(2, result.MissedInARow.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public void A_council_without_the_rule_never_warns(int? limit)
    {
        // Act
        var result = AbsenceRule.Evaluate(limit, Meetings(PresenceStatus.Apologies, PresenceStatus.Apologies, PresenceStatus.Apologies));

        // Assert
        Assert.Equal(AbsenceLevel.None, result.Level);
    }
}
