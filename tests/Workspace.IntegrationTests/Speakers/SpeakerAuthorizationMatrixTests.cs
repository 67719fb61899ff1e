using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.RoomScreen;
using Workspace.Web.Features.Speakers;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Speakers;

public enum SpeakerAction
{
    Read,
    Request,
    RequestReply,
    WithdrawOwn,
    GiveFloor,
    EndSpeech,
    Reorder,
    SetSpeakingTime,
    AddPerson,
    Remove,
    Close,
}

/// <summary>
/// Who may do what with the running meeting's list of speakers: members, the chair and a substitute stepping in ask for
/// the floor and withdraw their own request; the administration and the chair run the list; a substitute not called in and
/// the administration only read it; another council's member and an anonymous caller do not know it exists. The service is
/// called directly: the meeting page's panel, the chair's controls and the screen use nothing else.
/// </summary>
public sealed class SpeakerAuthorizationMatrixTests(SpeakersFactory factory) : IClassFixture<SpeakersFactory>
{
    private const SpeakerOutcome A = SpeakerOutcome.Allowed;
    private const SpeakerOutcome D = SpeakerOutcome.AccessDenied;
    private const SpeakerOutcome N = SpeakerOutcome.NotFound;
    private const string Anonymous = "(anonym)";
    private const string Display = "(visningslink)";
    private const string Jens = "Jens Vestergaard";
    private const string Sofie = "Sofie Lindholm";
    private const string Anton = "Anton Bjerre";

    public static IEnumerable<TheoryDataRow<string, SpeakerAction, SpeakerOutcome>> Matrix()
    {
        var rows = new List<TheoryDataRow<string, SpeakerAction, SpeakerOutcome>>();
        void Person(string name, params SpeakerOutcome[] expected)
        {
            foreach (var (action, outcome) in Enum.GetValues<SpeakerAction>().Zip(expected, (a, o) => (a, o)))
            {
                rows.Add(new TheoryDataRow<string, SpeakerAction, SpeakerOutcome>(name, action, outcome));
            }
        }

        //                                  read request reply withdraw give end reorder time add remove close
        Person(DevSignIn.Administration,    A,   D,      D,    D,       A,   A,  A,      A,   A,  A,     A);
        Person(DevSignIn.Chair,             A,   A,      A,    A,       A,   A,  A,      A,   A,  A,     A);
        Person(DevSignIn.Member,            A,   A,      A,    A,       D,   D,  D,      D,   D,  D,     D);
        Person(SpeakersFactory.NotCalledIn, A,   D,      D,    D,       D,   D,  D,      D,   D,  D,     D);
        Person(SpeakersFactory.SteppingIn,  A,   A,      A,    A,       D,   D,  D,      D,   D,  D,     D);
        Person(DevSignIn.OtherCouncilChair, N,   N,      N,    N,       N,   N,  N,      N,   N,  N,     N);
        Person(Anonymous,                   N,   N,      N,    N,       N,   N,  N,      N,   N,  N,     N);
        Person(Display,                     N,   N,      N,    N,       N,   N,  N,      N,   N,  N,     N);
        return rows;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_may_do_with_the_list_of_speakers_what_its_rights_allow(string person, SpeakerAction action, SpeakerOutcome expected)
    {
        // Arrange: Elsebeth has the floor, so a reply has a speech to answer; Jens and Sofie wait (put on by the secretary)
        var scene = await factory.SceneAsync();
        await factory.ClearListsAsync();
        var service = factory.Service<SpeakerListService>();
        var secretary = await factory.UserAsync(DevSignIn.Administration);
        var user = person switch
        {
            Anonymous => WorkspaceUser.Anonymous,
            // The room screen's device, signed in by a display link of this very meeting: it reads the list on the screen only.
            Display => WorkspaceUser.From(DisplayPrincipal.Create(Guid.NewGuid(), scene.Meeting)),
            _ => await factory.UserAsync(person),
        };
        var elsebeth = await DemoIds.PersonIdAsync(factory, "Elsebeth Krogh");
        var anton = await DemoIds.PersonIdAsync(factory, Anton);
        await service.AddAsync(secretary, scene.Item, elsebeth, SpeechKind.Speech, Ct);
        await service.GiveFloorAsync(secretary, (await service.CurrentAsync(secretary, scene.Meeting, Ct))!.Waiting[0].Id, Ct);
        await service.AddAsync(secretary, scene.Item, await DemoIds.PersonIdAsync(factory, Jens), SpeechKind.Speech, Ct);
        await service.AddAsync(secretary, scene.Item, await DemoIds.PersonIdAsync(factory, Sofie), SpeechKind.Speech, Ct);
        var list = (await service.CurrentAsync(secretary, scene.Meeting, Ct))!;
        var (jens, sofie) = (list.Waiting[0], list.Waiting[1]);
        var own = action == SpeakerAction.WithdrawOwn
            ? await OwnRequestAsync(scene.Item, user.PersonId ?? await DemoIds.PersonIdAsync(factory, DevSignIn.Member))
            : Guid.Empty;
        if (action == SpeakerAction.EndSpeech)
        {
            await service.GiveFloorAsync(secretary, jens.Id, Ct);
        }

        // Act
        var outcome = await SpeakersFactory.OutcomeOfAsync(action switch
        {
            SpeakerAction.Read => () => service.ListAsync(user, scene.Item, Ct),
            SpeakerAction.Request => () => service.RequestAsync(user, scene.Item, SpeechKind.Speech, AttendanceChannel.Online, Ct),
            SpeakerAction.RequestReply => () => service.RequestAsync(user, scene.Item, SpeechKind.Reply, AttendanceChannel.Room, Ct),
            SpeakerAction.WithdrawOwn => () => service.WithdrawAsync(user, own, Ct),
            SpeakerAction.GiveFloor => () => service.GiveFloorAsync(user, jens.Id, Ct),
            SpeakerAction.EndSpeech => () => service.EndSpeechAsync(user, jens.Id, Ct),
            SpeakerAction.Reorder => () => service.MoveAsync(user, sofie.Id, -1, jens.Id, Ct),
            SpeakerAction.SetSpeakingTime => () => service.SetSpeakingTimeAsync(user, scene.Item, 120, Ct),
            SpeakerAction.AddPerson => () => service.AddAsync(user, scene.Item, anton, SpeechKind.Speech, Ct),
            SpeakerAction.Remove => () => service.RemoveAsync(user, jens.Id, Ct),
            SpeakerAction.Close => () => service.SetClosedAsync(user, scene.Item, true, Ct),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        });

        // Assert: the outcome, and that the list changed exactly when the action was allowed
        Assert.Equal(expected, outcome);
        await using var db = await factory.CreateDbContextAsync();
        var requests = await db.SpeakerRequests.AsNoTracking().Where(r => r.AgendaItemId == scene.Item).ToListAsync(Ct);
        var state = await db.SpeakerLists.AsNoTracking().SingleAsync(l => l.AgendaItemId == scene.Item, Ct);
        var changed = action switch
        {
            SpeakerAction.Request => requests.Any(r => r.PersonId == user.PersonId && r.Kind == SpeechKind.Speech && r.IsWaiting),
            SpeakerAction.RequestReply => requests.Any(r => r.PersonId == user.PersonId && r.Kind == SpeechKind.Reply && r.IsWaiting),
            SpeakerAction.WithdrawOwn => requests.Single(r => r.Id == own).WithdrawnAt is not null,
            SpeakerAction.GiveFloor => requests.Single(r => r.Id == jens.Id).GivenFloorAt is not null,
            SpeakerAction.EndSpeech => requests.Single(r => r.Id == jens.Id).EndedAt is not null,
            SpeakerAction.Reorder => requests.Single(r => r.Id == sofie.Id).Position < requests.Single(r => r.Id == jens.Id).Position,
            SpeakerAction.SetSpeakingTime => state.SpeakingSeconds == 120,
            SpeakerAction.AddPerson => requests.Any(r => r.PersonId == anton && r.IsWaiting),
            SpeakerAction.Remove => requests.Single(r => r.Id == jens.Id).WithdrawnAt is not null,
            SpeakerAction.Close => state.IsClosed,
            _ => outcome == SpeakerOutcome.Allowed,
        };
        Assert.Equal(expected == SpeakerOutcome.Allowed, changed);
    }

    /// <summary>A waiting request of the person's own, written straight to the database (as if made while they had the right).</summary>
    private async Task<Guid> OwnRequestAsync(Guid itemId, Guid personId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var request = new SpeakerRequest
        {
            AgendaItemId = itemId,
            PersonId = personId,
            Kind = SpeechKind.Speech,
            RequestedAt = DateTimeOffset.UtcNow,
            Position = 99,
        };
        db.SpeakerRequests.Add(request);
        await db.SaveChangesAsync(Ct);
        return request.Id;
    }
}
