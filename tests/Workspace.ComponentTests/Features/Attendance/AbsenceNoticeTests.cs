using Microsoft.EntityFrameworkCore;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Data.Entities;
using Workspace.Web.Features.Attendance;

namespace Workspace.ComponentTests.Features.Attendance;

/// <summary>The absence rule's notices (limit 3 in a row): the administration sees everyone concerned, a member only themself.</summary>
public sealed class AbsenceNoticeTests : ComponentTestContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Administration_sees_the_limit_reached_and_the_warning_with_the_meetings_missed()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var councilId = await HoldMeetingsWithAbsencesAsync();

        // Act
        var cut = Render<AbsenceNotice>(p => p.Add(x => x.CouncilId, councilId));

        // Assert
        var notices = cut.FindAll("[data-testid=absence-notice]");
        Assert.Equal(2, notices.Count);
        Assert.Contains("mud-alert-text-error", notices[0].ClassName);
        Assert.Contains("Poul Skovbo har nået grænsen: 3 møder i træk uden deltagelse.", notices[0].TextContent);
        Assert.Contains("(Uden afbud)", notices[0].TextContent);
        Assert.Contains("mud-alert-text-warning", notices[1].ClassName);
        Assert.Contains("Mia Kragh har ikke deltaget i de seneste 2 møder i træk.", notices[1].TextContent);
        Assert.Contains("Møder: ", notices[1].TextContent);
        Assert.Contains("(Afbud)", notices[1].TextContent);
    }

    [Fact]
    public async Task Member_sees_only_their_own_warning()
    {
        // Arrange
        SignInAs("Mia Kragh");
        var councilId = await HoldMeetingsWithAbsencesAsync();

        // Act
        var cut = Render<AbsenceNotice>(p => p.Add(x => x.CouncilId, councilId));

        // Assert
        var notice = cut.Find("[data-testid=absence-notice]");
        Assert.Contains("Du har ikke deltaget i de seneste 2 møder i træk.", notice.TextContent);
        Assert.DoesNotContain("Poul Skovbo", cut.Markup);
    }

    /// <summary>
    /// Every meeting of the hearing's council held; newest first, Mia missed two (then was present) and Poul three.
    /// </summary>
    private async Task<Guid> HoldMeetingsWithAbsencesAsync()
    {
        await using var db = CreateDbContext();
        var councilId = await db.Meetings.Where(m => m.Id == MeetingIdWithItem(DemoItems.Hearing)).Select(m => m.CouncilId).SingleAsync(Ct);
        var meetings = await db.Meetings.Where(m => m.CouncilId == councilId).OrderByDescending(m => m.StartsAt).ToListAsync(Ct);
        Assert.True(meetings.Count >= 3);
        var mia = UserFor("Mia Kragh").PersonId!.Value;
        var poul = UserFor("Poul Skovbo").PersonId!.Value;
        PresenceStatus[] miasRun = [PresenceStatus.Apologies, PresenceStatus.Apologies];
        PresenceStatus[] poulsRun = [PresenceStatus.Apologies, PresenceStatus.AbsentWithoutNotice, PresenceStatus.Apologies];
        for (var i = 0; i < meetings.Count; i++)
        {
            meetings[i].Status = MeetingStatus.Held;
            await RegisterAsync(db, meetings[i].Id, mia, i < miasRun.Length ? miasRun[i] : PresenceStatus.Present);
            await RegisterAsync(db, meetings[i].Id, poul, i < poulsRun.Length ? poulsRun[i] : PresenceStatus.Present);
        }
        await db.SaveChangesAsync(Ct);
        return councilId;
    }

    private static async Task RegisterAsync(Workspace.Data.WorkspaceDbContext db, Guid meetingId, Guid personId, PresenceStatus presence)
    {
        var row = await db.Attendances.SingleOrDefaultAsync(a => a.MeetingId == meetingId && a.PersonId == personId, Ct);
        if (row is null)
        {
            row = new Workspace.Data.Entities.Attendance { MeetingId = meetingId, PersonId = personId, Role = AttendanceRole.Member };
            db.Attendances.Add(row);
        }
        row.Presence = presence;
    }
}
