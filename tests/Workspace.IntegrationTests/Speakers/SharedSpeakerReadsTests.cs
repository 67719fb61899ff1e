using System.Text.Json;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Collaboration;
using Workspace.Web.Database;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Speakers;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Speakers;

/// <summary>
/// After a change (the chair's next item, a request), every open page of a node asks for the list of speakers: they share
/// one read, and each still gets the view its own read would give (her place, why she may not ask, the chair's controls).
/// </summary>
public sealed class SharedSpeakerReadsTests(SpeakersFactory factory) : IClassFixture<SpeakersFactory>
{
    private static readonly string[] Viewers =
    [
        DevSignIn.Chair, DevSignIn.Member, "Jens Vestergaard", SpeakersFactory.SteppingIn, SpeakersFactory.NotCalledIn,
        SpeakersFactory.Replaced, DevSignIn.Administration,
    ];

    private SpeakerListService Service => factory.Service<SpeakerListService>();

    [Fact]
    public async Task Every_viewer_gets_the_list_of_her_own_read_and_many_viewers_cost_one_read()
    {
        // Arrange: Mia asks online, Jens in the room; the chair gives Mia the floor
        var scene = await factory.SceneAsync();
        await factory.ClearListsAsync();
        var mia = await factory.UserAsync(DevSignIn.Member);
        await Service.RequestAsync(mia, scene.Item, SpeechKind.Speech, AttendanceChannel.Online, Ct);
        await Service.RequestAsync(await factory.UserAsync("Jens Vestergaard"), scene.Item, SpeechKind.Speech, AttendanceChannel.Room, Ct);
        var users = new List<WorkspaceUser>();
        foreach (var name in Viewers)
        {
            users.Add(await factory.UserAsync(name));
        }
        var warmUp = new MeetingChange(scene.Meeting, MeetingChangeKind.SpeakersChanged, scene.Item, null, null);
        foreach (var user in users)
        {
            await Service.CurrentAfterAsync(warmUp, user);
        }

        // Act
        var change = new MeetingChange(scene.Meeting, MeetingChangeKind.RunChanged, null, null, null);
        var counter = factory.Service<DbCommandCounter>();
        var before = counter.Count;
        var shared = new List<SpeakerListView?>();
        foreach (var user in users)
        {
            shared.Add(await Service.CurrentAfterAsync(change, user));
        }
        var sharedCommands = counter.Count - before;
        before = counter.Count;
        await Service.CurrentAsync(users[0], scene.Meeting, Ct);
        var oneOwnRead = counter.Count - before;

        // Assert
        for (var i = 0; i < users.Count; i++)
        {
            Assert.Equal(Json(await Service.CurrentAsync(users[i], scene.Meeting, Ct)), Json(shared[i]));
        }
        Assert.True(shared[0]!.Me.CanControl);
        Assert.Equal((1, "Speakers.Replaced"), (shared[1]!.Mine(SpeechKind.Speech)!.Value.Place, shared[5]!.Me.RequestBlockedKey));
        Assert.False(shared[4]!.Me.CanRequest);
        Assert.True(sharedCommands <= oneOwnRead, $"{users.Count} viewers after one change cost {sharedCommands} commands; one own read costs {oneOwnRead}");
    }

    [Fact]
    public async Task At_a_closed_item_a_substitute_not_called_in_gets_no_list_and_another_council_is_refused()
    {
        // Arrange
        var scene = await factory.SceneAsync();
        await factory.MoveToAsync(scene.ClosedItem);
        try
        {
            var change = new MeetingChange(scene.Meeting, MeetingChangeKind.RunChanged, null, null, null);

            // Act
            var chairs = await Service.CurrentAfterAsync(change, await factory.UserAsync(DevSignIn.Chair));
            var notCalledIn = await Service.CurrentAfterAsync(change, await factory.UserAsync(SpeakersFactory.NotCalledIn));
            var stranger = await factory.UserAsync(DevSignIn.OtherCouncilChair);

            // Assert
            Assert.Equal(scene.ClosedItem, chairs!.ItemId);
            Assert.Null(notCalledIn);
            await Assert.ThrowsAsync<NotFoundException>(() => Service.CurrentAfterAsync(change, stranger));
        }
        finally
        {
            await factory.MoveToAsync(scene.Item);
        }
    }

    private static string Json(SpeakerListView? list) => JsonSerializer.Serialize(list);
}
