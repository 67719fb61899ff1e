using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Workspace.Data.Entities;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Features.Minutes;

/// <summary>
/// The minutes as a Word document in a municipal style: heading, the attendance block, each item with its presenter,
/// minutes text, "Beslutning:" and the remarks. Closed items are placeholders in the body; their content is a separate
/// annex, written only for readers who may see closed items (the council).
/// </summary>
public sealed class MinutesWordExport(CopenhagenTime time)
{
    public byte[] Write(MinutesDocument document, bool withClosedAnnex)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            main.Document = new Document(body);

            body.Append(Para(document.Municipality, "Subtitle"));
            body.Append(Para($"Referat – {document.CouncilName}", "Title"));
            body.Append(Para(time.Range(document.StartsAt, document.EndsAt)));
            if (document.Place is not null) body.Append(Para($"Sted: {document.Place}"));
            if (document.OnlineLink is not null) body.Append(Para($"Online: {document.OnlineLink}"));

            body.Append(Para("Deltagere", "Heading1"));
            Group(body, "Medlemmer", document.Attendance.Members.Select(PersonText));
            Group(body, "Suppleanter", document.Attendance.Substitutes.Select(s => $"{PersonText(new MinutesPerson(s.Name, s.Organisation))} for {s.ForMember}"));
            Group(body, "Fra forvaltningen", document.Attendance.Administration.Select(PersonText));
            Group(body, "Gæster", document.Attendance.Guests);
            Group(body, "Afbud", document.Attendance.Apologies.Select(PersonText));
            Group(body, "Fraværende uden afbud", document.Attendance.AbsentWithoutNotice.Select(PersonText));
            if (document.Attendance.MinuteTaker is not null) body.Append(Para($"Referent: {document.Attendance.MinuteTaker}"));
            if (document.Notes is not null)
            {
                body.Append(Para("Mødenoter", "Heading1"));
                body.Append(Para(document.Notes));
            }

            body.Append(Para("Dagsorden og referat", "Heading1"));
            foreach (var entry in document.WithoutClosedItems().Entries)
            {
                Entry(body, entry);
            }
            if (document.NextMeeting is { } next)
            {
                body.Append(Para("Næste møde", "Heading1"));
                body.Append(Para(time.Range(next.StartsAt, next.EndsAt) + (next.Place is null ? "" : $", {next.Place}")));
            }

            var closed = document.ClosedItems;
            if (withClosedAnnex && closed.Count > 0)
            {
                body.Append(new Paragraph(new Run(new Break { Type = BreakValues.Page })));
                body.Append(Para("Bilag: Lukkede punkter", "Heading1"));
                body.Append(Para("Kun til rådets medlemmer. Må ikke offentliggøres."));
                foreach (var entry in closed)
                {
                    Entry(body, entry);
                }
            }
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static void Entry(Body body, MinutesEntry entry)
    {
        switch (entry.Layout)
        {
            case AgendaItemLayout.Section:
                body.Append(Para(entry.Title, "Heading2"));
                return;
            case AgendaItemLayout.Pause:
                body.Append(Para(entry.Title));
                return;
        }
        body.Append(Para($"{entry.Number}. {entry.Title}", entry.IsSubItem ? "Heading3" : "Heading2"));
        if (entry.Presenter is not null) body.Append(Para($"v. {entry.Presenter}"));
        if (entry.Status == AgendaItemStatus.Postponed) body.Append(Para($"Udsat. {entry.StatusNote}".Trim()));
        if (entry.Status == AgendaItemStatus.Withdrawn) body.Append(Para($"Udgår. {entry.StatusNote}".Trim()));
        if (entry.MinutesText is not null) body.Append(Para(entry.MinutesText));
        if (entry.Decision is not null) body.Append(LabelledPara("Beslutning:", entry.Decision));
        if (entry.Remarks.Count > 0)
        {
            body.Append(LabelledPara("Bemærkninger:", ""));
            foreach (var remark in entry.Remarks) body.Append(Bullet(remark));
        }
        if (entry.FollowUps.Count > 0)
        {
            body.Append(LabelledPara("Opfølgning:", ""));
            foreach (var f in entry.FollowUps) body.Append(Bullet($"{f.Text} Ansvarlig: {f.Owner}. Frist: {f.Due}."));
        }
    }

    private static void Group(Body body, string title, IEnumerable<string> people)
    {
        var list = people.ToList();
        if (list.Count == 0) return;
        body.Append(LabelledPara($"{title}:", ""));
        foreach (var person in list) body.Append(Bullet(person));
    }

    private static string PersonText(MinutesPerson person) => person.Organisation is null ? person.Name : $"{person.Name} ({person.Organisation})";

    private static Paragraph Para(string text, string? style = null)
    {
        var paragraph = new Paragraph();
        if (style is not null) paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        var lines = text.Replace("\r", "").Split('\n');
        var run = new Run();
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0) run.Append(new Break());
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        paragraph.Append(run);
        return paragraph;
    }

    private static Paragraph LabelledPara(string label, string text)
    {
        var paragraph = new Paragraph(new Run(new RunProperties(new Bold()), new Text(label) { Space = SpaceProcessingModeValues.Preserve }));
        if (text.Length > 0) paragraph.Append(new Run(new Text(" " + text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static Paragraph Bullet(string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = "ListBullet" }), new Run(new Text("• " + text) { Space = SpaceProcessingModeValues.Preserve }));

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        Style Heading(string id, string name, string size) => new(
            new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" },
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "80" }),
            new StyleRunProperties(new Bold(), new FontSize { Val = size }))
        { Type = StyleValues.Paragraph, StyleId = id };
        styles.Styles = new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri" }, new FontSize { Val = "22" }))),
            new Style(new StyleName { Val = "Normal" }) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Heading("Title", "Title", "36"),
            Heading("Subtitle", "Subtitle", "24"),
            Heading("Heading1", "heading 1", "28"),
            Heading("Heading2", "heading 2", "24"),
            Heading("Heading3", "heading 3", "22"),
            new Style(new StyleName { Val = "List Bullet" }, new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new Indentation { Left = "360" })) { Type = StyleValues.Paragraph, StyleId = "ListBullet" });
        styles.Styles.Save();
    }
}
