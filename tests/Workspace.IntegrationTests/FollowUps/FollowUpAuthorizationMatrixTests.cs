using System.Net;
using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.FollowUps;

namespace Workspace.IntegrationTests.FollowUps;

public enum FollowUpAction
{
    ReadRegister,
    ExportRegister,
    CreateOwn,
    CreateForOther,
    EditOthers,
    ChangeStatusOfOthers,
    EditOwn,
    ChangeStatusOfOwn,
    ReadOnClosedItem,
    CreateOnClosedItem,
    AddStatusItem,
}

public enum FollowUpOutcome
{
    Allowed,
    AccessDenied,
    NotFound,
}

/// <summary>
/// Who may do what with Udsatterådet's follow-ups: the administration creates and edits all; the chair creates for
/// anyone; a member creates her own and updates her own; members and substitutes read the register, but a follow-up on a
/// closed item only those who see the item; another council's chair sees nothing. The services are called directly
/// (page, dialogs and endpoint share their checks); the export is asked for over HTTP.
/// </summary>
public sealed class FollowUpAuthorizationMatrixTests(FollowUpsFactory factory) : IClassFixture<FollowUpsFactory>
{
    private const FollowUpOutcome A = FollowUpOutcome.Allowed;
    private const FollowUpOutcome D = FollowUpOutcome.AccessDenied;
    private const FollowUpOutcome N = FollowUpOutcome.NotFound;

    public static IEnumerable<TheoryDataRow<string, FollowUpAction, FollowUpOutcome>> Matrix()
    {
        var rows = new List<TheoryDataRow<string, FollowUpAction, FollowUpOutcome>>();
        void Person(string name, params FollowUpOutcome[] expected)
        {
            foreach (var (action, outcome) in Enum.GetValues<FollowUpAction>().Zip(expected, (a, o) => (a, o)))
            {
                rows.Add(new TheoryDataRow<string, FollowUpAction, FollowUpOutcome>(name, action, outcome));
            }
        }

        //                                      read export own other editO statusO editOwn statusOwn closedRead closedCreate statusItem
        Person(DevSignIn.Administration,        A,   A,     A,  A,    A,    A,      A,      A,        A,         A,           A);
        Person(DevSignIn.Chair,                 A,   A,     A,  A,    D,    D,      A,      A,        A,         A,           D);
        Person(DevSignIn.Member,                A,   A,     A,  D,    D,    D,      A,      A,        A,         A,           D);
        Person(DevSignIn.Substitute,            A,   A,     D,  D,    D,    D,      D,      D,        N,         N,           D);
        Person(DevSignIn.OtherCouncilChair,     N,   N,     N,  N,    N,    N,      N,      N,        N,         N,           N);
        return rows;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_may_do_with_follow_ups_what_its_rights_allow(string person, FollowUpAction action, FollowUpOutcome expected)
    {
        // Arrange: each row acts on follow-ups of its own, made by the secretary
        var ids = await DemoIds.LoadAsync(factory);
        var service = factory.Service<FollowUpService>();
        var secretary = await factory.UserAsync(DevSignIn.Administration);
        var user = await factory.UserAsync(person);
        var marker = $"Matrix {Guid.NewGuid():N}";
        var poul = await DemoIds.PersonIdAsync(factory, "Poul Skovbo");
        var others = await service.CreateAsync(secretary, ids.OpenItem, Owned(poul, marker + " Poul"), Ct);
        var ownerOfOwn = person is DevSignIn.Substitute or DevSignIn.OtherCouncilChair ? poul : user.PersonId!.Value;
        var own = await service.CreateAsync(secretary, ids.OpenItem, Owned(ownerOfOwn, marker + " egen"), Ct);
        var closed = await service.CreateAsync(secretary, ids.ClosedItem, Owned(poul, marker + " lukket"), Ct);
        var laterMeeting = await LaterMeetingAsync(ids.Udsatteraadet);

        // Act
        var outcome = await OutcomeOfAsync(action switch
        {
            FollowUpAction.ReadRegister => () => service.RegisterAsync(user, ids.Udsatteraadet, Ct),
            FollowUpAction.ExportRegister => () => ExportAsync(person, ids.Udsatteraadet),
            FollowUpAction.CreateOwn => () => service.CreateAsync(user, ids.OpenItem, Owned(user.PersonId!.Value, marker + " ny"), Ct),
            FollowUpAction.CreateForOther => () => service.CreateAsync(user, ids.OpenItem, Owned(poul, marker + " ny"), Ct),
            FollowUpAction.EditOthers => async () => await service.EditAsync(user, others, Owned(poul, marker + " ændret"), await StampAsync(others), Ct),
            FollowUpAction.ChangeStatusOfOthers => async () => await service.ChangeStatusAsync(user, others, Done(), await StampAsync(others), Ct),
            FollowUpAction.EditOwn => async () => await service.EditAsync(user, own, Owned(ownerOfOwn, marker + " ændret"), await StampAsync(own), Ct),
            FollowUpAction.ChangeStatusOfOwn => async () => await service.ChangeStatusAsync(user, own, Done(), await StampAsync(own), Ct),
            FollowUpAction.ReadOnClosedItem => () => service.HistoryAsync(user, closed, Ct),
            FollowUpAction.CreateOnClosedItem => () => service.CreateAsync(user, ids.ClosedItem, Owned(user.PersonId!.Value, marker + " ny"), Ct),
            FollowUpAction.AddStatusItem => () => service.AddStatusItemAsync(user, laterMeeting, Ct),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        });

        // Assert: the outcome, and that the data changed exactly when the action was allowed
        Assert.Equal(expected, outcome);
        await using var db = await factory.CreateDbContextAsync();
        var changed = action switch
        {
            FollowUpAction.CreateOwn or FollowUpAction.CreateForOther or FollowUpAction.CreateOnClosedItem =>
                await db.FollowUps.AnyAsync(f => f.Text == marker + " ny", Ct),
            FollowUpAction.EditOthers => await db.FollowUps.AnyAsync(f => f.Id == others && f.Text == marker + " ændret", Ct),
            FollowUpAction.ChangeStatusOfOthers => await db.FollowUps.AnyAsync(f => f.Id == others && f.Status == FollowUpStatus.Done, Ct),
            FollowUpAction.EditOwn => await db.FollowUps.AnyAsync(f => f.Id == own && f.Text == marker + " ændret", Ct),
            FollowUpAction.ChangeStatusOfOwn => await db.FollowUps.AnyAsync(f => f.Id == own && f.Status == FollowUpStatus.Done, Ct),
            FollowUpAction.AddStatusItem => await db.AgendaItems.AnyAsync(i => i.MeetingId == laterMeeting && i.IsFollowUpStatus, Ct),
            _ => outcome == FollowUpOutcome.Allowed,
        };
        Assert.Equal(expected == FollowUpOutcome.Allowed, changed);
        if (action == FollowUpAction.AddStatusItem && changed)
        {
            await db.AgendaItems.Where(i => i.MeetingId == laterMeeting && i.IsFollowUpStatus).ExecuteDeleteAsync(Ct);
        }
    }

    [Fact]
    public async Task The_register_of_a_substitute_leaves_out_follow_ups_on_closed_items_and_of_other_councils()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        var service = factory.Service<FollowUpService>();
        var secretary = await factory.UserAsync(DevSignIn.Administration);
        var marker = $"Lukket {Guid.NewGuid():N}";
        await service.CreateAsync(secretary, ids.ClosedItem, new FollowUpInput { Text = marker, OwnerKind = FollowUpOwnerKind.Administration }, Ct);

        // Act
        var member = await service.RegisterAsync(await factory.UserAsync(DevSignIn.Member), ids.Udsatteraadet, Ct);
        var substitute = await service.RegisterAsync(await factory.UserAsync(DevSignIn.Substitute), ids.Udsatteraadet, Ct);
        var substituteMeeting = await service.ForMeetingAsync(await factory.UserAsync(DevSignIn.Substitute), ids.NextMeeting, Ct);

        // Assert
        Assert.Contains(member.Items, f => f.Text == marker);
        Assert.DoesNotContain(substitute.Items, f => f.Text == marker);
        Assert.DoesNotContain(substituteMeeting.Items, f => f.Text == marker);
        Assert.NotEmpty(substitute.Items);
        Assert.All(substitute.Items, f => Assert.Equal(ids.Udsatteraadet, f.CouncilId));
    }

    private static FollowUpInput Owned(Guid personId, string text) =>
        new() { Text = text, OwnerKind = FollowUpOwnerKind.Person, OwnerPersonId = personId, DueKind = FollowUpDueKind.NextMeeting };

    private static FollowUpStatusInput Done() => new() { Status = FollowUpStatus.Done, Report = "Klaret, se mailen til rådet." };

    private async Task<Guid> StampAsync(Guid followUpId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.FollowUps.Where(f => f.Id == followUpId).Select(f => f.ConcurrencyStamp).SingleAsync(Ct);
    }

    private async Task<Guid> LaterMeetingAsync(Guid councilId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var published = await db.Meetings.Where(m => m.CouncilId == councilId && m.Status == MeetingStatus.Published)
            .OrderBy(m => m.StartsAt).Select(m => m.Id).ToListAsync(Ct);
        return published[1];
    }

    private async Task ExportAsync(string person, Guid councilId)
    {
        using var client = await factory.SignedInClientAsync(person);
        using var response = await client.GetAsync($"/councils/{councilId}/follow-ups.xlsx", Ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new NotFoundException();
        }
        response.EnsureSuccessStatusCode();
        Assert.Equal(FollowUpExport.ContentType, response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task<FollowUpOutcome> OutcomeOfAsync(Func<Task> action)
    {
        try
        {
            await action();
            return FollowUpOutcome.Allowed;
        }
        catch (AccessDeniedException)
        {
            return FollowUpOutcome.AccessDenied;
        }
        catch (NotFoundException)
        {
            return FollowUpOutcome.NotFound;
        }
    }
}
