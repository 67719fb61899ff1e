namespace Workspace.EndToEndTests.Rebuild;

/// <summary>What the minutes say about a person's attendance.</summary>
public enum AttendanceKind
{
    Present,
    Apologies,
    AbsentWithoutNotice,
}

/// <summary>Where a person sits in the council.</summary>
public enum Seat
{
    Member,
    Administration,
}

/// <summary>The kind of an agenda item, as the app names them (AgendaItemKind).</summary>
public enum ItemKind
{
    Information,
    Decision,
    Discussion,
    Hearing,
    WorkingSession,
    Break,
}

/// <summary>
/// One person in the minutes' attendance. <paramref name="InDemoData"/>: already seated in the demo council; else the
/// test's setup seats them (with <paramref name="Organisation"/>) before the rebuild starts.
/// </summary>
public sealed record RebuildPerson(
    string Name,
    Seat Seat,
    AttendanceKind Attendance,
    bool InDemoData,
    string? Organisation = null,
    string? ApologyReason = null);

/// <summary>
/// One agenda item as the minutes show it. <paramref name="Number"/> is the number the minutes give it ("3", "3a").
/// <paramref name="WithdrawnBecause"/>: the item stays on the agenda as "udgår" with this reason.
/// </summary>
public sealed record RebuildItem(
    string Number,
    string Title,
    ItemKind Kind = ItemKind.Information,
    string? Presenter = null,
    string? Decision = null,
    string? Minutes = null,
    string? WithdrawnBecause = null)
{
    public IReadOnlyList<RebuildItem> SubItems { get; init; } = [];

    /// <summary>The item and its sub-items, in agenda order.</summary>
    public IEnumerable<RebuildItem> WithSubItems() => SubItems.Prepend(this);
}

/// <summary>A real meeting's minutes, as data: what the rebuild has to produce through the UI.</summary>
public sealed record RebuildMeeting(
    string Council,
    string Title,
    DateOnly Date,
    TimeOnly Starts,
    TimeOnly Ends,
    string Place,
    IReadOnlyList<RebuildPerson> People,
    IReadOnlyList<string> Guests,
    string MinuteTaker,
    IReadOnlyList<RebuildItem> Agenda)
{
    /// <summary>Every item, sub-items after their main item, in agenda order.</summary>
    public IEnumerable<RebuildItem> AllItems() => Agenda.SelectMany(i => i.WithSubItems());

    public RebuildItem Item(string number) => AllItems().Single(i => i.Number == number);
}

/// <summary>
/// The minutes of /work/shared/examples/004_7f3f503409b54eab.txt (an Udsatteråd in a large Danish municipality,
/// 30 November 2017, 15.30-17.30, held at a day shelter with a drug consumption room), moved to the demo municipality.
/// Every person, organisation and place is invented; the texts are shortened to a few sentences per item. The minutes
/// list ten present and five apologies; the one absent without notice is invented (the minutes have none).
/// Present: nine members and the secretary (the minute-taker); apologies: four members and the administration's
/// presenter of item 6. The council's other seats (substitutes) were not at the meeting.
/// </summary>
public static class SocialtUdsatte2017
{
    public const string HostLeader = "Henrik Wulff, leder af Værestedet Havnegade";
    public const string WithdrawnPresenter = "Jakob Ravn, afdelingsleder på Stofindtagelsesrummet Vesterport";

    public static RebuildMeeting Meeting { get; } = new(
        Council: "Udsatterådet",
        Title: "Udsatterådets møde",
        Date: new DateOnly(2017, 11, 30),
        Starts: new TimeOnly(15, 30),
        Ends: new TimeOnly(17, 30),
        Place: "Værestedet Havnegade (varmestue, stofindtagelsesrum og sundhedsrum), Havnegade 55, 4600 Bøgeby",
        People:
        [
            new("Gitte Holmgaard", Seat.Member, AttendanceKind.Present, InDemoData: true),
            new("Jens Vestergaard", Seat.Member, AttendanceKind.Present, InDemoData: true),
            new("Mia Kragh", Seat.Member, AttendanceKind.Present, InDemoData: true),
            new("Poul Skovbo", Seat.Member, AttendanceKind.Present, InDemoData: true),
            new("Leni Dahlgaard", Seat.Member, AttendanceKind.Present, InDemoData: true),
            new("Anton Bjerre", Seat.Member, AttendanceKind.Present, InDemoData: true),
            new("Sofie Lindholm", Seat.Member, AttendanceKind.Present, InDemoData: true),
            new("Danny Mølgaard", Seat.Member, AttendanceKind.Present, InDemoData: true),
            new("Karin Abildgaard", Seat.Member, AttendanceKind.Present, InDemoData: true),
            new("Elsebeth Krogh", Seat.Member, AttendanceKind.Apologies, InDemoData: true),
            new("Birthe Overgaard", Seat.Member, AttendanceKind.Apologies, InDemoData: false, Organisation: "Foreningen Fælles Fodfæste"),
            new("Niels Hjortshøj", Seat.Member, AttendanceKind.Apologies, InDemoData: false, Organisation: "Bøgeby Kirkes Diakoni", ApologyReason: "Sygdom"),
            new("Lone Markussen", Seat.Member, AttendanceKind.Apologies, InDemoData: false, Organisation: "Sundhedsklinikken for Hjemløse"),
            new("Kasper Thygesen", Seat.Member, AttendanceKind.AbsentWithoutNotice, InDemoData: false, Organisation: "Brugerrepræsentant"),
            new("Iben Sørensen", Seat.Administration, AttendanceKind.Present, InDemoData: true),
            new("Thomas Lindberg", Seat.Administration, AttendanceKind.Apologies, InDemoData: true),
        ],
        Guests: [HostLeader],
        MinuteTaker: "Iben Sørensen",
        Agenda:
        [
            new("1", "Godkendelse af referat fra sidste møde", ItemKind.Decision, Decision: "Godkendt."),
            new("2", "Godkendelse af dagsorden", ItemKind.Decision,
                Decision: $"Godkendt – inklusive den ændring, at punkt 4 udgår, da {WithdrawnPresenter}, har meldt afbud pga. sygdom."),
            new("3", "Siden sidst ved formanden",
                Minutes: "Hvert punkt har fået sin egen overskrift 3a, 3b, 3c og 3d. Referatet af de enkelte punkter kan læses under punkterne.")
            {
                SubItems =
                [
                    new("3a", "Fællesmøde med Beskæftigelses- og Socialudvalget",
                        Minutes: "Drøftelsen med udvalget tog udgangspunkt i rådets årsrapport: borgere med dobbeltdiagnoser, én indgang til kommunen, "
                            + "overgangen fra ung til voksen og den gode løsladelse, administration af kontanthjælpen og rådets sammensætning. "
                            + "Udvalget vil gerne have en tættere dialog med rådet. Rådet foreslår en studietur i Bøgeby for det kommende udvalg, som et selvstændigt møde."),
                    new("3b", "Valg",
                        Minutes: "Rådet holdt valgdag på Værestedet Havnegade og på Herberget Nordlyset for at få flere udsatte til at stemme: 21 og 13 brevstemmer. "
                            + "Læring til næste gang: en grundigere forberedelse, så selve valghandlingen går hurtigere."),
                    new("3c", "Bøgeby Kommunes politik for socialt udsatte ift. Sundhedsstyrelsens anbefalinger i Sundhedstilbud til socialt udsatte borgere",
                        Minutes: "Der ønskes anbefalinger ud over Sundhedsstyrelsens, som kommunens udsattepolitik kan holdes op imod. "
                            + "Rådet anbefalede rapporten om narkorelaterede dødsfald og de undersøgelser af sundhed blandt socialt udsatte, som en fond laver."),
                    new("3d", "Café Læhegnet – lokaler fremover",
                        Minutes: "Det er sikkert, at Ørnegården bliver revet ned, men ikke hvornår. Karin Abildgaard regner med, at caféen kan blive i lokalerne et år endnu. "
                            + "Når bygningen rives ned, kan den ikke bebos i 1,5–2 år."),
                ],
            },
            new("4", "Oplæg og drøftelse – Assisteret stofindtag", ItemKind.Discussion,
                Presenter: $"{WithdrawnPresenter}, og {HostLeader}",
                WithdrawnBecause: "Oplægsholderen har meldt afbud pga. sygdom."),
            new("5", "Rundvisning", Presenter: HostLeader,
                Minutes: "Rådet fik en rundvisning af Henrik Wulff, som fortalte om stedet: varmestue, stofindtagelsesrum og sundhedsrum."),
            new("6", "Nyt fra forvaltningen", Presenter: "Thomas Lindberg",
                Minutes: """
                    - 10 ekstra pladser til heroinklinikken: kapaciteten er nu 100 borgere og øges til 108 i 2018.
                    - Hjemløsetælling: 113 hjemløse i Bøgeby i 2017; tallet falder, mens det stiger på landsplan.
                    - Psykologhjælp til unge: seks psykologer; der er venteliste, men tilbuddet lever op til sit formål.
                    - Udsattepolitikken: udmøntningen er på Beskæftigelses- og Socialudvalgets dagsorden den 5. december.
                    """),
            new("7", "Næste møde", Decision: "Det blev ikke besluttet."),
            new("8", "Eventuelt", ItemKind.Discussion,
                Decision: "Vedtaget: Rådets årsrapport følger kalenderåret, og fællesmødet med udvalget holdes i februar.",
                Minutes: "Årsrapporten for 2018 bliver således færdiggjort i januar 2019."),
        ]);
}
