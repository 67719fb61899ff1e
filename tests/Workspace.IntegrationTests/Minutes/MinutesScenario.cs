using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Features.Minutes;

namespace Workspace.IntegrationTests.Minutes;

/// <summary>
/// A held meeting of its own (an open and a closed item) and the next meeting whose item approves its minutes. With
/// <c>byMembers</c> the minutes are approved by each member's "Godkend" and <see cref="Present"/> were registered present.
/// </summary>
public sealed record MinutesScenario(Guid MeetingId, Guid OpenItemId, Guid ClosedItemId, Guid NextMeetingId, Guid ApprovalItemId, Guid MinutesId, DateTimeOffset StartsAt)
{
    private static int _nextDay;

    public const string ClosedTitle = "Sag om en navngiven borgers husleje";

    /// <summary>The members registered present when the minutes are approved by the members: the chair, a member and one more.</summary>
    public static readonly string[] Present = [DevSignIn.Chair, DevSignIn.Member, "Leni Dahlgaard"];

    public static async Task<MinutesScenario> CreateAsync(WorkspaceFactory factory, MinutesStatus? status, bool withComment = false, bool byMembers = false)
    {
        await using var db = await factory.CreateDbContextAsync();
        var councilId = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Councils.Where(c => c.Name == "Udsatterådet").Select(c => c.Id), TestCancellation.Ct);
        var day = Interlocked.Increment(ref _nextDay);
        var startsAt = DateTimeOffset.UtcNow.Date.AddDays(-200 - day).AddHours(15);
        var meeting = new Meeting { CouncilId = councilId, Title = "Matrixmøde om referat", StartsAt = startsAt, EndsAt = startsAt.AddHours(2), Status = MeetingStatus.Held, PublishedAt = startsAt.AddDays(-7) };
        var open = new AgendaItem { Meeting = meeting, Number = 1, Title = "Orientering om vinterberedskab", Decision = "Taget til efterretning." };
        var closed = new AgendaItem { Meeting = meeting, Number = 2, Title = ClosedTitle, IsClosed = true, Decision = "Rådet anbefaler sagen." };
        meeting.AgendaItems.AddRange([open, closed]);
        var next = new Meeting { CouncilId = councilId, Title = "Næste matrixmøde", StartsAt = startsAt.AddDays(1), EndsAt = startsAt.AddDays(1).AddHours(2), Status = MeetingStatus.Held, PublishedAt = startsAt };
        var approval = new AgendaItem { Meeting = next, Number = 1, Title = "Godkendelse af referat", ApprovesMinutesOfMeetingId = meeting.Id };
        next.AgendaItems.Add(approval);
        db.Meetings.AddRange(meeting, next);
        if (byMembers)
        {
            foreach (var name in Present)
            {
                db.Attendances.Add(new Workspace.Data.Entities.Attendance { MeetingId = meeting.Id, PersonId = await DemoIds.PersonIdAsync(factory, name), Role = AttendanceRole.Member, Presence = PresenceStatus.Present });
            }
        }
        await db.SaveChangesAsync(TestCancellation.Ct);
        var minutesId = Guid.Empty;
        if (status is { } s)
        {
            var minutes = new MeetingMinutes { MeetingId = meeting.Id, Status = s, CreatedAt = DateTimeOffset.UtcNow, CommentDeadline = DateTimeOffset.UtcNow.AddDays(7), ApprovalByMembers = byMembers };
            if (s == MinutesStatus.Approved)
            {
                minutes.ApprovedAt = DateTimeOffset.UtcNow;
                minutes.ApprovedUnderItemId = approval.Id;
                var document = await new MinutesGenerator().GenerateAsync(db, meeting.Id);
                minutes.Versions.Add(new MinutesVersion { Number = 1, CreatedAt = DateTimeOffset.UtcNow, DocumentJson = System.Text.Json.JsonSerializer.Serialize(document, MinutesService.Json) });
            }
            if (withComment)
            {
                minutes.Comments.Add(new MinutesComment { AgendaItemId = open.Id, AuthorId = await DemoIds.PersonIdAsync(factory, DevSignIn.Member), Text = "Ret stavefejl.", CreatedAt = DateTimeOffset.UtcNow });
            }
            db.Set<MeetingMinutes>().Add(minutes);
            minutesId = minutes.Id;
        }
        await db.SaveChangesAsync(TestCancellation.Ct);
        return new MinutesScenario(meeting.Id, open.Id, closed.Id, next.Id, approval.Id, minutesId, startsAt);
    }
}
