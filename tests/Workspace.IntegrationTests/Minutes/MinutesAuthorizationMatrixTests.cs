using System.Net;
using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Minutes;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Minutes;

public enum MinutesAction
{
    ReadDraft,
    Start,
    Circulate,
    Comment,
    ResolveComment,
    Approve,
    ApproveAsMember,
    ChooseApprovalByMembers,
    Correct,
    ReadApproved,
}

public enum MinutesOutcome
{
    Allowed,
    AccessDenied,
    NotFound,
    /// <summary>The reader may see the meeting, but the minutes are not circulated: "Referatet er ikke klar endnu", nothing shown.</summary>
    NotReady,
}

/// <summary>
/// Who may do what with minutes: the administration writes, circulates, resolves, corrects and chooses approval by each
/// member; members (and the chair) comment, and approve by "Godkend" where so chosen (the members present: the chair and
/// the member here); the administration and the chair approve at the next meeting; substitutes read circulated and approved
/// minutes without closed items and are told a draft is not ready; another council's chair does not learn they exist. The pages and endpoints share these checks;
/// the HTTP rows (anonymous included) are in <see cref="MinutesHttpMatrixTests"/>.
/// </summary>
public sealed class MinutesAuthorizationMatrixTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    public static IEnumerable<TheoryDataRow<string, MinutesAction, MinutesOutcome>> Matrix()
    {
        var A = MinutesOutcome.Allowed;
        var D = MinutesOutcome.AccessDenied;
        var N = MinutesOutcome.NotFound;
        var R = MinutesOutcome.NotReady;
        var rows = new Dictionary<MinutesAction, (MinutesOutcome Admin, MinutesOutcome Chair, MinutesOutcome Member, MinutesOutcome Substitute)>
        {
            [MinutesAction.ReadDraft] = (A, R, R, R),
            [MinutesAction.Start] = (A, D, D, D),
            [MinutesAction.Circulate] = (A, D, D, D),
            [MinutesAction.Comment] = (D, A, A, D),
            [MinutesAction.ResolveComment] = (A, D, D, D),
            [MinutesAction.Approve] = (A, A, D, D),
            [MinutesAction.ApproveAsMember] = (D, A, A, D),
            [MinutesAction.ChooseApprovalByMembers] = (A, D, D, D),
            [MinutesAction.Correct] = (A, D, D, D),
            [MinutesAction.ReadApproved] = (A, A, A, A),
        };
        foreach (var (action, o) in rows)
        {
            yield return new(DevSignIn.Administration, action, o.Admin);
            yield return new(DevSignIn.Chair, action, o.Chair);
            yield return new(DevSignIn.Member, action, o.Member);
            yield return new(DevSignIn.Substitute, action, o.Substitute);
            yield return new(DevSignIn.OtherCouncilChair, action, N);
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_may_do_with_minutes_what_its_rights_allow(string person, MinutesAction action, MinutesOutcome expected)
    {
        // Arrange: a meeting of its own per row, with the minutes in the state the action needs
        var scenario = await MinutesScenario.CreateAsync(factory, action switch
        {
            MinutesAction.ReadDraft => MinutesStatus.Draft,
            MinutesAction.Start => null,
            MinutesAction.Circulate => MinutesStatus.Draft,
            MinutesAction.Correct or MinutesAction.ReadApproved => MinutesStatus.Approved,
            _ => MinutesStatus.InCirculation,
        }, withComment: action == MinutesAction.ResolveComment, byMembers: action == MinutesAction.ApproveAsMember);
        var minutes = factory.Service<MinutesService>();
        var user = await factory.UserAsync(person);
        Guid commentId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            commentId = await db.Set<MinutesComment>().Where(c => c.MeetingMinutesId == scenario.MinutesId).Select(c => c.Id).FirstOrDefaultAsync(Ct);
        }
        MinutesView? read = null;

        // Act
        var outcome = await OutcomeOfAsync(action switch
        {
            MinutesAction.ReadDraft or MinutesAction.ReadApproved => async () => read = await minutes.GetAsync(user, scenario.MeetingId, ct: Ct),
            MinutesAction.Start => () => minutes.StartAsync(user, scenario.MeetingId, Ct),
            MinutesAction.Circulate => () => minutes.CirculateAsync(user, scenario.MeetingId, DateTimeOffset.UtcNow.AddDays(5), Ct),
            MinutesAction.Comment => () => minutes.CommentAsync(user, scenario.MeetingId, scenario.OpenItemId, "Matrixkommentar", Ct),
            MinutesAction.ResolveComment => () => minutes.ResolveCommentAsync(user, commentId, "Rettet", Ct),
            MinutesAction.Approve => () => minutes.ApproveAsync(user, scenario.ApprovalItemId, Ct),
            MinutesAction.ApproveAsMember => () => minutes.ApproveAsMemberAsync(user, scenario.MeetingId, Ct),
            MinutesAction.ChooseApprovalByMembers => () => minutes.SetApprovalByMembersAsync(user, scenario.MeetingId, true, Ct),
            MinutesAction.Correct => () => minutes.CorrectAsync(user, scenario.MeetingId, "Stavefejl rettet", Ct),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        });

        // Assert: the outcome, and that the data changed exactly when the action was allowed
        Assert.Equal(expected, outcome);
        await using var check = await factory.CreateDbContextAsync();
        var stored = await check.Set<MeetingMinutes>().Include(m => m.Versions).Include(m => m.Comments).Include(m => m.Approvals)
            .SingleOrDefaultAsync(m => m.MeetingId == scenario.MeetingId, Ct);
        var changed = action switch
        {
            MinutesAction.ReadDraft or MinutesAction.ReadApproved => read is not null,
            MinutesAction.Start => stored is not null,
            MinutesAction.Circulate => stored!.Status == MinutesStatus.InCirculation,
            MinutesAction.Comment => stored!.Comments.Any(c => c.Text == "Matrixkommentar"),
            MinutesAction.ResolveComment => stored!.Comments.Single().Resolution == "Rettet",
            MinutesAction.Approve => stored!.Status == MinutesStatus.Approved && stored.Versions.Count == 1,
            // Two of the three present approving do not lock the minutes: one "Godkend" is stored, nothing more.
            MinutesAction.ApproveAsMember => stored!.Approvals.Any(a => a.PersonId == user.PersonId) && stored.Status == MinutesStatus.InCirculation,
            MinutesAction.ChooseApprovalByMembers => stored!.ApprovalByMembers,
            MinutesAction.Correct => stored!.Versions.Count == 2,
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        Assert.Equal(expected == MinutesOutcome.Allowed, changed);
        // Whoever reads approved minutes sees the closed item only with the right to closed items.
        if (read is not null)
        {
            var closedShown = read.Document.Entries.Any(e => e.Title == MinutesScenario.ClosedTitle);
            Assert.Equal(person is DevSignIn.Administration or DevSignIn.Chair or DevSignIn.Member, closedShown);
        }
    }

    [Fact]
    public async Task A_substitute_stepping_in_at_the_meeting_comments_and_sees_the_closed_item()
    {
        // Arrange
        var scenario = await MinutesScenario.CreateAsync(factory, MinutesStatus.InCirculation);
        await using (var db = await factory.CreateDbContextAsync())
        {
            db.SubstituteCalls.Add(new SubstituteCall
            {
                MeetingId = scenario.MeetingId,
                SubstituteId = await DemoIds.PersonIdAsync(factory, DevSignIn.Substitute),
                ForMemberId = await DemoIds.PersonIdAsync(factory, "Leni Dahlgaard"),
                Status = SubstituteCallStatus.Confirmed,
                ProposedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync(Ct);
        }
        var carsten = await factory.UserAsync(DevSignIn.Substitute);
        var minutes = factory.Service<MinutesService>();

        // Act
        await minutes.CommentAsync(carsten, scenario.MeetingId, scenario.ClosedItemId, "Navnet er stavet forkert.", Ct);
        var view = await minutes.GetAsync(carsten, scenario.MeetingId, ct: Ct);

        // Assert
        Assert.Contains(view.Document.Entries, e => e.Title == MinutesScenario.ClosedTitle);
        Assert.Contains(view.Comments, c => c.Text == "Navnet er stavet forkert.");
    }

    [Fact]
    public async Task Approval_by_members_is_also_for_a_substitute_stepping_in_and_not_for_a_member_who_was_absent()
    {
        // Arrange: the chair, the member and Leni present; Carsten called in and present for Jens; Poul absent
        var scenario = await MinutesScenario.CreateAsync(factory, MinutesStatus.InCirculation, byMembers: true);
        await using (var db = await factory.CreateDbContextAsync())
        {
            var carstenId = await DemoIds.PersonIdAsync(factory, DevSignIn.Substitute);
            db.SubstituteCalls.Add(new SubstituteCall
            {
                MeetingId = scenario.MeetingId, SubstituteId = carstenId, ForMemberId = await DemoIds.PersonIdAsync(factory, "Jens Vestergaard"),
                Status = SubstituteCallStatus.Confirmed, ProposedAt = DateTimeOffset.UtcNow,
            });
            db.Attendances.Add(new Workspace.Data.Entities.Attendance { MeetingId = scenario.MeetingId, PersonId = carstenId, Role = AttendanceRole.Substitute, Presence = PresenceStatus.Present });
            db.Attendances.Add(new Workspace.Data.Entities.Attendance { MeetingId = scenario.MeetingId, PersonId = await DemoIds.PersonIdAsync(factory, "Poul Skovbo"), Role = AttendanceRole.Member, Presence = PresenceStatus.Apologies });
            await db.SaveChangesAsync(Ct);
        }
        var minutes = factory.Service<MinutesService>();
        var carsten = await factory.UserAsync(DevSignIn.Substitute);
        var poul = await factory.UserAsync("Poul Skovbo");

        // Act
        var before = await minutes.GetAsync(carsten, scenario.MeetingId, ct: Ct);
        await minutes.ApproveAsMemberAsync(carsten, scenario.MeetingId, Ct);
        var absent = await OutcomeOfAsync(() => minutes.ApproveAsMemberAsync(poul, scenario.MeetingId, Ct));
        var afterForPoul = await minutes.GetAsync(poul, scenario.MeetingId, ct: Ct);

        // Assert: Carsten was to approve and did; Poul may not, and sees who has
        Assert.True(before.Rights.CanApproveAsMember);
        Assert.Equal(["Carsten Lykke", "Gitte Holmgaard", "Leni Dahlgaard", "Mia Kragh"], before.MemberApproval.Approvers.Select(a => a.Name));
        Assert.Equal(MinutesOutcome.AccessDenied, absent);
        Assert.False(afterForPoul.Rights.CanApproveAsMember);
        Assert.Equal(1, afterForPoul.MemberApproval.ApprovedCount);
        Assert.NotNull(Assert.Single(afterForPoul.MemberApproval.Approvers, a => a.Name == "Carsten Lykke").ApprovedAt);
    }

    private static async Task<MinutesOutcome> OutcomeOfAsync(Func<Task> action)
    {
        try
        {
            await action();
            return MinutesOutcome.Allowed;
        }
        catch (AccessDeniedException)
        {
            return MinutesOutcome.AccessDenied;
        }
        catch (NotFoundException)
        {
            return MinutesOutcome.NotFound;
        }
        catch (MinutesNotReadyException)
        {
            return MinutesOutcome.NotReady;
        }
    }
}
