using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Data.Entities;
using Workspace.Web.Features.Speakers;

namespace Workspace.ComponentTests.Features.Speakers;

public sealed class SpeakerComponentTests : ComponentTestContext
{
    private const string Mia = "Mia Kragh";
    private const string Jens = "Jens Vestergaard";
    private const string Chair = "Gitte Holmgaard";

    /// <summary>The next meeting running at item 4, as the run service leaves it (set in the database for the test).</summary>
    private (Guid Meeting, Guid Item) Running()
    {
        var item = Item(DemoItems.HousingTalk);
        using var db = CreateDbContext();
        var meeting = db.Meetings.Single(m => m.Id == item.MeetingId);
        meeting.Status = MeetingStatus.InProgress;
        meeting.StartedAt = DateTimeOffset.UtcNow.AddMinutes(-20);
        meeting.CurrentItemId = item.Id;
        meeting.CurrentItemSince = DateTimeOffset.UtcNow.AddMinutes(-5);
        db.SaveChanges();
        return (meeting.Id, item.Id);
    }

    private SpeakerListService Speakers => Services.GetRequiredService<SpeakerListService>();

    private IRenderedComponent<SpeakersPanel> Panel(Guid meetingId, MeetingStatus status = MeetingStatus.InProgress) =>
        Render<SpeakersPanel>(p => p.Add(x => x.MeetingId, meetingId).Add(x => x.Status, status));

    /// <summary>A speech given the floor some seconds ago with a speaking time, written straight to the database.</summary>
    private void Speaking(Guid itemId, string person, int secondsAgo, int? allotted, AttendanceChannel channel = AttendanceChannel.Online)
    {
        using var db = CreateDbContext();
        db.SpeakerRequests.Add(new SpeakerRequest
        {
            AgendaItemId = itemId,
            PersonId = db.People.Single(p => p.Name == person).Id,
            Channel = channel,
            RequestedAt = DateTimeOffset.UtcNow.AddMinutes(-3),
            GivenFloorAt = DateTimeOffset.UtcNow.AddSeconds(-secondsAgo),
            AllottedSeconds = allotted,
        });
        db.SaveChanges();
    }

    [Fact]
    public async Task A_member_asks_for_the_floor_sees_her_place_and_withdraws()
    {
        // Arrange
        var (meeting, item) = Running();
        SignInAs(Mia);
        await Speakers.RequestAsync(UserFor(Jens), item, SpeechKind.Speech, AttendanceChannel.Room, Xunit.TestContext.Current.CancellationToken);
        var cut = Panel(meeting);
        var request = cut.WaitForElement("[data-testid=speakers-request]");

        // Act
        Assert.Equal("Bed om ordet til punkt 4: Oplæg om den boligsociale indsats", request.GetAttribute("aria-label"));
        cut.Find("[data-testid=speakers-channel-online]").Change(true);
        await cut.InvokeAsync(() => request.Click());

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("Du er nr. 2 på talerlisten.", cut.Find("[data-testid=speakers-my-place]").TextContent));
        Assert.Equal("Du er nr. 2 på talerlisten.", cut.Find("[data-testid=speakers-announcer]").TextContent);
        Assert.Equal([Jens, Mia], cut.FindAll("[data-testid=speakers-entry]").Select(e => e.GetAttribute("data-person")));
        Assert.Single(cut.FindAll("[data-testid=speakers-entry][data-person='Mia Kragh'] [data-testid=speaker-online]"));
        Assert.Empty(cut.FindAll("[data-testid=speakers-controls]"));
        await cut.InvokeAsync(() => cut.Find("[data-testid=speakers-withdraw]").Click());
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=speakers-request]")));
        using var db = CreateDbContext();
        Assert.NotNull(db.SpeakerRequests.Single(r => r.AgendaItemId == item && r.Person!.Name == Mia).WithdrawnAt);
    }

    [Fact]
    public async Task The_chair_sees_online_and_replies_gives_the_floor_with_a_speaking_time_and_it_is_announced()
    {
        // Arrange: Mia online, Jens in the room
        var (meeting, item) = Running();
        var ct = Xunit.TestContext.Current.CancellationToken;
        SignInAs(Chair);
        await Speakers.RequestAsync(UserFor(Mia), item, SpeechKind.Speech, AttendanceChannel.Online, ct);
        await Speakers.RequestAsync(UserFor(Jens), item, SpeechKind.Speech, AttendanceChannel.Room, ct);
        var cut = Panel(meeting);
        cut.WaitForElement("[data-testid=speakers-controls]");

        // Act
        var online = cut.Find("[data-testid=speakers-entry][data-person='Mia Kragh'] [data-testid=speaker-online]");
        Assert.Equal("online", online.TextContent.Trim());
        Assert.NotNull(online.QuerySelector("svg"));
        Assert.Empty(cut.FindAll("[data-testid=speakers-entry][data-person='Jens Vestergaard'] [data-testid=speaker-online]"));
        cut.Find("[data-testid=speakers-speaking-time]").Change("120");
        cut.WaitForAssertion(() => Assert.Contains("Taletid: 2 min.", cut.Find("[data-testid=speakers-announcer]").TextContent));
        var give = cut.FindAll("[data-testid=speakers-give]").Single(b => b.GetAttribute("aria-label") == "Giv ordet til Mia Kragh");
        await cut.InvokeAsync(() => give.Click());

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(Mia, cut.Find("[data-testid=speakers-current-name]").TextContent));
        Assert.Equal("Mia Kragh har fået ordet.", cut.Find("[data-testid=speakers-announcer]").TextContent);
        var countdown = cut.Find("[data-testid=speakers-current] [data-testid=speaker-countdown]");
        Assert.Equal("Normal", countdown.GetAttribute("data-phase"));
        Assert.Equal("timer", countdown.GetAttribute("role"));
        Assert.InRange(long.Parse(countdown.GetAttribute("data-countdown-ms")!, System.Globalization.CultureInfo.InvariantCulture), 110_000, 120_000);
        Assert.Equal("tilbage", cut.Find("[data-testid=speakers-current] [data-testid=speaker-countdown-word]").TextContent);
        Assert.Equal("Afslut taletid for Mia Kragh", cut.Find("[data-testid=speakers-end]").GetAttribute("aria-label"));

        // A reply to Mia goes to the front and says whom it answers.
        await Speakers.AddAsync(UserFor(Chair), item, UserFor("Sofie Lindholm").PersonId!.Value, SpeechKind.Reply, ct);
        cut.WaitForAssertion(() => Assert.Equal(["Sofie Lindholm", Jens], cut.FindAll("[data-testid=speakers-entry]").Select(e => e.GetAttribute("data-person"))));
        Assert.Equal("replik til Mia Kragh", cut.Find("[data-testid=speakers-entry] [data-testid=speaker-reply-mark]").TextContent);
        Assert.Contains("Sofie Lindholm har bedt om en replik.", cut.Find("[data-testid=speakers-announcer]").TextContent);
    }

    [Fact]
    public async Task The_chair_moves_a_request_down_by_a_button_named_for_the_person_and_closes_the_list()
    {
        // Arrange
        var (meeting, item) = Running();
        var ct = Xunit.TestContext.Current.CancellationToken;
        SignInAs(Chair);
        await Speakers.RequestAsync(UserFor(Mia), item, SpeechKind.Speech, null, ct);
        await Speakers.RequestAsync(UserFor(Jens), item, SpeechKind.Speech, null, ct);
        var cut = Panel(meeting);
        cut.WaitForElement("[data-testid=speakers-controls]");

        // Act
        var down = cut.Find("[data-testid=speakers-down]");
        Assert.Equal("Flyt Mia Kragh ned på talerlisten", down.GetAttribute("aria-label"));
        await cut.InvokeAsync(() => down.Click());
        cut.WaitForAssertion(() => Assert.Equal([Jens, Mia], cut.FindAll("[data-testid=speakers-entry]").Select(e => e.GetAttribute("data-person"))));
        await cut.InvokeAsync(() => cut.Find("[data-testid=speakers-close]").Click());

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("Åbn talerlisten igen", cut.Find("[data-testid=speakers-close]").TextContent));
        Assert.Equal("Talerlisten er lukket.", cut.Find("[data-testid=speakers-closed]").TextContent);
        Assert.Contains("Talerlisten er lukket.", cut.Find("[data-testid=speakers-announcer]").TextContent);
        // The chair can put anyone taking part on the list, but not a substitute who is not called in.
        var people = cut.FindAll("[data-testid=speakers-add-person] option").Select(o => o.TextContent).ToList();
        Assert.Contains("Poul Skovbo", people);
        Assert.DoesNotContain("Carsten Lykke", people);
    }

    [Fact]
    public void A_substitute_not_called_in_is_told_when_she_can_ask_and_gets_no_button()
    {
        // Arrange
        var (meeting, _) = Running();
        SignInAs("Carsten Lykke");

        // Act
        var cut = Panel(meeting);

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("Som suppleant kan du bede om ordet, når du er indkaldt til mødet.", cut.Find("[data-testid=speakers-blocked]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=speakers-request]"));
        Assert.Equal("Ingen har bedt om ordet.", cut.Find("[data-testid=speakers-empty]").TextContent);
    }

    [Fact]
    public void The_held_meeting_shows_who_spoke_on_which_item_for_the_record()
    {
        // Arrange: the demo's held meeting has a short list on item 3
        SignInAs(Mia);
        var held = MeetingIdWithItem("Oplæg om sundhedsprogrammet \"Sundhed for alle\"");

        // Act
        var cut = Panel(held, MeetingStatus.Held);

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("Talerlister fra mødet (4 indlæg og replikker)", cut.Find("[data-testid=speakers-record] summary").TextContent));
        var item = cut.Find("[data-testid=speakers-record-item]");
        Assert.Equal("3", item.GetAttribute("data-item-number"));
        Assert.Equal(["Mia Kragh", "Jens Vestergaard", "Poul Skovbo", "Sofie Lindholm"], item.QuerySelectorAll("[data-testid=speakers-entry-name]").Select(e => e.TextContent));
        Assert.Contains("replik til Mia Kragh", item.TextContent);
        Assert.Single(item.QuerySelectorAll("[data-testid=speaker-online]"));
        Assert.Empty(cut.FindAll("[data-testid=speakers-panel]"));
    }

    [Theory]
    [InlineData(10, "Normal", "1:50", "tilbage")]
    [InlineData(100, "NearEnd", "0:20", "snart slut")]
    [InlineData(130, "Over", "+0:10", "taletiden er overskredet")]
    public void The_screen_shows_the_speaker_large_with_the_countdown_in_colour_and_words(int secondsAgo, string phase, string clock, string word)
    {
        // Arrange
        var (meeting, item) = Running();
        Speaking(item, Mia, secondsAgo, 120);

        // Act
        var cut = Render<SpeakersOnScreen>(p => p.Add(x => x.MeetingId, meeting).Add(x => x.ItemId, item).Add(x => x.ShowClosedItems, false));

        // Assert
        var countdown = cut.WaitForElement("[data-testid=speakers-screen-current] [data-testid=speaker-countdown]");
        Assert.Equal(Mia, cut.Find(".speakers-screen-name").TextContent);
        Assert.Single(cut.FindAll("[data-testid=speakers-screen-current] [data-testid=speaker-online]"));
        Assert.Contains("speaker-countdown-large", countdown.ClassList);
        Assert.Equal(phase, countdown.GetAttribute("data-phase"));
        Assert.Equal(clock, cut.Find("[data-testid=speaker-countdown-clock]").TextContent);
        Assert.Equal(word, cut.Find("[data-testid=speaker-countdown-word]").TextContent);
    }

    [Fact]
    public async Task The_screen_follows_the_list_and_leaves_out_a_closed_item_it_may_not_show()
    {
        // Arrange
        var (meeting, item) = Running();
        var closed = Item(DemoItems.Closed).Id;
        Speaking(closed, Jens, 5, null, AttendanceChannel.Room);
        var cut = Render<SpeakersOnScreen>(p => p.Add(x => x.MeetingId, meeting).Add(x => x.ItemId, item).Add(x => x.ShowClosedItems, false));
        Assert.Empty(cut.FindAll("[data-testid=speakers-screen]"));

        // Act: Mia asks, online; then the chair moves to the closed item
        await Speakers.RequestAsync(UserFor(Mia), item, SpeechKind.Speech, AttendanceChannel.Online, Xunit.TestContext.Current.CancellationToken);
        cut.WaitForAssertion(() => Assert.Equal(Mia, cut.Find("[data-testid=speakers-screen-entry] [data-testid=speakers-entry-name]").TextContent));
        var online = cut.Find("[data-testid=speakers-screen-entry] [data-testid=speaker-online]").TextContent;
        cut.Render(p => p.Add(x => x.ItemId, closed));

        // Assert
        Assert.Equal("online", online.Trim());
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=speakers-screen]")));
        cut.Render(p => p.Add(x => x.ShowClosedItems, true));
        cut.WaitForAssertion(() => Assert.Equal(Jens, cut.Find(".speakers-screen-name").TextContent));
        Assert.Equal("up", cut.Find("[data-testid=speaker-countdown]").GetAttribute("data-countdown-mode"));
        Assert.Equal("talt", cut.Find("[data-testid=speaker-countdown-word]").TextContent);
        using var db = CreateDbContext();
        Assert.True(await db.SpeakerRequests.AnyAsync(r => r.AgendaItemId == closed, Xunit.TestContext.Current.CancellationToken));
    }
}
