using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Agenda;
using Workspace.Web.Features.Meetings;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Agenda;

public enum AgendaAction
{
    AddSubItem,
    MoveByKeyboard,
    MoveByDragAndDrop,
    Delete,
    Postpone,
    Withdraw,
    Reinstate,
    UpdateItem,
    PresenterChoices,
    AddSection,
    AddPause,
    RenameSection,
    GroupByKind,
    EditMeetingNotes,
    MinutesChoices,
    SetApprovedMinutes,
    MoveIntoSection,
    SectionChoices,
    AddFromText,
    PreviewText,
}

public enum Outcome
{
    Allowed,
    Denied,
    NotFound,
}

/// <summary>
/// Who may change the shape of an agenda, asked of the service every caller (page, API, hub) goes through.
/// Members read the agenda but cannot change it (denied); another council does not see it (not found).
/// </summary>
public sealed class AgendaAuthorizationMatrixTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private static int _nextDay;

    public static IEnumerable<TheoryDataRow<string, AgendaAction, Outcome>> Matrix()
    {
        (string Person, Outcome Outcome)[] people =
        [
            (DevSignIn.Administration, Outcome.Allowed),
            (DevSignIn.Member, Outcome.Denied),
            (DevSignIn.Chair, Outcome.Denied),
            (DevSignIn.Substitute, Outcome.Denied),
            (DevSignIn.OtherCouncilChair, Outcome.NotFound),
        ];
        return from p in people
               from action in Enum.GetValues<AgendaAction>()
               select new TheoryDataRow<string, AgendaAction, Outcome>(p.Person, action, p.Outcome);
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Agenda_changes_are_for_the_councils_administration_only(string person, AgendaAction action, Outcome expected)
    {
        // Arrange: each row gets its own meetings, so allowed rows do not change what the next row sees
        var scenario = new AgendaScenario(factory);
        var day = new DateTime(2032, 1, 5).AddDays(7 * Interlocked.Increment(ref _nextDay));
        var meetingId = await scenario.MeetingAsync(day, "Et", "To");
        var laterMeetingId = await scenario.MeetingAsync(day.AddDays(3), "Et");
        var one = await scenario.ItemAsync(meetingId, "Et");
        var two = await scenario.ItemAsync(meetingId, "To");
        if (action == AgendaAction.Reinstate)
        {
            await scenario.Agenda.WithdrawAsync(await scenario.SecretaryAsync(), two, "Forberedt til testen", Ct);
        }
        var section = await scenario.Agenda.AddEntryAsync(await scenario.SecretaryAsync(), meetingId, AgendaItemLayout.Section,
            new AgendaEntryInput { Title = "Orienteringspunkter" }, Ct);
        var stamps = await scenario.Meetings.GetMeetingAsync(await scenario.SecretaryAsync(), meetingId, Ct);
        var sectionStamp = stamps.Items.Single(i => i.Id == section).ConcurrencyStamp;
        var user = await factory.UserAsync(person);

        // Act
        var thrown = await Record.ExceptionAsync(() => action switch
        {
            AgendaAction.AddSubItem => scenario.Agenda.AddSubItemAsync(user, one, new AgendaItemInput { Title = "Underpunkt" }, Ct),
            AgendaAction.MoveByKeyboard => scenario.Agenda.StepAsync(user, two, AgendaDirection.Up, Ct),
            AgendaAction.MoveByDragAndDrop => scenario.Agenda.MoveOntoAsync(user, two, one, Ct),
            AgendaAction.Delete => scenario.Agenda.DeleteAsync(user, two, Ct),
            AgendaAction.Postpone => scenario.Agenda.PostponeAsync(user, two, laterMeetingId, null, Ct),
            AgendaAction.Withdraw => scenario.Agenda.WithdrawAsync(user, two, "Begrundelse", Ct),
            AgendaAction.Reinstate => scenario.Agenda.ReinstateAsync(user, two, Ct),
            AgendaAction.UpdateItem => scenario.Meetings.UpdateItemAsync(user, two, new AgendaItemInput { Title = "Nyt navn", AllottedMinutes = 15 },
                new AgendaItemInput { Title = "To", AllottedMinutes = 15 }, Ct),
            AgendaAction.PresenterChoices => scenario.Agenda.PresenterChoicesAsync(user, meetingId, Ct),
            AgendaAction.AddSection => scenario.Agenda.AddEntryAsync(user, meetingId, AgendaItemLayout.Section, new AgendaEntryInput { Title = "Høringer" }, Ct),
            AgendaAction.AddPause => scenario.Agenda.AddEntryAsync(user, meetingId, AgendaItemLayout.Pause, new AgendaEntryInput { Title = "Pause", AllottedMinutes = 10 }, Ct),
            AgendaAction.RenameSection => scenario.Agenda.UpdateEntryAsync(user, section, new AgendaEntryInput { Title = "Beslutningspunkter" }, sectionStamp, Ct),
            AgendaAction.GroupByKind => scenario.Agenda.GroupByKindAsync(user, meetingId, Ct),
            AgendaAction.EditMeetingNotes => scenario.Meetings.UpdateNotesAsync(user, meetingId, "Budget: 25.000 kr.", stamps.ConcurrencyStamp, Ct),
            AgendaAction.MinutesChoices => scenario.Agenda.MinutesChoicesAsync(user, one, Ct),
            AgendaAction.SetApprovedMinutes => scenario.Agenda.SetApprovedMinutesAsync(user, one, null, Ct),
            AgendaAction.MoveIntoSection => scenario.Agenda.MoveIntoSectionAsync(user, one, section, Ct),
            AgendaAction.SectionChoices => scenario.Agenda.SectionsAsync(user, one, Ct),
            AgendaAction.AddFromText => scenario.Agenda.AddFromTextAsync(user, meetingId, "1. Budget\n  a) Fordeling\nPAUSE (10 min.)", Ct),
            AgendaAction.PreviewText => scenario.Agenda.PreviewTextAsync(user, meetingId, "1. Budget", Ct),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        });

        // Assert
        var outcome = thrown switch
        {
            null => Outcome.Allowed,
            AccessDeniedException => Outcome.Denied,
            NotFoundException => Outcome.NotFound,
            _ => throw new Xunit.Sdk.XunitException($"Unexpected {thrown.GetType().Name}: {thrown.Message}"),
        };
        Assert.Equal(expected, outcome);
    }
}
