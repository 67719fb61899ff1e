using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Meetings;
using Workspace.Web.Features.Planning;

namespace Workspace.IntegrationTests.Planning;

public enum PlanningAction
{
    CreateAnnualPlan,
    EditTemplate,
    ReadTemplate,
    CreateMeetingFromTemplate,
    RecordHeldMeeting,
    ReopenClosedMeeting,
}

public enum PlanningOutcome
{
    Allowed,
    AccessDenied,
    NotFound,
}

/// <summary>
/// Annual plan and standard agenda of Udsatterådet are for its administration: members, the chair and substitutes
/// are refused, another council's chair does not even learn the council exists.
/// </summary>
public sealed class PlanningAuthorizationMatrixTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    /// <summary>A year far from the demo meetings, so that a plan never meets one of them.</summary>
    private const int PlanYear = 2031;

    public static IEnumerable<TheoryDataRow<string, PlanningAction, PlanningOutcome>> Matrix()
    {
        var rows = new List<TheoryDataRow<string, PlanningAction, PlanningOutcome>>();
        void Person(string name, PlanningOutcome outcome)
        {
            foreach (var action in Enum.GetValues<PlanningAction>())
            {
                rows.Add(new(name, action, outcome));
            }
        }

        Person(DevSignIn.Administration, PlanningOutcome.Allowed);
        Person(DevSignIn.Member, PlanningOutcome.AccessDenied);
        Person(DevSignIn.Chair, PlanningOutcome.AccessDenied);
        Person(DevSignIn.Substitute, PlanningOutcome.AccessDenied);
        Person(DevSignIn.OtherCouncilChair, PlanningOutcome.NotFound);
        return rows;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Planning_in_Udsatteraadet_is_for_its_administration_only(string person, PlanningAction action, PlanningOutcome expected)
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        var user = await factory.UserAsync(person);
        var templateItem = await TemplateItemIdAsync(ids.Udsatteraadet, "Nyt fra formanden");
        var closedMeeting = action == PlanningAction.ReopenClosedMeeting ? await ClosedMeetingAsync(ids.Udsatteraadet) : Guid.Empty;
        var meetingsBefore = await MeetingCountAsync(ids.Udsatteraadet);

        // Act
        var (outcome, result) = await TryAsync(action switch
        {
            PlanningAction.CreateAnnualPlan => async () =>
                (await factory.Service<AnnualPlanService>().CreateAsync(user, ids.Udsatteraadet, Plan(), Ct)).Count,
            PlanningAction.EditTemplate => async () =>
            {
                await factory.Service<AgendaTemplateService>().UpdateAsync(user, templateItem,
                    new TemplateItemInput { Title = "Nyt fra formanden", Kind = AgendaItemKind.Information, AllottedMinutes = 15 }, Ct);
                return 1;
            },
            PlanningAction.ReadTemplate => async () =>
                (await factory.Service<AgendaTemplateService>().GetAsync(user, ids.Udsatteraadet, Ct)).Items.Count,
            PlanningAction.CreateMeetingFromTemplate => async () =>
            {
                var id = await factory.Service<MeetingService>().CreateMeetingAsync(user, ids.Udsatteraadet, Meeting(), Ct);
                return (await factory.Service<MeetingService>().GetMeetingAsync(user, id, Ct)).Items.Count;
            },
            PlanningAction.RecordHeldMeeting => async () =>
            {
                var id = await factory.Service<MeetingService>().CreateMeetingAsync(user, ids.Udsatteraadet, HeldMeeting(), Ct);
                return (int)(await factory.Service<MeetingService>().GetMeetingAsync(user, id, Ct)).Status;
            },
            PlanningAction.ReopenClosedMeeting => async () =>
            {
                await factory.Service<MeetingService>().ReopenAsync(user, closedMeeting, "Referatet skal rettes.", Ct);
                return (int)(await factory.Service<MeetingService>().GetMeetingAsync(user, closedMeeting, Ct)).Status;
            },
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        });

        // Assert
        Assert.Equal(expected, outcome);
        var meetingsAfter = await MeetingCountAsync(ids.Udsatteraadet);
        if (outcome == PlanningOutcome.Allowed)
        {
            Assert.True(result > 0, $"{action} by {person} changed or returned nothing.");
        }
        else
        {
            Assert.Equal(meetingsBefore, meetingsAfter);
        }
        if (action == PlanningAction.ReopenClosedMeeting)
        {
            Assert.Equal(outcome == PlanningOutcome.Allowed ? MeetingStatus.Held : MeetingStatus.Closed, await StatusAsync(closedMeeting));
        }
    }

    /// <summary>A meeting of Udsatterådet recorded as held and closed by its secretary.</summary>
    private async Task<Guid> ClosedMeetingAsync(Guid councilId)
    {
        var secretary = await factory.UserAsync(DevSignIn.Administration);
        var id = await factory.Service<MeetingService>().CreateMeetingAsync(secretary, councilId, HeldMeeting(), Ct);
        await factory.Service<MeetingService>().CloseAsync(secretary, id, Ct);
        return id;
    }

    private async Task<MeetingStatus> StatusAsync(Guid meetingId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Status).SingleAsync(Ct);
    }

    private static async Task<(PlanningOutcome, int)> TryAsync(Func<Task<int>> act)
    {
        try
        {
            return (PlanningOutcome.Allowed, await act());
        }
        catch (AccessDeniedException)
        {
            return (PlanningOutcome.AccessDenied, 0);
        }
        catch (NotFoundException)
        {
            return (PlanningOutcome.NotFound, 0);
        }
    }

    private static AnnualPlanInput Plan() => new()
    {
        Year = PlanYear,
        Title = "Møde i Udsatterådet",
        Dates = [new DateOnly(PlanYear, 3, 6), new DateOnly(PlanYear, 9, 4)],
        StartTime = new TimeSpan(16, 0, 0),
        EndTime = new TimeSpan(18, 0, 0),
        Place = "Rådhuset, mødelokale 2A",
    };

    private static MeetingInput Meeting() => new()
    {
        Title = "Ekstraordinært møde",
        Kind = MeetingKind.Extra,
        Date = new DateTime(PlanYear + 1, 5, 6),
        StartTime = new TimeSpan(16, 0, 0),
        EndTime = new TimeSpan(18, 0, 0),
        OnlineLink = "https://moede.boegeby.example/udsatteraadet",
    };

    private static MeetingInput HeldMeeting() => new()
    {
        Title = "Rådsmøde (registreret efterfølgende)",
        Date = new DateTime(2022, 3, 10),
        StartTime = new TimeSpan(16, 0, 0),
        EndTime = new TimeSpan(18, 0, 0),
        Place = "Rådhuset, mødelokale 2A",
        RecordsHeldMeeting = true,
    };

    private async Task<Guid> TemplateItemIdAsync(Guid councilId, string title)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.AgendaTemplateItems.Where(t => t.CouncilId == councilId && t.Title == title).Select(t => t.Id).SingleAsync(Ct);
    }

    private async Task<int> MeetingCountAsync(Guid councilId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Meetings.CountAsync(m => m.CouncilId == councilId, Ct);
    }
}
