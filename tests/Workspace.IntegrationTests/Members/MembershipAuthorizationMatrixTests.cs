using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Members;

namespace Workspace.IntegrationTests.Members;

public enum MembershipAction
{
    ReadRoster,
    Add,
    Edit,
    Reorder,
    Remove,
    Invite,
}

public enum Outcome
{
    Allowed,
    AccessDenied,
    NotFound,
}

/// <summary>
/// Who may manage Udsatterådet's people: its administration only. The council's members, chair and substitutes may read
/// the council and are refused (access denied); another council's chair does not learn it exists (not found).
/// The services are called directly: the page and any later endpoint share these checks.
/// </summary>
public sealed class MembershipAuthorizationMatrixTests(MembersFactory factory) : IClassFixture<MembersFactory>
{
    public static IEnumerable<TheoryDataRow<string, MembershipAction, Outcome>> Matrix()
    {
        var rows = new List<TheoryDataRow<string, MembershipAction, Outcome>>();
        void Person(string name, Outcome expected)
        {
            foreach (var action in Enum.GetValues<MembershipAction>())
            {
                rows.Add(new TheoryDataRow<string, MembershipAction, Outcome>(name, action, expected));
            }
        }

        Person(DevSignIn.Administration, Outcome.Allowed);
        Person(DevSignIn.Member, Outcome.AccessDenied);
        Person(DevSignIn.Chair, Outcome.AccessDenied);
        Person(DevSignIn.Substitute, Outcome.AccessDenied);
        Person(DevSignIn.OtherCouncilChair, Outcome.NotFound);
        return rows;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Only_the_councils_administration_manages_its_people(string person, MembershipAction action, Outcome expected)
    {
        // Arrange: each row acts on a substitute of its own, added by the secretary, so that rows do not depend on each other
        var ids = await DemoIds.LoadAsync(factory);
        var service = factory.Service<MembershipService>();
        var secretary = await factory.UserAsync(DevSignIn.Administration);
        var user = await factory.UserAsync(person);
        var marker = $"Matrix {Guid.NewGuid():N}";
        var targetId = await service.AddAsync(secretary, ids.Udsatteraadet,
            new MembershipInput { Kind = MembershipKind.Substitute, Name = marker, Email = $"{Guid.NewGuid():N}@boegeby.example" }, Ct);
        var before = await TargetAsync(ids.Udsatteraadet, targetId);

        // Act
        var outcome = await OutcomeOfAsync(action switch
        {
            MembershipAction.ReadRoster => () => service.GetRosterAsync(user, ids.Udsatteraadet, Ct),
            MembershipAction.Add => () => service.AddAsync(user, ids.Udsatteraadet,
                new MembershipInput { Kind = MembershipKind.Member, Name = marker + " ny", Organisation = "Matrixforeningen" }, Ct),
            MembershipAction.Edit => () => service.UpdateAsync(user, targetId,
                new MembershipInput { Name = marker, Email = before!.Email, Organisation = "Ændret af matrixtesten" }, before.ConcurrencyStamp, Ct),
            MembershipAction.Reorder => () => service.MoveSubstituteAsync(user, targetId, MoveDirection.Up, Ct),
            MembershipAction.Remove => () => service.RemoveAsync(user, targetId, before!.ConcurrencyStamp, Ct),
            MembershipAction.Invite => () => service.InviteAsync(user, targetId, "http://localhost/", Ct),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        });

        // Assert: the outcome, and that the data changed exactly when the action was allowed
        Assert.Equal(expected, outcome);
        var roster = await service.GetRosterAsync(secretary, ids.Udsatteraadet, Ct);
        var after = roster.Substitutes.SingleOrDefault(s => s.MembershipId == targetId);
        var changed = action switch
        {
            MembershipAction.ReadRoster => outcome == Outcome.Allowed,
            MembershipAction.Add => roster.Members.Any(m => m.Name == marker + " ny"),
            MembershipAction.Edit => after!.Organisation == "Ændret af matrixtesten",
            MembershipAction.Reorder => after!.SubstituteOrder == before!.SubstituteOrder - 1,
            MembershipAction.Remove => after is null,
            MembershipAction.Invite => after!.InvitedAt is not null,
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        Assert.Equal(expected == Outcome.Allowed, changed);
    }

    private async Task<RosterPerson?> TargetAsync(Guid councilId, Guid membershipId)
    {
        var roster = await factory.Service<MembershipService>().GetRosterAsync(await factory.UserAsync(DevSignIn.Administration), councilId, Ct);
        return roster.Substitutes.SingleOrDefault(s => s.MembershipId == membershipId);
    }

    private static async Task<Outcome> OutcomeOfAsync(Func<Task> action)
    {
        try
        {
            await action();
            return Outcome.Allowed;
        }
        catch (AccessDeniedException)
        {
            return Outcome.AccessDenied;
        }
        catch (NotFoundException)
        {
            return Outcome.NotFound;
        }
    }
}
