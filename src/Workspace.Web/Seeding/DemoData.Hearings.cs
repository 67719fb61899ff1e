using Workspace.Data.Entities;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Features.Attachments;
using Workspace.Web.Features.Hearings;

namespace Workspace.Web.Seeding;

public sealed partial class DemoData
{
    private readonly List<Hearing> _hearings = [];
    // The hearings' material as files (name, pages of text), stored through the app's IFileStore when seeding.
    private readonly List<(Hearing Hearing, string FileName, string Title, string[] Lines, Guid UploadedBy)> _hearingFiles = [];

    /// <summary>
    /// Udsatterådet's hearings: the homelessness strategy, open for remarks and being drafted (remarks with "Enig" and a
    /// reply, a draft response whose passages came from two remarks), and last year's quality standards, sent and filed.
    /// </summary>
    private void Hearings(Council council, AgendaItem pastItem, AgendaItem nextItem, DateTime today, Person iben, Person gitte, Person jens, Person mia, Person poul)
    {
        // Noon of the seeding day: the demo's remarks and drafts are laid out in the days before it.
        var now = new DateTimeOffset(today.AddHours(12), TimeSpan.Zero);
        var open = new Hearing
        {
            CouncilId = council.Id,
            Title = "Udkast til hjemløsestrategi 2027–2030",
            Sender = "Beskæftigelses- og Socialudvalget",
            Description = "Udvalget beder rådet om bemærkninger til udkastet, især om boliger, unge hjemløse og herbergernes rolle.",
            Deadline = DateOnly.FromDateTime(today.AddDays(35)),
            RemarksDeadline = DateOnly.FromDateTime(today.AddDays(21)),
            Status = HearingStatus.Drafting,
            CreatedAt = now.AddDays(-10),
            CreatedById = iben.Id,
        };
        open.Items.Add(new HearingItem { AgendaItemId = nextItem.Id, IsPrimary = true });
        open.Links.Add(new HearingLink { Title = "Udkast til hjemløsestrategi (Bøgeby Kommune)", Url = "https://www.boegeby.example/hoeringer/hjemloesestrategi", Number = 1 });
        var housing = HearingRemark(open, jens, "Foreningen Gadens Stemme", "Strategien bør have et mål for, hvor hurtigt en borger på herberget får tilbudt egen bolig.", now.AddDays(-6), "Boliger");
        var young = HearingRemark(open, mia, "Bøgeby Værested", "Husk de unge hjemløse: de bor ofte hos venner og tæller ikke med i optællingen.", now.AddDays(-5), "Unge");
        HearingRemark(open, poul, "Bøgeby Lejerforening", "Lejerforeningen foreslår flere skæve boliger, fordelt på alle bydele.", now.AddDays(-4), "Boliger");
        var reply = HearingRemark(open, gitte, "Café Lyspunktet", "Enig, og optællingen bør også spørge på værestederne.", now.AddDays(-3), "Unge");
        reply.ReplyToId = young.Id;
        housing.Supports.Add(new HearingSupport { PersonId = gitte.Id, At = now.AddDays(-5) });
        housing.Supports.Add(new HearingSupport { PersonId = mia.Id, At = now.AddDays(-5).AddHours(1) });
        young.Supports.Add(new HearingSupport { PersonId = poul.Id, At = now.AddDays(-4) });
        _hearings.Add(open);
        _hearingFiles.Add((open, "Udkast til hjemløsestrategi 2027–2030.pdf", open.Title, StrategyDraft, iben.Id));
        Response(open, iben, now.AddDays(-2), $"""
            Udsatterådet takker for muligheden for at give bemærkninger til udkastet til hjemløsestrategien.

            ## Boliger

            {ResponseProvenance.Wrap([ResponseProvenance.TagOf(housing.Id)], "Rådet foreslår et mål for, hvor hurtigt en borger på herberget får tilbudt egen bolig.")}

            ## Unge hjemløse

            {ResponseProvenance.Wrap([ResponseProvenance.TagOf(young.Id)], "Unge hjemløse bor ofte hos venner og tæller derfor ikke med i optællingen; strategien bør nævne dem særskilt.")}
            """);

        var sentOn = DateOnly.FromDateTime(today.AddDays(-30));
        var filedText = """
            Udsatterådet har drøftet kvalitetsstandarderne for 2027 og bakker op om dem.

            Rådet foreslår, at aftenbostøtte nævnes som en del af standarden for bostøtte.
            """;
        var sent = new Hearing
        {
            CouncilId = council.Id,
            Title = "Kvalitetsstandarder for 2027",
            Sender = "Beskæftigelses- og Socialudvalget",
            Deadline = DateOnly.FromDateTime(today.AddDays(-28)),
            RemarksDeadline = DateOnly.FromDateTime(today.AddDays(-35)),
            Status = HearingStatus.Filed,
            ApprovedAt = now.AddDays(-32),
            ApprovedById = gitte.Id,
            SentOn = sentOn,
            SentTo = "Beskæftigelses- og Socialudvalget",
            FiledText = filedText,
            FiledAt = now.AddDays(-30),
            CreatedAt = now.AddDays(-60),
            CreatedById = iben.Id,
        };
        sent.Items.Add(new HearingItem { AgendaItemId = pastItem.Id, IsPrimary = true });
        HearingRemark(sent, jens, "Foreningen Gadens Stemme", "Aftenbostøtte mangler i standarden for bostøtte.", now.AddDays(-40), null);
        Response(sent, iben, now.AddDays(-33), filedText);
        _hearings.Add(sent);
        _hearingFiles.Add((sent, "Kvalitetsstandard for bostøtte 2027 (høringsudkast).pdf", "Kvalitetsstandard for bostøtte 2027", QualityStandard, iben.Id));
    }

    /// <summary>
    /// Stores the hearings' files through the app's file store (as an upload does) and adds their rows to the hearings.
    /// Returns the storage keys, so that a failed save can remove them again.
    /// </summary>
    private async Task<List<string>> HearingMaterialAsync(CancellationToken ct)
    {
        var keys = new List<string>();
        foreach (var (hearing, fileName, title, lines, uploadedBy) in _hearingFiles)
        {
            var content = DemoPdf.Create(title, lines);
            using var stream = new MemoryStream(content);
            var key = await files.SaveAsync(stream, ct);
            keys.Add(key);
            hearing.Attachments.Add(new HearingAttachment
            {
                FileName = fileName,
                ContentType = FileTypes.Pdf.ContentType,
                Size = content.Length,
                StorageKey = key,
                UploadedAt = hearing.CreatedAt.AddHours(1),
                UploadedById = uploadedBy,
            });
        }
        return keys;
    }

    private static readonly string[] StrategyDraft =
    [
        "Bøgeby Kommune · Beskæftigelses- og Socialudvalget",
        "",
        "# Udkast til hjemløsestrategi 2027–2030",
        "Høringsudkast. Sendt i høring i Udsatterådet.",
        "",
        "# 1. Indledning",
        "I Bøgeby Kommune er 112 borgere registreret som hjemløse ved den seneste optælling.",
        "Strategien skal sikre, at færre borgere bliver hjemløse, og at de, der bliver det,",
        "hurtigt får en bolig med den støtte, de har brug for (Housing First).",
        "",
        "# 2. Mål for 2030",
        "• Antallet af hjemløse borgere skal være halveret i forhold til 2026.",
        "• Ingen unge under 25 år skal bo på herberg i mere end 30 dage.",
        "• Ingen borger skal udskrives fra hospital eller løslades uden et sted at bo.",
        "",
        "# 3. Indsatser",
        "3.1 Boliger: 40 nye almene boliger til en husleje, som borgere på kontanthjælp kan betale,",
        "    og 8 skæve boliger ved Nordbyen.",
        "3.2 Unge hjemløse: et ungeteam, der opsøger unge, som bor hos venner (sofasurfere).",
        "3.3 Herbergerne: ophold på herberget bruges kortest muligt og med en plan for egen bolig.",
        "3.4 Bostøtte: bostøtte efter servicelovens § 85 også om aftenen og i weekender.",
        "",
        "# 4. Økonomi",
        "Strategien finansieres inden for udvalgets ramme og med 2,4 mio. kr. fra puljen",
        "til udsatte borgere i 2027 og 2028.",
        "",
        "# 5. Høring",
        "Udvalget beder Udsatterådet om bemærkninger, især om boliger, unge hjemløse og",
        "herbergernes rolle. Høringssvaret sendes til udvalgets sekretær senest ved høringsfristen.",
        "",
        "Alle navne, tal og steder i dette dokument er opdigtede (demodata).",
    ];

    private static readonly string[] QualityStandard =
    [
        "Bøgeby Kommune · Beskæftigelses- og Socialudvalget",
        "",
        "# Kvalitetsstandard for bostøtte 2027",
        "Socialt pædagogisk støtte efter servicelovens § 85. Høringsudkast.",
        "",
        "# Formål",
        "Bostøtten skal hjælpe borgeren til at bo i egen bolig og leve et så selvstændigt liv som muligt.",
        "",
        "# Hvem kan få støtten",
        "Borgere over 18 år med betydelig nedsat fysisk eller psykisk funktionsevne eller særlige sociale problemer.",
        "",
        "# Indhold",
        "• Hjælp til økonomi, post og kontakt til myndigheder.",
        "• Støtte til at skabe struktur i hverdagen og til at bevare boligen.",
        "• Støtten gives i dagtimerne på hverdage.",
        "",
        "# Sagsbehandlingstid",
        "Afgørelse inden for 8 uger fra ansøgningen.",
        "",
        "Alle navne, tal og steder i dette dokument er opdigtede (demodata).",
    ];

    private static HearingRemark HearingRemark(Hearing hearing, Person author, string organisation, string text, DateTimeOffset at, string? heading)
    {
        var remark = new HearingRemark { AuthorId = author.Id, Organisation = organisation, Text = text, CreatedAt = at, Heading = heading };
        hearing.Remarks.Add(remark);
        return remark;
    }

    private void Response(Hearing hearing, Person author, DateTimeOffset at, string text)
    {
        var documentId = TextDocumentIds.ForHearingResponse(hearing.Id);
        var document = new TextDocument { Id = documentId, Text = text, Revision = 1, CreatedAt = at, UpdatedAt = at };
        document.Operations.Add(new TextOperationRecord
        {
            DocumentId = documentId,
            Revision = 1,
            OperationJson = TextOperation.Insert(0, text).ToJson(),
            Author = author,
            ClientId = "demo-data",
            ClientSeq = 1,
            CreatedAt = at,
        });
        _texts.Add(document);
    }
}
