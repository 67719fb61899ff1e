using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.Extensions.Localization;
using Workspace.Web.Resources;

namespace Workspace.Web.Features.Hearings;

/// <summary>
/// The response as a Word document (.docx): the letterhead (municipality, council, date, recipient, "Høringssvar vedr.
/// ..."), the response's Markdown as Word headings, paragraphs and lists (without the provenance markers), and optionally
/// the council's members. Built with DocumentFormat.OpenXml; Word's own styles (Heading1.., ListParagraph) do the looks.
/// </summary>
public static class HearingExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    public static byte[] Document(HearingDetails hearing, IReadOnlyList<HearingApprover> members, bool withMembers, DateOnly date, IStringLocalizer<SharedResource> L)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            body.Append(Line(hearing.Municipality, bold: true));
            body.Append(Line(hearing.CouncilName));
            body.Append(Line(HearingDates.Text(date)));
            body.Append(Line(L["Hearings.Export.To", hearing.SentTo ?? hearing.Sender]));
            body.Append(Line(""));
            body.Append(Heading(L["Hearings.Export.Subject", hearing.Title], 1));
            foreach (var paragraph in FromMarkdown(ResponseProvenance.Plain(hearing.ResponseText)))
            {
                body.Append(paragraph);
            }
            if (withMembers && members.Count > 0)
            {
                body.Append(Heading(L["Hearings.Export.Members", hearing.CouncilName], 2));
                foreach (var member in members)
                {
                    body.Append(Bullet(member.Organisation is { } org ? $"{member.Name}, {org}" : member.Name));
                }
            }
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>Headings, paragraphs, bullet and numbered lists and quotes; other blocks as plain paragraphs of their text.</summary>
    internal static IEnumerable<Paragraph> FromMarkdown(string markdown)
    {
        var parsed = Markdown.Parse(markdown, Pipeline);
        foreach (var block in parsed)
        {
            foreach (var paragraph in FromBlock(block, listLevel: -1, ordered: false, number: 0))
            {
                yield return paragraph;
            }
        }
    }

    private static IEnumerable<Paragraph> FromBlock(Block block, int listLevel, bool ordered, int number)
    {
        switch (block)
        {
            case HeadingBlock heading:
                yield return Heading(InlineText(heading.Inline), Math.Clamp(heading.Level + 1, 2, 4));
                break;
            case ParagraphBlock paragraph when listLevel >= 0:
                yield return Bullet(InlineText(paragraph.Inline), listLevel, ordered ? number : null);
                break;
            case ParagraphBlock paragraph:
                yield return Runs(paragraph.Inline);
                break;
            case ListBlock list:
                var n = 0;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    n++;
                    foreach (var inner in item.SelectMany(b => FromBlock(b, listLevel + 1, list.IsOrdered, n)))
                    {
                        yield return inner;
                    }
                }
                break;
            case QuoteBlock quote:
                foreach (var inner in quote.SelectMany(b => FromBlock(b, listLevel, ordered, number)))
                {
                    inner.ParagraphProperties ??= new ParagraphProperties();
                    inner.ParagraphProperties.Indentation = new Indentation { Left = "567" };
                    yield return inner;
                }
                break;
            case LeafBlock leaf:
                yield return Line(leaf.Lines.ToString());
                break;
        }
    }

    private static Paragraph Runs(ContainerInline? inline)
    {
        var paragraph = new Paragraph();
        foreach (var (text, bold, italic) in Spans(inline, false, false))
        {
            var properties = new RunProperties();
            if (bold)
            {
                properties.Append(new Bold());
            }
            if (italic)
            {
                properties.Append(new Italic());
            }
            paragraph.Append(new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        }
        return paragraph;
    }

    private static IEnumerable<(string Text, bool Bold, bool Italic)> Spans(ContainerInline? container, bool bold, bool italic)
    {
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    yield return (literal.Content.ToString(), bold, italic);
                    break;
                case CodeInline code:
                    yield return (code.Content, bold, italic);
                    break;
                case LineBreakInline:
                    yield return (" ", bold, italic);
                    break;
                case EmphasisInline emphasis:
                    foreach (var span in Spans(emphasis, bold || emphasis.DelimiterCount >= 2, italic || emphasis.DelimiterCount == 1))
                    {
                        yield return span;
                    }
                    break;
                case ContainerInline inner:
                    foreach (var span in Spans(inner, bold, italic))
                    {
                        yield return span;
                    }
                    break;
            }
        }
    }

    private static string InlineText(ContainerInline? inline)
    {
        var text = new StringBuilder();
        foreach (var span in Spans(inline, false, false))
        {
            text.Append(span.Text);
        }
        return text.ToString();
    }

    private static Paragraph Line(string text, bool bold = false) =>
        new(new Run(bold ? new RunProperties(new Bold()) : new RunProperties(), new Text(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static Paragraph Heading(string text, int level) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = $"Heading{level}" }), new Run(new Text(text)));

    private static Paragraph Bullet(string text, int level = 0, int? number = null) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = "ListParagraph" }, new Indentation { Left = (360 * (level + 1)).ToString(), Hanging = "360" }),
            new Run(new Text((number is { } n ? $"{n}. " : "• ") + text) { Space = SpaceProcessingModeValues.Preserve }));

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        var root = new Styles();
        root.Append(ParagraphStyle("Normal", "Normal", null, 22, bold: false));
        for (var level = 1; level <= 4; level++)
        {
            root.Append(ParagraphStyle($"Heading{level}", $"heading {level}", "Normal", 36 - (level * 4), bold: true));
        }
        root.Append(ParagraphStyle("ListParagraph", "List Paragraph", "Normal", 22, bold: false));
        styles.Styles = root;
        styles.Styles.Save();
    }

    private static Style ParagraphStyle(string id, string name, string? basedOn, int halfPoints, bool bold)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }
        var run = new StyleRunProperties(new FontSize { Val = halfPoints.ToString() });
        if (bold)
        {
            run.Append(new Bold());
        }
        style.Append(new StyleParagraphProperties(new SpacingBetweenLines { After = "120" }));
        style.Append(run);
        return style;
    }
}
