using Workspace.Data.Entities;

namespace Workspace.Web.Seeding;

public sealed partial class DemoData
{
    /// <summary>
    /// #13: Handicaprådet's extraordinary meeting, "i gang" since 40 minutes before the seeding. Two items are handled
    /// (the second with a closed named vote and its line in the decision); the chair is at item 3, whose timer runs, with
    /// Ole Brandt speaking, Rikke Thorsen (online) waiting for the floor and a named vote open that Ole has voted in.
    /// It is Handicaprådet's, so that Udsatterådet's next meeting stays the first on its members' start page (the tests
    /// and the benchmarks start that one themselves).
    /// </summary>
    private void RunningMeeting(Council council, Person hanne, Person ole, Person rikke, Person lone)
    {
        var now = clock.GetUtcNow();
        var startsAt = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.FromMinutes(5).Ticks, now.Offset).AddMinutes(-40);
        var meeting = new Meeting
        {
            Title = "Handicaprådets ekstraordinære møde",
            Kind = MeetingKind.Extra,
            StartsAt = startsAt,
            EndsAt = startsAt.AddHours(2),
            Place = Room,
            OnlineLink = "https://teams.example/boegeby/handicapraadet",
            Status = MeetingStatus.InProgress,
            PublishedAt = startsAt.AddDays(-8),
            StartedAt = startsAt.AddMinutes(2),
        };
        council.Meetings.Add(meeting);

        void Present(Person person, AttendanceRole role, AttendanceChannel channel, int minutesIn) =>
            meeting.Attendances.Add(new Attendance
            {
                Person = person, Role = role, Response = InvitationResponse.Attending, RespondedAt = startsAt.AddDays(-3),
                Presence = PresenceStatus.Present, Channel = channel, ArrivedAt = startsAt.AddMinutes(minutesIn),
            });
        Present(hanne, AttendanceRole.Member, AttendanceChannel.Room, 0);
        Present(ole, AttendanceRole.Member, AttendanceChannel.Room, 0);
        Present(rikke, AttendanceRole.Member, AttendanceChannel.Online, 6);
        Present(lone, AttendanceRole.Administration, AttendanceChannel.Room, 0);
        meeting.MinuteTaker = lone;

        var agenda = Item(meeting, 1, "Godkendelse af dagsorden", AgendaItemKind.Decision, 5, "Hanne Winther");
        agenda.Decision = "Dagsordenen blev godkendt.";
        agenda.Status = AgendaItemStatus.Handled;
        agenda.TimerUsedSeconds = 3 * 60 + 10;

        var parking = Item(meeting, 2, "Handicapparkering ved Torvet", AgendaItemKind.Decision, 15, "Lone Frandsen, sekretær");
        parking.Background = """
            Teknik og Miljø foreslår at flytte de to handicapparkeringspladser ved Torvet 40 meter mod nord, når torvet
            bliver omlagt. Rådet bedes tage stilling til, om det vil anbefale i stedet at lave fire pladser tæt ved indgangen.
            """;
        parking.Decision = "Rådet anbefaler fire handicapparkeringspladser ved indgangen til Torvet."
            + "\nAfstemning: For 2, imod 0, undlader 1. Forslaget er vedtaget.";
        parking.Status = AgendaItemStatus.Handled;
        parking.TimerUsedSeconds = 17 * 60 + 40;
        var parkingVote = DemoPoll(meeting, parking, "Skal rådet anbefale fire pladser ved indgangen til Torvet?", PollStatus.Closed,
            openedAt: startsAt.AddMinutes(22), closedAt: startsAt.AddMinutes(24), eligible: 3);
        DemoVote(parkingVote, hanne, PollBallot.For);
        DemoVote(parkingVote, ole, PollBallot.For);
        DemoVote(parkingVote, rikke, PollBallot.Abstain);

        var pool = Item(meeting, 3, "Tilgængelighed i den nye svømmehal", AgendaItemKind.Decision, 20, "Lone Frandsen, sekretær");
        pool.Background = """
            Kultur og Fritid har sendt skitserne til den nye svømmehal til rådet. Indgangen har tre trin, og der er
            ingen lift ved det store bassin.

            Rådet bedes drøfte skitserne og tage stilling til, om det vil anbefale et niveaufrit indgangsparti og en lift.
            """;
        pool.TimerStartedAt = now.AddMinutes(-12);
        meeting.CurrentItemId = pool.Id;
        meeting.CurrentItemSince = now.AddMinutes(-12);
        pool.Remarks.Add(new Remark { Author = rikke, Text = "Husk teleslynge i foyeren og ved billetsalget.", CreatedAt = now.AddMinutes(-8) });
        pool.Remarks.Add(new Remark { Author = ole, Text = "Omklædningsrummene skal have plads til en hjælper.", CreatedAt = now.AddMinutes(-5) });
        _speakerLists.Add(new SpeakerList { AgendaItemId = pool.Id, SpeakingSeconds = 180 });
        _speakers.Add(new SpeakerRequest
        {
            AgendaItem = pool, Person = hanne, Kind = SpeechKind.Speech, Channel = AttendanceChannel.Room, Position = 1,
            RequestedAt = now.AddMinutes(-10), GivenFloorAt = now.AddMinutes(-9), EndedAt = now.AddMinutes(-6), AllottedSeconds = 180,
        });
        _speakers.Add(new SpeakerRequest
        {
            AgendaItem = pool, Person = ole, Kind = SpeechKind.Speech, Channel = AttendanceChannel.Room, Position = 2,
            RequestedAt = now.AddMinutes(-7), GivenFloorAt = now.AddMinutes(-1), AllottedSeconds = 180,
        });
        _speakers.Add(new SpeakerRequest
        {
            AgendaItem = pool, Person = rikke, Kind = SpeechKind.Speech, Channel = AttendanceChannel.Online, Position = 3,
            RequestedAt = now.AddMinutes(-3),
        });
        var poolVote = DemoPoll(meeting, pool, "Skal rådet anbefale et niveaufrit indgangsparti og en lift ved det store bassin?",
            PollStatus.Open, openedAt: now.AddMinutes(-1), closedAt: null, eligible: null);
        DemoVote(poolVote, ole, PollBallot.For);

        Pause(meeting, 4, 10);
        var benches = Item(meeting, 5, "Bænke og hvilepladser på gågaden", AgendaItemKind.Discussion, 20, "Ole Brandt");
        benches.Background = "Ole Brandt fortæller om foreningens gennemgang af gågaden: hvor langt der er mellem bænkene, og hvor de mangler armlæn.";
        Item(meeting, 6, "Eventuelt", AgendaItemKind.Discussion, 10, null).Placement = AgendaItemPlacement.End;
    }

    /// <summary>A named motion on an item, as the chair creates and opens it (closed ones counted by their voters' ballots).</summary>
    private Poll DemoPoll(Meeting meeting, AgendaItem item, string question, PollStatus status, DateTimeOffset openedAt, DateTimeOffset? closedAt, int? eligible)
    {
        var id = Guid.NewGuid();
        var poll = new Poll
        {
            Id = id, ElectionId = id, MeetingId = meeting.Id, AgendaItemId = item.Id, Kind = PollKind.Motion, IsSecret = false, Question = question,
            Majority = PollMajority.Simple, Status = status, CreatedAt = openedAt.AddMinutes(-1), OpenedAt = openedAt, ClosedAt = closedAt,
            EligibleAtClose = eligible,
        };
        _pollRows.Add(poll);
        return poll;
    }

    /// <summary>One named vote: the voter row holds the choice (a named vote), the ballot is counted.</summary>
    private void DemoVote(Poll poll, Person person, int choice)
    {
        _pollRows.Add(new PollVoter { PollId = poll.Id, PersonId = person.Id, OpenChoice = choice });
        _pollRows.Add(new PollBallot { PollId = poll.Id, Choice = choice });
    }
}
