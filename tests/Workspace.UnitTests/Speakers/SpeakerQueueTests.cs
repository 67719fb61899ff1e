using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Workspace.Data.Entities;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Running;
using Workspace.Web.Features.Speakers;
using Workspace.Web.Resources;

namespace Workspace.UnitTests.Speakers;

public sealed class SpeakerQueueTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 3, 15, 0, 0, TimeSpan.Zero);
    private static readonly Guid Item = Guid.NewGuid();

    private static SpeakerRequest Request(SpeechKind kind = SpeechKind.Speech, int position = 0, Guid? repliesTo = null, int minute = 0) => new()
    {
        AgendaItemId = Item,
        PersonId = Guid.NewGuid(),
        Kind = kind,
        Position = position,
        RepliesToId = repliesTo,
        RequestedAt = T0.AddMinutes(minute),
    };

    [Fact]
    public void A_contribution_goes_last_and_positions_are_rewritten_from_one()
    {
        // Arrange
        var mia = Request(position: 4);
        var poul = Request(position: 9);

        // Act
        var order = SpeakerQueue.Add(SpeakerQueue.Waiting([poul, mia]), Request());

        // Assert
        Assert.Equal([mia, poul], order.Take(2));
        Assert.Equal([1, 2, 3], order.Select(r => r.Position));
        Assert.Equal(SpeechKind.Speech, order[2].Kind);
    }

    [Fact]
    public void A_reply_goes_to_the_front_behind_the_replies_to_the_same_speech()
    {
        // Arrange: Mia speaks; Jens has asked to reply to her; Poul and Sofie wait with contributions
        var speech = Guid.NewGuid();
        var jens = Request(SpeechKind.Reply, 1, speech);
        var poul = Request(position: 2);
        var sofie = Request(position: 3);
        var anton = Request(SpeechKind.Reply, repliesTo: speech);

        // Act
        var order = SpeakerQueue.Add(SpeakerQueue.Waiting([sofie, poul, jens]), anton);

        // Assert
        Assert.Equal([jens, anton, poul, sofie], order);
        Assert.Equal([1, 2, 3, 4], order.Select(r => r.Position));
    }

    [Fact]
    public void A_reply_to_a_new_speech_goes_before_replies_left_from_an_earlier_one()
    {
        // Arrange: an old reply to an earlier speech still waits at the front
        var old = Request(SpeechKind.Reply, 1, Guid.NewGuid());
        var reply = Request(SpeechKind.Reply, repliesTo: Guid.NewGuid());

        // Act
        var at = SpeakerQueue.InsertAt(SpeakerQueue.Waiting([old]), reply.Kind, reply.RepliesToId);

        // Assert
        Assert.Equal(0, at);
    }

    [Fact]
    public void Waiting_leaves_out_those_given_the_floor_and_withdrawn_and_breaks_ties_by_who_asked_first()
    {
        // Arrange
        var first = Request(position: 1, minute: 1);
        var tie = Request(position: 1, minute: 0);
        var spoke = Request(position: 0);
        spoke.GivenFloorAt = T0;
        var withdrew = Request(position: 0);
        withdrew.WithdrawnAt = T0;

        // Act
        var waiting = SpeakerQueue.Waiting([first, spoke, withdrew, tie]);

        // Assert
        Assert.Equal([tie, first], waiting);
    }

    [Fact]
    public void A_move_swaps_with_the_neighbour_and_stops_at_the_ends()
    {
        // Arrange
        var mia = Request(position: 1);
        var poul = Request(position: 2);
        var jens = Request(position: 3);
        List<SpeakerRequest> Queue() => SpeakerQueue.Waiting([mia, poul, jens]);

        // Act
        var up = SpeakerQueue.Move(Queue(), jens.Id, -1);

        // Assert
        Assert.Equal([mia, jens, poul], up!);
        Assert.Equal([1, 2, 3], up!.Select(r => r.Position));
        Assert.Null(SpeakerQueue.Move(Queue(), mia.Id, -1));
        Assert.Null(SpeakerQueue.Move(Queue(), poul.Id, 1));
        Assert.Null(SpeakerQueue.Move(Queue(), Guid.NewGuid(), 1));
        Assert.Null(SpeakerQueue.Move(Queue(), mia.Id, 2));
    }

    [Fact]
    public void Moving_down_then_up_gives_the_order_back_and_every_request_keeps_one_place()
    {
        // Arrange
        var people = Enumerable.Range(1, 5).Select(i => Request(position: i)).ToList();

        // Act
        var down = SpeakerQueue.Move(SpeakerQueue.Waiting(people), people[1].Id, 1)!;
        var orderAfterDown = down.ToList();
        var back = SpeakerQueue.Move(SpeakerQueue.Waiting(people), people[1].Id, -1)!;

        // Assert
        Assert.Equal([people[0], people[2], people[1], people[3], people[4]], orderAfterDown);
        Assert.Equal(people, back);
        Assert.Equal([1, 2, 3, 4, 5], back.Select(r => r.Position));
    }

    [Fact]
    public void A_reply_answers_the_one_speaking_or_else_the_last_who_spoke()
    {
        // Arrange
        var first = Request();
        first.GivenFloorAt = T0;
        first.EndedAt = T0.AddMinutes(2);
        var second = Request();
        second.GivenFloorAt = T0.AddMinutes(2);
        second.EndedAt = T0.AddMinutes(4);
        var speaking = Request();
        speaking.GivenFloorAt = T0.AddMinutes(1);
        var waiting = Request();

        // Act and assert
        Assert.Null(SpeakerQueue.ReplyTarget([waiting]));
        Assert.Same(second, SpeakerQueue.ReplyTarget([first, second, waiting]));
        Assert.Same(speaking, SpeakerQueue.ReplyTarget([first, second, speaking, waiting]));
    }
}

public sealed class SpeakingTimeTests
{
    private static readonly DateTimeOffset Given = new(2026, 12, 3, 15, 0, 0, TimeSpan.Zero);

    private static SpeakerEntry Speech(int? allottedSeconds, DateTimeOffset? ended = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), "Mia Kragh", SpeechKind.Speech, AttendanceChannel.Online, null, null, Given.AddMinutes(-1), Given, ended, allottedSeconds);

    [Theory]
    [InlineData(120, 0, TimerPhase.Normal, "2:00")]
    [InlineData(120, 95, TimerPhase.Normal, "0:25")]
    [InlineData(120, 96, TimerPhase.NearEnd, "0:24")]
    [InlineData(120, 119, TimerPhase.NearEnd, "0:01")]
    [InlineData(120, 120, TimerPhase.Over, "+0:00")]
    [InlineData(120, 133, TimerPhase.Over, "+0:13")]
    [InlineData(600, 479, TimerPhase.Normal, "2:01")]
    [InlineData(600, 480, TimerPhase.NearEnd, "2:00")]
    public void The_countdown_turns_amber_in_the_last_fifth_at_most_two_minutes_and_red_past_the_end(int allotted, int used, TimerPhase phase, string clock)
    {
        // Act
        var time = SpeakingTime.Of(Speech(allotted), Given.AddSeconds(used))!;

        // Assert: the same rule as the item timer's
        Assert.Equal(phase, time.Phase);
        Assert.Equal(clock, time.Clock);
        var itemTimer = new ItemTimer(TimeSpan.FromSeconds(allotted), TimeSpan.FromSeconds(used), true, Given, TimeSpan.Zero);
        Assert.Equal(itemTimer.Phase, time.Phase);
    }

    [Fact]
    public void Without_a_speaking_time_it_counts_the_time_spoken_and_an_ended_speech_stops()
    {
        // Act
        var open = SpeakingTime.Of(Speech(null), Given.AddSeconds(75))!;
        var ended = SpeakingTime.Of(Speech(60, Given.AddSeconds(50)), Given.AddMinutes(30))!;

        // Assert
        Assert.Equal(TimerPhase.Unlimited, open.Phase);
        Assert.Equal("1:15", open.Clock);
        Assert.Null(open.Remaining);
        Assert.Equal(TimeSpan.FromSeconds(50), ended.Used);
        Assert.Equal("0:10", ended.Clock);
    }

    [Fact]
    public void A_request_not_given_the_floor_has_no_time()
    {
        var waiting = Speech(120) with { GivenFloorAt = null };

        Assert.Null(SpeakingTime.Of(waiting, Given));
    }
}

public sealed class SpeakerAnnouncementTests
{
    private static readonly Guid Item = Guid.NewGuid();
    private static readonly Guid Me = Guid.NewGuid();

    private static IStringLocalizer Danish()
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("da-DK");
        return new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider()
            .GetRequiredService<IStringLocalizer<SharedResource>>();
    }

    private static SpeakerEntry Entry(string name, Guid? person = null, SpeechKind kind = SpeechKind.Speech, DateTimeOffset? given = null) =>
        new(Guid.NewGuid(), person ?? Guid.NewGuid(), name, kind, AttendanceChannel.Room, null, null, DateTimeOffset.UnixEpoch, given, null, 120);

    private static SpeakerListView List(SpeakerEntry? speaking, bool closed = false, int? seconds = 120, params SpeakerEntry[] waiting) =>
        new(Guid.NewGuid(), Item, "4", "Oplæg", closed, seconds, 1, speaking, new ValueList<SpeakerEntry>(waiting), ValueList<SpeakerEntry>.Empty,
            SpeakerAbilities.ReadOnly, Me, ValueList<SpeakerCandidate>.Empty);

    [Fact]
    public void Giving_the_floor_is_said_with_the_name()
    {
        // Arrange
        var L = Danish();
        var mia = Entry("Mia Kragh");
        var before = List(null, waiting: mia);
        var after = List(mia with { GivenFloorAt = DateTimeOffset.UnixEpoch });

        // Act and assert
        Assert.Equal("Mia Kragh har fået ordet.", SpeakerAnnouncement.Between(before, after, L));
        Assert.Equal("Taletiden for Mia Kragh er afsluttet.", SpeakerAnnouncement.Between(after, List(null), L));
    }

    [Fact]
    public void A_new_request_is_said_with_the_name_and_my_own_with_my_place()
    {
        // Arrange
        var L = Danish();
        var poul = Entry("Poul Skovbo");
        var mine = Entry("Mia Kragh", Me, SpeechKind.Reply);

        // Act
        var others = SpeakerAnnouncement.Between(List(null), List(null, waiting: poul), L);
        var own = SpeakerAnnouncement.Between(List(null, waiting: poul), List(null, waiting: [mine, poul]), L);
        var moved = SpeakerAnnouncement.Between(List(null, waiting: [mine, poul]), List(null, waiting: [poul, mine]), L);

        // Assert
        Assert.Equal("Poul Skovbo har bedt om ordet.", others);
        Assert.Equal("Din replik er nr. 1 på talerlisten.", own);
        Assert.Equal("Din replik er nr. 2 på talerlisten.", moved);
    }

    [Fact]
    public void Closing_the_list_and_a_new_speaking_time_are_said_and_another_item_says_nothing()
    {
        // Arrange
        var L = Danish();

        // Act and assert
        Assert.Equal("Talerlisten er lukket. Taletid: 30 sek.", SpeakerAnnouncement.Between(List(null), List(null, closed: true, seconds: 30), L));
        Assert.Equal("Talerlisten er åbnet igen.", SpeakerAnnouncement.Between(List(null, closed: true), List(null), L));
        Assert.Equal("", SpeakerAnnouncement.Between(List(null), List(null, closed: true) with { ItemId = Guid.NewGuid() }, L));
        Assert.Equal("", SpeakerAnnouncement.Between(null, List(null), L));
    }
}
