using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Attachments;
using Workspace.Web.Features.FollowUps;
using Workspace.Web.Features.Planning;

namespace Workspace.Web.Seeding;

/// <summary>
/// An invented municipality with an Udsatteråd (10 members, 3 substitutes, 2 administration staff and three meetings
/// shaped like real minutes, the held one with its attendance registered) and a Handicapråd (whose vice chair's term
/// has ended, with a meeting held a year ago and one running now), so that the separation between councils can be seen.
/// Meeting dates and terms are relative to today, so the demo always has a past, a next and a later meeting in the term.
/// </summary>
public sealed partial class DemoData(TimeProvider clock, CopenhagenTime time, IFileStore files)
{
    public const string Municipality = "Bøgeby Kommune";
    private const string Room = "Rådhuset, Torvet 1, 4600 Bøgeby, mødelokale 2A";
    private readonly List<FollowUp> _followUps = [];

    // Co-edited texts with a history, stored beside the councils (a text is not reached through the item).
    private readonly List<TextDocument> _texts = [];
    // Votes and elections with their voter and ballot rows (#13 votes).
    private readonly List<object> _pollRows = [];

    // The speakers' list of a held item, for the record (a request is not reached through the item).
    private readonly List<SpeakerRequest> _speakers = [];
    // The running meeting's list of speakers and its speaking time (#13).
    private readonly List<SpeakerList> _speakerLists = [];

    public async Task SeedIfEmptyAsync(WorkspaceDbContext db, CancellationToken ct = default)
    {
        if (await db.Councils.AnyAsync(ct))
        {
            return;
        }
        var today = time.ToLocal(clock.GetUtcNow()).Date;
        db.Councils.Add(WithStandardAgenda(Udsatteraadet(today)));
        db.Councils.Add(WithStandardAgenda(Handicapraadet(today)));
        db.FollowUps.AddRange(_followUps);
        db.Hearings.AddRange(_hearings);
        db.TextDocuments.AddRange(_texts);
        db.AddRange(_pollRows);
        db.SpeakerRequests.AddRange(_speakers);
        db.SpeakerLists.AddRange(_speakerLists);
        // The hearings' files go into the app's file store first; if the rows are not saved, neither are they kept.
        var stored = await HearingMaterialAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            foreach (var key in stored)
            {
                await files.DeleteAsync(key, CancellationToken.None);
            }
            throw;
        }
        await SeedApprovedMinutesAsync(db, ct);
    }

    private static Council WithStandardAgenda(Council council)
    {
        council.AgendaTemplate.AddRange(AgendaTemplates.DefaultFor(council.Id));
        return council;
    }

    private Council Udsatteraadet(DateTime today)
    {
        var council = new Council
        {
            Name = "Udsatterådet",
            Municipality = Municipality,
            Description = "Rådet rådgiver byrådet om forhold for borgere i udsatte positioner: hjemløse, misbrugere, sindslidende og andre socialt udsatte.",
        };
        var term = TermAround(today);
        Person Member(string name, string? organisation, bool chair = false, bool viceChair = false) =>
            Seat(council, name, MembershipKind.Member, organisation, term, chair: chair, viceChair: viceChair);

        var gitte = Member("Gitte Holmgaard", "Café Lyspunktet", chair: true);
        var jens = Member("Jens Vestergaard", "Foreningen Gadens Stemme", viceChair: true);
        var mia = Member("Mia Kragh", "Bøgeby Værested");
        var poul = Member("Poul Skovbo", "Bøgeby Lejerforening");
        var leni = Member("Leni Dahlgaard", "Psykiatriforeningen Bøgeby");
        var anton = Member("Anton Bjerre", "Herberget Nordlyset");
        var sofie = Member("Sofie Lindholm", "Misbrugsrådgivningen Ny Start");
        var elsebeth = Member("Elsebeth Krogh", "Pårørendeforeningen Bedre Hverdag");
        var danny = Member("Danny Mølgaard", "Brugerrepræsentant");
        var karin = Member("Karin Abildgaard", "Kirkens Natcafé");
        var carsten = Seat(council, "Carsten Lykke", MembershipKind.Substitute, "Foreningen Gadens Stemme", term, substituteOrder: 1);
        var martin = Seat(council, "Martin Rosendahl", MembershipKind.Substitute, "Café Lyspunktet", term, substituteOrder: 2);
        Seat(council, "Birgitte Wendt", MembershipKind.Substitute, "Retshjælpen Bøgeby", term, substituteOrder: 3);
        var iben = Seat(council, "Iben Sørensen", MembershipKind.Administration, null, term, title: "Sekretær, Socialforvaltningen");
        var thomas = Seat(council, "Thomas Lindberg", MembershipKind.Administration, null, term, title: "Områdeleder, Socialpsykiatrien");

        var past = Meeting(council, today.AddDays(-42), MeetingStatus.Held);
        // Registered as the secretary does it: everyone present, then the exceptions. Leni sent apologies; the first
        // substitute could not come, so the second stepped in for her.
        foreach (var present in new[] { gitte, jens, mia, poul, anton, sofie, elsebeth, danny })
        {
            Attend(past, present, AttendanceRole.Member, PresenceStatus.Present);
        }
        Attend(past, leni, AttendanceRole.Member, PresenceStatus.Apologies, InvitationResponse.Apologies, "Syg");
        Attend(past, karin, AttendanceRole.Member, PresenceStatus.AbsentWithoutNotice);
        Call(past, carsten, leni, iben, SubstituteCallStatus.Declined);
        Call(past, martin, leni, iben, SubstituteCallStatus.Confirmed);
        Attend(past, martin, AttendanceRole.Substitute, PresenceStatus.Present, InvitationResponse.Attending);
        Attend(past, iben, AttendanceRole.Administration, PresenceStatus.Present);
        Attend(past, thomas, AttendanceRole.Administration, PresenceStatus.Present);
        Guest(past, "Rasmus Kjær (Social- og Sundhedssekretariatet)");
        past.MinuteTaker = iben;
        // The secretary closed it, then reopened it to add the decision on the hearing item.
        past.ReopenReason = "Rådets beslutning under punkt 4 (høring af kvalitetsstandarder) manglede i referatet og skal tilføjes.";
        var item = Item(past, 1, "Godkendelse af dagsorden", AgendaItemKind.Decision, 5, "Gitte Holmgaard");
        AgendaItem health, hearing, otherBusiness;
        item.Decision = "Dagsordenen blev godkendt.";
        item.Status = AgendaItemStatus.Handled;
        item = Item(past, 2, "Godkendelse af referat fra sidste møde", AgendaItemKind.Decision, 5, "Gitte Holmgaard");
        item.Decision = "Referatet blev godkendt uden bemærkninger.";
        item.Status = AgendaItemStatus.Handled;
        MeetingWithApprovedMinutes(council, today, item, gitte, mia, poul, anton, danny, iben, thomas, [jens, leni, sofie, elsebeth, karin]);
        item = Item(past, 3, "Oplæg om sundhedsprogrammet \"Sundhed for alle\"", AgendaItemKind.Discussion, 30, "Rasmus Kjær, chefkonsulent i Social- og Sundhedssekretariatet");
        item.Background = """
            Kommunens udvalg "Sundhed for alle" har arbejdet med, hvordan kommunen kan mindske ulighed i sundhed.
            Arbejdet er mundet ud i en række anbefalinger, som nu skal føres ud i livet.

            På mødet præsenteres anbefalingerne, og rådet får mulighed for at give input til arbejdet.
            """;
        item.Decision = "Rådet drøftede anbefalingerne. Rasmus Kjær vender tilbage med løbende opfølgning.";
        item.Status = AgendaItemStatus.Handled;
        health = item;
        Remark(item, mia, "Indsatserne skal ud, hvor borgerne er: udkørende tilbud frem for faste tider på sundhedscentret.", 0);
        Remark(item, leni, "Data om mennesker i udsatte positioner mangler ofte, fordi mange ikke bruger sundhedssystemet. Det skal programmet tage højde for.", 1);
        Remark(item, poul, "Mangel på billige boliger er en strukturel barriere for bedre sundhed.", 2);
        Remark(item, sofie, "Tilbuddene må ikke være moraliserende eller kræve, at man først bliver skrevet ind i det kommunale system.", 3);
        SpeakersForTheRecord(item, past.StartsAt.AddMinutes(25), mia, poul, jens, sofie);
        // The minutes text as the secretary wrote it during the item, and the presenter's correction the day after.
        Written(item, ItemText.Minutes,
            (iben, past.StartsAt.AddMinutes(38), "Rasmus Kjær præsenterede anbefalingerne fra udvalget. Rådet drøftede, hvordan indsatserne kommer ud til borgerne."),
            (iben, past.StartsAt.AddMinutes(41), "Rasmus Kjær præsenterede anbefalingerne fra udvalget. Rådet drøftede, hvordan indsatserne kommer ud til borgerne, og pegede på udkørende tilbud."),
            (thomas, past.StartsAt.AddDays(1).AddHours(-6), "Rasmus Kjær præsenterede udvalgets ni anbefalinger. Rådet drøftede, hvordan indsatserne kommer ud til borgerne, og pegede på udkørende tilbud. Forvaltningen sender præsentationen til rådet."));
        item = Item(past, 4, "Høring af kvalitetsstandarder for 2027", AgendaItemKind.Hearing, 30, "Thomas Lindberg, områdeleder");
        item.Background = """
            Kvalitetsstandarderne beskriver det serviceniveau, byrådet har fastlagt for hjælpen til borgerne.
            I revisionen for 2027 lægges der op til, at det nuværende serviceniveau fastholdes.

            **Høringsfrist:** 15. december. Rådet kan give bemærkninger på mødet og skriftligt til sekretæren indtil fristen.
            """;
        item.Status = AgendaItemStatus.Handled;
        hearing = item;
        Remark(item, jens, "Standarden for bostøtte bør nævne, at støtten også kan gives om aftenen.", 0);
        Remark(item, elsebeth, "Pårørende bør nævnes som en ressource i standarden for socialpsykiatrien.", 1);
        var news = Item(past, 5, "Orientering fra formanden", AgendaItemKind.Information, 15, "Gitte Holmgaard");
        news.Status = AgendaItemStatus.Handled;
        SubItem(news, 1, "Fællesmøde med Beskæftigelses- og Socialudvalget", AgendaItemKind.Information).Status = AgendaItemStatus.Handled;
        SubItem(news, 2, "Valg til rådet i den nye valgperiode", AgendaItemKind.Information).Status = AgendaItemStatus.Handled;
        var visit = SubItem(news, 3, "Besøg på Herberget Nordlyset", AgendaItemKind.Information);
        visit.Status = AgendaItemStatus.Postponed;
        visit.Background = "Udsat til næste møde, da forstanderen havde meldt afbud.";
        item = Item(past, 6, "Eventuelt", AgendaItemKind.Discussion, 10, null);
        item.Decision = "Forvaltningen undersøger, om rådet kan få et fast mødelokale på værestedet.";
        item.Status = AgendaItemStatus.Handled;
        otherBusiness = item;
        HeldMeetingPolls(past, otherBusiness, [gitte, jens, mia, poul, anton, sofie, elsebeth, danny, martin]);

        // What was promised at the held meeting (the register, "Mine opgaver" and the next meeting's status item show them).
        FollowUp(council, otherBusiness, iben, "Forvaltningen undersøger, om rådet kan få et fast mødelokale på værestedet.",
            FollowUpOwnerKind.Administration, null, null, null, FollowUpOrigin.Decision);
        FollowUp(council, health, iben, "Rasmus Kjær vender tilbage med en plan for de udkørende sundhedstilbud.",
            FollowUpOwnerKind.Outsider, null, "Rasmus Kjær, chefkonsulent", DateOnly.FromDateTime(today.AddDays(14)), status: FollowUpStatus.InProgress);
        FollowUp(council, hearing, iben, "Sekretæren samler rådets bemærkninger til kvalitetsstandarderne i et høringssvar.",
            FollowUpOwnerKind.Person, iben, null, DateOnly.FromDateTime(today.AddDays(-35)), status: FollowUpStatus.Done,
            report: "Høringssvaret blev sendt til Beskæftigelses- og Socialudvalget inden fristen.", endedDaysAgo: 30);
        FollowUp(council, health, iben, "Mia Kragh kontakter Frivilligcenteret om et fælles sundhedsarrangement på værestedet.",
            FollowUpOwnerKind.Person, mia, null, DateOnly.FromDateTime(today.AddDays(-7)));
        FollowUp(council, hearing, iben, "Jens Vestergaard skriver til boligforeningerne om aftenbostøtte.",
            FollowUpOwnerKind.Person, jens, null, DateOnly.FromDateTime(today.AddDays(2)), status: FollowUpStatus.InProgress);

        var next = Meeting(council, NextThursday(today), MeetingStatus.Published);
        next.Notes = """
            **Rådets budget 2026:** 25.000 kr., heraf er 9.800 kr. brugt (temadag og forplejning).

            Næste møde er ikke fastlagt endnu: sekretæren sender en doodle ud efter mødet.
            """;
        Item(next, 1, "Godkendelse af dagsorden", AgendaItemKind.Decision, 5, "Gitte Holmgaard").Placement = AgendaItemPlacement.Start;
        ApprovesMinutes(Item(next, 2, "Godkendelse af referat fra sidste møde", AgendaItemKind.Decision, 5, "Gitte Holmgaard"), past);
        Item(next, 3, "Orientering fra formanden", AgendaItemKind.Information, 10, "Gitte Holmgaard");
        item = Item(next, 4, "Oplæg om den boligsociale indsats", AgendaItemKind.Discussion, 30, "Thomas Lindberg, områdeleder");
        item.Background = """
            Forvaltningen fortæller om de første erfaringer med den boligsociale indsats i Nordbyen:
            - bostøtte i egen bolig efter udskrivning,
            - samarbejdet med boligforeningerne om udsættelser,
            - akutboliger til borgere uden tag over hovedet.

            Rådet bedes drøfte, hvad der skal til for at indsatsen når de borgere, der har størst behov.
            """;
        Item(next, 5, "Pause", AgendaItemKind.Break, 10, null);
        item = Item(next, 6, "Høring: Udkast til hjemløsestrategi 2027–2030", AgendaItemKind.Hearing, 40, "Iben Sørensen, sekretær");
        item.Background = """
            Beskæftigelses- og Socialudvalget har sendt udkastet til hjemløsestrategien i høring i Udsatterådet.
            Udkastet er vedhæftet. Rådets bemærkninger samles i et fælles høringssvar.

            **Høringsfrist:** fire uger efter mødet.
            """;
        Remark(item, jens, "Strategien bør have et mål for, hvor hurtigt en borger på herberget får tilbudt egen bolig.", 0);
        Remark(item, mia, "Husk de unge hjemløse: de bor ofte hos venner og tæller ikke med i optællingen.", 1);
        Hearings(council, hearing, item, today, iben, gitte, jens, mia, poul);
        item = Item(next, 7, "Henvendelse fra en borger om husleje og bostøtte", AgendaItemKind.Discussion, 10, "Iben Sørensen, sekretær");
        item.IsClosed = true;
        item.Background = "Punktet er lukket, fordi det indeholder personoplysninger.";
        Item(next, 8, FollowUpStatusAgenda.Title, AgendaItemKind.Information, FollowUpStatusAgenda.AllottedMinutes, "Iben Sørensen, sekretær").IsFollowUpStatus = true;
        Item(next, 9, "Næste møde", AgendaItemKind.Information, 5, null).Placement = AgendaItemPlacement.End;
        Item(next, 10, "Eventuelt", AgendaItemKind.Discussion, 10, null).Placement = AgendaItemPlacement.End;

        // The later meeting shows an agenda in sections, with a pause, and an item whose time is not set yet.
        var later = Meeting(council, NextThursday(today).AddDays(56), MeetingStatus.Published);
        later.EndsAt = later.StartsAt.AddHours(3);
        Item(later, 1, "Godkendelse af dagsorden", AgendaItemKind.Decision, 5, "Gitte Holmgaard").Placement = AgendaItemPlacement.Start;
        ApprovesMinutes(Item(later, 2, "Godkendelse af referat fra sidste møde", AgendaItemKind.Decision, 5, "Gitte Holmgaard"), next);
        Section(later, 3, "Orienteringspunkter");
        Item(later, 4, "Orientering fra formanden", AgendaItemKind.Information, 10, "Gitte Holmgaard");
        Item(later, 5, "Orientering om budget 2027 for socialområdet", AgendaItemKind.Information, null, "Thomas Lindberg, områdeleder");
        Pause(later, 6, 10);
        Section(later, 7, "Arbejdsmøde");
        Item(later, 8, "Arbejdsmøde: Rådets årsrapport", AgendaItemKind.WorkingSession, 60, "Gitte Holmgaard og Iben Sørensen");
        Item(later, 9, "Næste møde", AgendaItemKind.Information, 5, null).Placement = AgendaItemPlacement.End;
        Item(later, 10, "Eventuelt", AgendaItemKind.Discussion, 10, null).Placement = AgendaItemPlacement.End;

        return council;
    }

    private Council Handicapraadet(DateTime today)
    {
        var council = new Council
        {
            Name = "Handicaprådet",
            Municipality = Municipality,
            Description = "Rådet rådgiver byrådet i spørgsmål, der har betydning for borgere med handicap.",
        };
        var term = TermAround(today);
        var hanne = Seat(council, "Hanne Winther", MembershipKind.Member, "Foreningen Synlig Handicap", term, chair: true);
        var ole = Seat(council, "Ole Brandt", MembershipKind.Member, "Forældreforeningen Lys i Øjnene", term);
        var rikke = Seat(council, "Rikke Thorsen", MembershipKind.Member, "Bøgeby Døveforening", term);
        // The vice chair left the council this year: the council page shows the post as vacant until a new one is elected.
        var preben = Seat(council, "Preben Nørgaard", MembershipKind.Member, "Gigtforeningen Bøgeby",
            (term.Start, DateOnly.FromDateTime(today.AddDays(-100))), viceChair: true);
        Seat(council, "Bo Kjeldsen", MembershipKind.Substitute, "Foreningen Synlig Handicap", term, substituteOrder: 1);
        var lone = Seat(council, "Lone Frandsen", MembershipKind.Administration, null, term, title: "Sekretær, Sundhed og Omsorg");

        var lastYear = Meeting(council, today.AddDays(-365), MeetingStatus.Closed, title: "Handicaprådets møde");
        Item(lastYear, 1, "Godkendelse af dagsorden", AgendaItemKind.Decision, 5, "Hanne Winther").Status = AgendaItemStatus.Handled;
        var ramps = Item(lastYear, 2, "Ramper og elevatorer på biblioteket", AgendaItemKind.Discussion, 30, "Lone Frandsen, sekretær");
        ramps.Decision = "Rådet anbefaler, at elevatoren udskiftes i forbindelse med renoveringen.";
        ramps.Status = AgendaItemStatus.Handled;
        Item(lastYear, 3, "Eventuelt", AgendaItemKind.Discussion, 10, null).Status = AgendaItemStatus.Handled;
        foreach (var present in new[] { hanne, ole, preben })
        {
            Attend(lastYear, present, AttendanceRole.Member, PresenceStatus.Present);
        }
        Attend(lastYear, rikke, AttendanceRole.Member, PresenceStatus.Apologies, InvitationResponse.Apologies, "På ferie");
        Attend(lastYear, lone, AttendanceRole.Administration, PresenceStatus.Present);
        lastYear.MinuteTaker = lone;
        MinutesApprovedByMembers(lastYear, [ole, preben]);

        var next = Meeting(council, NextThursday(today).AddDays(7), MeetingStatus.Published, title: "Handicaprådets møde");
        Item(next, 1, "Godkendelse af dagsorden", AgendaItemKind.Decision, 5, "Hanne Winther");
        var item = Item(next, 2, "Tilgængelighed på det nye sundhedshus", AgendaItemKind.Discussion, 30, "Lone Frandsen, sekretær");
        item.Background = "Arkitekten fremlægger planerne for adgangsforholdene i det nye sundhedshus.";
        Item(next, 3, "Eventuelt", AgendaItemKind.Discussion, 10, null);

        RunningMeeting(council, hanne, ole, rikke, lone);
        return council;
    }

    private static Person Seat(Council council, string name, MembershipKind kind, string? organisation, (DateOnly Start, DateOnly End) term,
        bool chair = false, bool viceChair = false, int? substituteOrder = null, string? title = null)
    {
        var person = new Person { Name = name, Email = EmailOf(name) };
        council.Memberships.Add(new Membership
        {
            Person = person,
            Kind = kind,
            Organisation = organisation,
            Title = title,
            TermStart = term.Start,
            TermEnd = term.End,
            IsChair = chair,
            IsViceChair = viceChair,
            SubstituteOrder = substituteOrder,
        });
        return person;
    }

    /// <summary>A four-year term that began on 1 January last year, so every seeded meeting (up to a year back) falls in it.</summary>
    private static (DateOnly Start, DateOnly End) TermAround(DateTime today)
    {
        var start = new DateOnly(today.Year - 1, 1, 1);
        return (start, start.AddYears(4).AddDays(-1));
    }

    /// <summary>
    /// #13 votes: on the held meeting's last item, a closed named vote and a closed secret election, their results as
    /// lines in the item's decision (as closing them writes them). The nine present voters: the first eight voted.
    /// </summary>
    private void HeldMeetingPolls(Meeting past, AgendaItem item, Person[] present)
    {
        Poll Closed(PollKind kind, bool secret, string question, int minutes, params string[] candidates)
        {
            var id = Guid.NewGuid();
            var poll = new Poll
            {
                Id = id, ElectionId = id, MeetingId = past.Id, AgendaItemId = item.Id, Kind = kind, IsSecret = secret, Question = question,
                Majority = PollMajority.Absolute, Status = PollStatus.Closed, CreatedAt = past.StartsAt.AddMinutes(minutes),
                OpenedAt = past.StartsAt.AddMinutes(minutes), ClosedAt = past.StartsAt.AddMinutes(minutes + 2), EligibleAtClose = present.Length,
                Candidates = [.. candidates.Select((name, i) => new PollCandidate { PollId = id, Position = i + 1, Name = name })],
            };
            _pollRows.Add(poll);
            return poll;
        }
        void Votes(Poll poll, params int[] choices)
        {
            foreach (var (person, choice) in present.Zip(choices))
            {
                _pollRows.Add(new PollVoter { PollId = poll.Id, PersonId = person.Id, OpenChoice = poll.IsSecret ? null : choice });
                _pollRows.Add(new PollBallot { PollId = poll.Id, Choice = choice });
            }
        }
        var room = Closed(PollKind.Motion, secret: false, "Skal rådet bede om et fast mødelokale på værestedet?", 100);
        Votes(room, PollBallot.For, PollBallot.For, PollBallot.For, PollBallot.Against, PollBallot.For, PollBallot.For, PollBallot.Abstain, PollBallot.For);
        var delegation = Closed(PollKind.Election, secret: true, "Valg af rådets repræsentant i Frivilligrådet", 104, "Sofie Lindholm", "Danny Mølgaard");
        Votes(delegation, 1, 2, 1, 1, 2, 1, 2, 1);
        item.Decision += "\nAfstemning: For 6, imod 1, undlader 1. Forslaget er vedtaget."
            + "\nHemmeligt valg – Valg af rådets repræsentant i Frivilligrådet (1. runde): Sofie Lindholm 5, Danny Mølgaard 3, blanke 0. Sofie Lindholm er valgt.";
    }

    private static void Attend(Meeting meeting, Person person, AttendanceRole role, PresenceStatus presence,
        InvitationResponse response = InvitationResponse.None, string? note = null) =>
        meeting.Attendances.Add(new Attendance
        {
            Person = person,
            Role = role,
            Presence = presence,
            Response = response,
            ResponseNote = note,
            RespondedAt = response == InvitationResponse.None ? null : meeting.StartsAt.AddDays(-3),
        });

    private static void Guest(Meeting meeting, string name) =>
        meeting.Attendances.Add(new Attendance { GuestName = name, Role = AttendanceRole.Guest, Response = InvitationResponse.Attending, Presence = PresenceStatus.Present });

    private static void Call(Meeting meeting, Person substitute, Person forMember, Person decidedBy, SubstituteCallStatus status) =>
        meeting.SubstituteCalls.Add(new SubstituteCall
        {
            Substitute = substitute,
            ForMember = forMember,
            Status = status,
            ProposedAt = meeting.StartsAt.AddDays(-3),
            DecidedAt = meeting.StartsAt.AddDays(-2),
            DecidedById = decidedBy.Id,
        });

    /// <summary>Invented addresses in the reserved .example domain: "Gitte Holmgaard" -> gitte.holmgaard@boegeby.example.</summary>
    public static string EmailOf(string name) =>
        name.ToLowerInvariant().Replace("æ", "ae").Replace("ø", "oe").Replace("å", "aa").Replace(' ', '.') + "@boegeby.example";

    private Meeting Meeting(Council council, DateTime date, MeetingStatus status, string? title = null)
    {
        var meeting = new Meeting
        {
            Title = title ?? $"{council.Name}s møde",
            StartsAt = time.FromLocal(date, new TimeSpan(16, 0, 0)),
            EndsAt = time.FromLocal(date, new TimeSpan(18, 0, 0)),
            Place = Room,
            Status = status,
        };
        council.Meetings.Add(meeting);
        return meeting;
    }

    private static AgendaItem Item(Meeting meeting, int number, string title, AgendaItemKind kind, int? minutes, string? presenter)
    {
        var item = new AgendaItem { Meeting = meeting, Number = number, Title = title, Kind = kind, AllottedMinutes = minutes, Presenter = presenter };
        meeting.AgendaItems.Add(item);
        return item;
    }

    private static void Section(Meeting meeting, int number, string title) =>
        meeting.AgendaItems.Add(new AgendaItem { Meeting = meeting, Number = number, Title = title, Layout = AgendaItemLayout.Section });

    private static void Pause(Meeting meeting, int number, int minutes) =>
        meeting.AgendaItems.Add(new AgendaItem
        {
            Meeting = meeting, Number = number, Title = "Pause", Kind = AgendaItemKind.Break, AllottedMinutes = minutes, Layout = AgendaItemLayout.Pause,
        });

    private static void ApprovesMinutes(AgendaItem item, Meeting approved)
    {
        item.Placement = AgendaItemPlacement.Start;
        item.ApprovesMinutesOfMeetingId = approved.Id;
    }

    private static AgendaItem SubItem(AgendaItem parent, int number, string title, AgendaItemKind kind)
    {
        var item = new AgendaItem { Number = number, Title = title, Kind = kind, Meeting = parent.Meeting };
        parent.SubItems.Add(item);
        return item;
    }

    /// <summary>
    /// A co-edited text of an item with its history: each version is one stored edit by its author at its time, and
    /// the item's field holds the last (as the co-editing leaves it).
    /// </summary>
    private void Written(AgendaItem item, ItemText text, params (Person Author, DateTimeOffset At, string Text)[] versions)
    {
        var documentId = TextDocumentIds.ForItem(item.Id, text);
        var document = new TextDocument
        {
            Id = documentId,
            Text = versions[^1].Text,
            Revision = versions.Length,
            CreatedAt = versions[0].At,
            UpdatedAt = versions[^1].At,
        };
        var before = "";
        for (var i = 0; i < versions.Length; i++)
        {
            var (author, at, after) = versions[i];
            document.Operations.Add(new TextOperationRecord
            {
                DocumentId = documentId,
                Revision = i + 1,
                OperationJson = TextOperation.FromDiff(before, after).ToJson(),
                Author = author,
                ClientId = "demo-data",
                ClientSeq = i + 1,
                CreatedAt = at,
            });
            before = after;
        }
        switch (text)
        {
            case ItemText.Background:
                item.Background = before;
                break;
            case ItemText.Decision:
                item.Decision = before;
                break;
            default:
                item.Minutes = before;
                break;
        }
        _texts.Add(document);
    }

    /// <summary>Remarks written the day before the meeting, or yesterday for a meeting still ahead.</summary>
    /// <summary>
    /// A short finished list of speakers on a held item: two contributions, a reply (replik) to the first and one from an
    /// online member, each with the speaking time the chair gave.
    /// </summary>
    private void SpeakersForTheRecord(AgendaItem item, DateTimeOffset from, Person first, Person online, Person replier, Person last)
    {
        SpeakerRequest Spoke(Person person, SpeechKind kind, AttendanceChannel channel, int startMinute, int seconds, SpeakerRequest? repliesTo = null)
        {
            var request = new SpeakerRequest
            {
                AgendaItem = item,
                Person = person,
                Kind = kind,
                Channel = channel,
                RepliesToId = repliesTo?.Id,
                RequestedAt = from.AddMinutes(startMinute - 2),
                GivenFloorAt = from.AddMinutes(startMinute),
                EndedAt = from.AddMinutes(startMinute).AddSeconds(seconds - 7),
                AllottedSeconds = kind == SpeechKind.Reply ? 60 : 180,
            };
            _speakers.Add(request);
            return request;
        }
        var opening = Spoke(first, SpeechKind.Speech, AttendanceChannel.Room, 0, 180);
        Spoke(replier, SpeechKind.Reply, AttendanceChannel.Room, 3, 60, opening);
        Spoke(online, SpeechKind.Speech, AttendanceChannel.Online, 4, 170);
        Spoke(last, SpeechKind.Speech, AttendanceChannel.Room, 7, 150);
    }

    private void Remark(AgendaItem item, Person author, string text, int order)
    {
        var dayBefore = item.Meeting!.StartsAt.AddDays(-1);
        var yesterday = clock.GetUtcNow().AddDays(-1);
        var writtenAt = (dayBefore < yesterday ? dayBefore : yesterday).AddMinutes(order * 7);
        item.Remarks.Add(new Remark { Author = author, Text = text, CreatedAt = writtenAt });
    }

    /// <summary>A follow-up made at the meeting of <paramref name="item"/>, an hour after it began, by <paramref name="creator"/>.</summary>
    private void FollowUp(Council council, AgendaItem item, Person creator, string text, FollowUpOwnerKind ownerKind, Person? owner, string? ownerName,
        DateOnly? dueDate, FollowUpOrigin origin = FollowUpOrigin.Item, FollowUpStatus status = FollowUpStatus.Open, string? report = null, int endedDaysAgo = 0)
    {
        var createdAt = item.Meeting!.StartsAt.AddHours(1);
        var followUp = new FollowUp
        {
            CouncilId = council.Id,
            Meeting = item.Meeting,
            AgendaItem = item,
            Origin = origin,
            Text = text,
            OwnerKind = ownerKind,
            OwnerPerson = owner,
            OwnerName = ownerName,
            DueKind = dueDate is null ? FollowUpDueKind.NextMeeting : FollowUpDueKind.Date,
            DueDate = dueDate,
            Status = status,
            Report = report,
            CreatedAt = createdAt,
            CreatedById = creator.Id,
            EndedAt = FollowUpDue.IsEnded(status) ? clock.GetUtcNow().AddDays(-endedDaysAgo) : null,
        };
        followUp.Changes.Add(new FollowUpChange { At = createdAt, PersonId = creator.Id, PersonName = creator.Name, Kind = FollowUpChangeKind.Created, Status = FollowUpStatus.Open });
        if (status != FollowUpStatus.Open)
        {
            followUp.Changes.Add(new FollowUpChange
            {
                At = followUp.EndedAt ?? createdAt.AddDays(3),
                PersonId = (owner ?? creator).Id,
                PersonName = (owner ?? creator).Name,
                Kind = FollowUpChangeKind.StatusChanged,
                Status = status,
                Description = report is null ? "Status" : "Status,Report",
            });
        }
        _followUps.Add(followUp);
    }

    private static DateTime NextThursday(DateTime today)
    {
        var days = ((int)DayOfWeek.Thursday - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(days == 0 ? 7 : days);
    }
}
