using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Collaboration;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Attendance;
using Workspace.Web.Features.Speakers;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Speakers;

/// <summary>The list of speakers' rules on the real database: queue order, replies, refusals in Danish, concurrency, events.</summary>
public sealed class SpeakerListBehaviourTests(SpeakersFactory factory) : IClassFixture<SpeakersFactory>
{
    private SpeakerListService Service => factory.Service<SpeakerListService>();

    private async Task<(SpeakersScene Scene, WorkspaceUser Chair)> FreshAsync()
    {
        var scene = await factory.SceneAsync();
        await factory.ClearListsAsync();
        return (scene, await factory.UserAsync(DevSignIn.Chair));
    }

    private static async Task<string> RefusalAsync(Func<Task> action) =>
        Assert.Single((await Assert.ThrowsAsync<InputValidationException>(action)).Errors).MessageKey;

    [Fact]
    public async Task Members_see_their_place_and_a_reply_goes_to_the_front_under_the_speech_it_answers()
    {
        // Arrange
        var (scene, chair) = await FreshAsync();
        var mia = await factory.UserAsync(DevSignIn.Member);
        var jens = await factory.UserAsync("Jens Vestergaard");
        var sofie = await factory.UserAsync("Sofie Lindholm");
        await Service.RequestAsync(mia, scene.Item, SpeechKind.Speech, AttendanceChannel.Online, Ct);
        await Service.RequestAsync(jens, scene.Item, SpeechKind.Speech, AttendanceChannel.Room, Ct);
        await Service.RequestAsync(sofie, scene.Item, SpeechKind.Speech, AttendanceChannel.Room, Ct);
        var miasRequest = (await Service.CurrentAsync(mia, scene.Meeting, Ct))!.Mine(SpeechKind.Speech)!.Value;

        // Act: the chair gives Mia the floor; Sofie asks for a reply to her
        await Service.GiveFloorAsync(chair, miasRequest.Entry.Id, Ct);
        await Service.RequestAsync(sofie, scene.Item, SpeechKind.Reply, null, Ct);

        // Assert
        Assert.Equal(1, miasRequest.Place);
        var list = (await Service.CurrentAsync(sofie, scene.Meeting, Ct))!;
        Assert.Equal(DevSignIn.Member, list.Speaking!.Name);
        Assert.True(list.Speaking.IsOnline);
        Assert.Equal(["Sofie Lindholm", "Jens Vestergaard", "Sofie Lindholm"], list.Waiting.Select(e => e.Name));
        Assert.True(list.Waiting[0].IsReply);
        Assert.Equal(DevSignIn.Member, list.Waiting[0].RepliesToName);
        Assert.Equal(1, list.Mine(SpeechKind.Reply)!.Value.Place);
        Assert.Equal(3, list.Mine(SpeechKind.Speech)!.Value.Place);
    }

    [Fact]
    public async Task Nobody_waits_twice_for_the_same_kind_and_a_reply_needs_someone_else_to_answer()
    {
        // Arrange
        var (scene, chair) = await FreshAsync();
        var mia = await factory.UserAsync(DevSignIn.Member);
        await Service.RequestAsync(mia, scene.Item, SpeechKind.Speech, null, Ct);

        // Act and assert
        Assert.Equal("Speakers.AlreadyWaiting", await RefusalAsync(() => Service.RequestAsync(mia, scene.Item, SpeechKind.Speech, null, Ct)));
        Assert.Equal("Speakers.NothingToReplyTo", await RefusalAsync(() => Service.RequestAsync(mia, scene.Item, SpeechKind.Reply, null, Ct)));
        var request = (await Service.CurrentAsync(mia, scene.Meeting, Ct))!.Waiting.Single();
        await Service.GiveFloorAsync(chair, request.Id, Ct);
        Assert.Equal("Speakers.NoReplyToSelf", await RefusalAsync(() => Service.RequestAsync(mia, scene.Item, SpeechKind.Reply, null, Ct)));
        Assert.Equal("Speakers.OtherAlreadyWaiting", await RefusalAsync(async () =>
        {
            var danny = await DemoIds.PersonIdAsync(factory, "Danny Mølgaard");
            await Service.AddAsync(chair, scene.Item, danny, SpeechKind.Speech, Ct);
            await Service.AddAsync(chair, scene.Item, danny, SpeechKind.Speech, Ct);
        }));
        // After the floor she may ask again; the record keeps the first speech.
        await Service.RequestAsync(mia, scene.Item, SpeechKind.Speech, null, Ct);
        Assert.Equal(2, (await Service.CurrentAsync(mia, scene.Meeting, Ct))!.Waiting.Count);
    }

    [Fact]
    public async Task A_closed_list_refuses_members_but_the_chair_can_still_add_and_reopen()
    {
        // Arrange
        var (scene, chair) = await FreshAsync();
        var mia = await factory.UserAsync(DevSignIn.Member);
        await Service.SetClosedAsync(chair, scene.Item, true, Ct);

        // Act
        var refusal = await RefusalAsync(() => Service.RequestAsync(mia, scene.Item, SpeechKind.Speech, null, Ct));
        var shown = (await Service.CurrentAsync(mia, scene.Meeting, Ct))!;
        await Service.AddAsync(chair, scene.Item, mia.PersonId!.Value, SpeechKind.Speech, Ct);
        await Service.SetClosedAsync(chair, scene.Item, false, Ct);

        // Assert
        Assert.Equal("Speakers.ListClosed", refusal);
        Assert.False(shown.Me.CanRequest);
        Assert.Equal("Speakers.ListClosed", shown.Me.RequestBlockedKey);
        var after = (await Service.CurrentAsync(mia, scene.Meeting, Ct))!;
        Assert.False(after.IsClosed);
        Assert.Equal(1, after.Mine(SpeechKind.Speech)!.Value.Place);
        Assert.Equal(chair.PersonId, (await RequestRowAsync(after.Waiting[0].Id)).AddedById);
    }

    [Fact]
    public async Task Someone_registered_absent_gone_or_replaced_is_refused_and_an_online_member_not_registered_is_not()
    {
        // Arrange
        var (scene, _) = await FreshAsync();
        var secretary = await factory.UserAsync(DevSignIn.Administration);
        var attendance = factory.Service<AttendanceService>();
        var karin = await factory.UserAsync("Karin Abildgaard");
        var anton = await factory.UserAsync("Anton Bjerre");
        var poul = await factory.UserAsync(SpeakersFactory.Replaced);
        var leni = await factory.UserAsync("Leni Dahlgaard");
        await attendance.RegisterPresenceAsync(secretary, scene.Meeting, karin.PersonId!.Value, PresenceStatus.AbsentWithoutNotice, ct: Ct);
        await attendance.RegisterPresenceAsync(secretary, scene.Meeting, anton.PersonId!.Value, PresenceStatus.Present, ct: Ct);
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Attendances.Where(a => a.MeetingId == scene.Meeting && a.PersonId == anton.PersonId)
                .ExecuteUpdateAsync(a => a.SetProperty(x => x.LeftAt, DateTimeOffset.UtcNow), Ct);
        }

        // Act and assert
        Assert.Equal("Speakers.RegisteredAbsent", await RefusalAsync(() => Service.RequestAsync(karin, scene.Item, SpeechKind.Speech, null, Ct)));
        Assert.Equal("Speakers.HasLeft", await RefusalAsync(() => Service.RequestAsync(anton, scene.Item, SpeechKind.Speech, null, Ct)));
        Assert.Equal("Speakers.Replaced", await RefusalAsync(() => Service.RequestAsync(poul, scene.Item, SpeechKind.Speech, null, Ct)));
        await Service.RequestAsync(leni, scene.Item, SpeechKind.Speech, AttendanceChannel.Online, Ct);
        var list = (await Service.CurrentAsync(await factory.UserAsync(DevSignIn.Chair), scene.Meeting, Ct))!;
        Assert.True(Assert.Single(list.Waiting).IsOnline);
        Assert.DoesNotContain(list.Candidates, c => c.PersonId == karin.PersonId || c.PersonId == anton.PersonId || c.PersonId == poul.PersonId);
        Assert.Contains(list.Candidates, c => c.Name == SpeakersFactory.SteppingIn);
        Assert.DoesNotContain(list.Candidates, c => c.Name == SpeakersFactory.NotCalledIn);
        var chair = await factory.UserAsync(DevSignIn.Chair);
        Assert.Equal("Speakers.NotACandidate", await RefusalAsync(() => Service.AddAsync(chair, scene.Item, karin.PersonId!.Value, SpeechKind.Speech, Ct)));
    }

    [Fact]
    public async Task A_registered_channel_wins_over_the_one_chosen_and_giving_the_floor_ends_the_speech_before()
    {
        // Arrange
        var (scene, chair) = await FreshAsync();
        var secretary = await factory.UserAsync(DevSignIn.Administration);
        var sofie = await factory.UserAsync("Sofie Lindholm");
        var elsebeth = await factory.UserAsync("Elsebeth Krogh");
        await factory.Service<AttendanceService>().RegisterPresenceAsync(secretary, scene.Meeting, sofie.PersonId!.Value, PresenceStatus.Present, ct: Ct);
        await Service.RequestAsync(sofie, scene.Item, SpeechKind.Speech, AttendanceChannel.Online, Ct);
        await Service.RequestAsync(elsebeth, scene.Item, SpeechKind.Speech, AttendanceChannel.Online, Ct);
        await Service.SetSpeakingTimeAsync(chair, scene.Item, 120, Ct);
        var waiting = (await Service.CurrentAsync(chair, scene.Meeting, Ct))!.Waiting;

        // Act
        await Service.GiveFloorAsync(chair, waiting[0].Id, Ct);
        await Service.GiveFloorAsync(chair, waiting[1].Id, Ct);
        await Service.SetSpeakingTimeAsync(chair, scene.Item, 60, Ct);

        // Assert
        Assert.Equal(AttendanceChannel.Room, waiting[0].Channel);
        Assert.Equal(AttendanceChannel.Online, waiting[1].Channel);
        var first = await RequestRowAsync(waiting[0].Id);
        var second = await RequestRowAsync(waiting[1].Id);
        Assert.NotNull(first.EndedAt);
        Assert.Equal(120, first.AllottedSeconds);
        Assert.Null(second.EndedAt);
        Assert.Equal(60, second.AllottedSeconds);
        Assert.Equal("Speakers.BadSpeakingTime", await RefusalAsync(() => Service.SetSpeakingTimeAsync(chair, scene.Item, 5, Ct)));
        Assert.Equal("Speakers.BadSpeakingTime", await RefusalAsync(() => Service.SetSpeakingTimeAsync(chair, scene.Item, 601, Ct)));
    }

    [Fact]
    public async Task Two_chairs_moving_from_the_same_order_do_not_swap_twice_and_no_request_is_lost()
    {
        // Arrange: Mia, Jens, Sofie wait; both the chair and the secretary see that order
        var (scene, chair) = await FreshAsync();
        var secretary = await factory.UserAsync(DevSignIn.Administration);
        foreach (var name in new[] { DevSignIn.Member, "Jens Vestergaard", "Sofie Lindholm" })
        {
            await Service.RequestAsync(await factory.UserAsync(name), scene.Item, SpeechKind.Speech, null, Ct);
        }
        var seen = (await Service.CurrentAsync(chair, scene.Meeting, Ct))!.Waiting;

        // Act: the chair moves Sofie up (above Jens); the secretary, from the old order, moves Sofie up above Jens too
        await Service.MoveAsync(chair, seen[2].Id, -1, seen[1].Id, Ct);
        var conflict = await Record.ExceptionAsync(() => Service.MoveAsync(secretary, seen[2].Id, -1, seen[1].Id, Ct));

        // Assert
        Assert.IsType<ConcurrencyConflictException>(conflict);
        var after = (await Service.CurrentAsync(chair, scene.Meeting, Ct))!.Waiting;
        Assert.Equal([DevSignIn.Member, "Sofie Lindholm", "Jens Vestergaard"], after.Select(e => e.Name));
        Assert.Equal([1, 2, 3], await PositionsAsync(scene.Item));
    }

    [Fact]
    public async Task Many_requests_and_moves_at_once_keep_every_request_with_its_own_place()
    {
        // Arrange
        var (scene, chair) = await FreshAsync();
        var members = new[] { DevSignIn.Member, "Jens Vestergaard", "Sofie Lindholm", "Elsebeth Krogh", "Danny Mølgaard", "Leni Dahlgaard", DevSignIn.Chair };
        var users = new List<WorkspaceUser>();
        foreach (var name in members)
        {
            users.Add(await factory.UserAsync(name));
        }
        await Service.RequestAsync(users[0], scene.Item, SpeechKind.Speech, null, Ct);
        await Service.RequestAsync(users[1], scene.Item, SpeechKind.Speech, null, Ct);
        var seen = (await Service.CurrentAsync(chair, scene.Meeting, Ct))!.Waiting;

        // Act: five members ask at the same moment as the chair moves Jens up
        var outcomes = await Task.WhenAll(users.Skip(2).Select(u => Record.ExceptionAsync(() => Service.RequestAsync(u, scene.Item, SpeechKind.Speech, null, Ct)).AsTask())
            .Append(Record.ExceptionAsync(() => Service.MoveAsync(chair, seen[1].Id, -1, seen[0].Id, Ct)).AsTask()));

        // Assert: every request stored once, positions 1..7 with no gap or twin; the move either landed or was a conflict
        Assert.All(outcomes.Take(5), Assert.Null);
        Assert.True(outcomes[5] is null or ConcurrencyConflictException, outcomes[5]?.ToString());
        var after = (await Service.CurrentAsync(chair, scene.Meeting, Ct))!.Waiting;
        Assert.Equal(members.Order(), after.Select(e => e.Name).Order());
        Assert.Equal(Enumerable.Range(1, 7), await PositionsAsync(scene.Item));
    }

    [Fact]
    public async Task Changes_are_published_with_the_item_and_refused_away_from_the_current_item_or_a_running_meeting()
    {
        // Arrange
        var (scene, chair) = await FreshAsync();
        using var heard = new HeardChanges(factory.Service<IMeetingNotifier>(), scene.Meeting);
        var mia = await factory.UserAsync(DevSignIn.Member);
        var substitute = await factory.UserAsync(SpeakersFactory.NotCalledIn);
        var laterItem = await LaterMeetingItemAsync(scene);

        // Act
        await Service.RequestAsync(mia, scene.Item, SpeechKind.Speech, null, Ct);
        await factory.MoveToAsync(scene.ClosedItem);
        var notCurrent = await RefusalAsync(() => Service.RequestAsync(mia, scene.Item, SpeechKind.Speech, null, Ct));
        var substituteOnClosed = await SpeakersFactory.OutcomeOfAsync(() => Service.ListAsync(substitute, scene.ClosedItem, Ct));
        var substitutesCurrent = await Service.CurrentAsync(substitute, scene.Meeting, Ct);
        var screenHidden = await Service.ScreenAsync(scene.Meeting, scene.ClosedItem, showClosedItems: false, ct: Ct);
        await Service.RequestAsync(mia, scene.ClosedItem, SpeechKind.Speech, null, Ct);
        var screenShown = await Service.ScreenAsync(scene.Meeting, scene.ClosedItem, showClosedItems: true, ct: Ct);
        await factory.MoveToAsync(scene.Item);
        var otherMeeting = await Service.ScreenAsync(scene.Ids.OtherCouncilMeeting, scene.Item, showClosedItems: true, ct: Ct);

        // Assert
        // The last move back to the item is heard after every change before it.
        await heard.WaitForAsync(c => c.Kind == MeetingChangeKind.RunChanged && c.AgendaItemId == scene.Item);
        var change = Assert.Single(heard.All, c => c.Kind == MeetingChangeKind.SpeakersChanged && c.AgendaItemId == scene.Item);
        Assert.Equal(mia.PersonId, change.ActorId);
        Assert.Equal("Speakers.NotCurrentItem", notCurrent);
        Assert.Equal(SpeakerOutcome.NotFound, substituteOnClosed);
        Assert.Null(substitutesCurrent);
        Assert.Null(screenHidden);
        Assert.Equal(DevSignIn.Member, Assert.Single(screenShown!.Next).Name);
        Assert.Null(otherMeeting);
        Assert.Equal("Speakers.NotRunning", await RefusalAsync(() => Service.RequestAsync(mia, laterItem, SpeechKind.Speech, null, Ct)));
    }

    /// <summary>An item of the council's later meeting, which is published and not running.</summary>
    private async Task<Guid> LaterMeetingItemAsync(SpeakersScene scene)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.AgendaItems
            .Where(i => i.Meeting!.CouncilId == scene.Ids.Udsatteraadet && i.Meeting.Status == MeetingStatus.Published && !i.IsClosed)
            .Select(i => i.Id).FirstAsync(Ct);
    }

    private async Task<SpeakerRequest> RequestRowAsync(Guid id)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.SpeakerRequests.AsNoTracking().SingleAsync(r => r.Id == id, Ct);
    }

    private async Task<List<int>> PositionsAsync(Guid itemId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return (await db.SpeakerRequests.AsNoTracking().Where(r => r.AgendaItemId == itemId && r.GivenFloorAt == null && r.WithdrawnAt == null)
            .Select(r => r.Position).ToListAsync(Ct)).Order().ToList();
    }
}
