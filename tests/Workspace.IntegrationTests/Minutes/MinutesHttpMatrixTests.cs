using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Seeding;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Minutes;

/// <summary>
/// The minutes' pages and files over HTTP, for every kind of reader including the anonymous one: the print view and the
/// Word file of the approved demo minutes and of the held meeting's draft, and the public pages (open to all).
/// </summary>
public sealed class MinutesHttpMatrixTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    public const string Anonymous = "anonymous";

    public static TheoryData<string, string, HttpStatusCode> Matrix()
    {
        var data = new TheoryData<string, string, HttpStatusCode>();
        var ok = HttpStatusCode.OK;
        var notFound = HttpStatusCode.NotFound;
        var redirect = HttpStatusCode.Redirect;
        // A reader of the meeting gets "Referatet er ikke klar endnu" on the draft's print view (200); its Word file is not there.
        (string Person, HttpStatusCode Approved, HttpStatusCode DraftPrint, HttpStatusCode DraftDocx)[] people =
        [
            (DevSignIn.Administration, ok, ok, ok),
            (DevSignIn.Chair, ok, ok, notFound),
            (DevSignIn.Member, ok, ok, notFound),
            (DevSignIn.Substitute, ok, ok, notFound),
            (DevSignIn.OtherCouncilChair, notFound, notFound, notFound),
            (Anonymous, redirect, redirect, redirect),
        ];
        foreach (var (person, approved, draftPrint, draftDocx) in people)
        {
            data.Add(person, "approved/print", approved);
            data.Add(person, "approved/docx", approved);
            data.Add(person, "draft/print", draftPrint);
            data.Add(person, "draft/docx", draftDocx);
            data.Add(person, "public/hearing", ok);
            data.Add(person, "public/unsent-hearing", notFound);
            data.Add(person, "public", HttpStatusCode.OK);
            data.Add(person, "public/minutes", HttpStatusCode.OK);
            data.Add(person, "public/draft-minutes", HttpStatusCode.NotFound);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_reader_gets_the_minutes_pages_and_files_its_rights_allow(string person, string target, HttpStatusCode expected)
    {
        // Arrange
        var demo = await MinutesDemo.LoadAsync(factory);
        var client = person == Anonymous ? factory.AnonymousClient() : await factory.SignedInClientAsync(person);
        var url = target switch
        {
            "approved/print" => $"/meetings/{demo.ApprovedMeeting}/minutes/print",
            "approved/docx" => $"/meetings/{demo.ApprovedMeeting}/minutes.docx",
            "draft/print" => $"/meetings/{demo.HeldMeeting}/minutes/print",
            "draft/docx" => $"/meetings/{demo.HeldMeeting}/minutes.docx",
            "public" => "/public",
            "public/minutes" => $"/public/meetings/{demo.ApprovedMeeting}/minutes",
            "public/draft-minutes" => $"/public/meetings/{demo.HeldMeeting}/minutes",
            "public/hearing" => $"/public/hearings/{await HearingIdAsync(HearingStatus.Filed)}",
            "public/unsent-hearing" => $"/public/hearings/{await HearingIdAsync(HearingStatus.Drafting)}",
            _ => throw new ArgumentOutOfRangeException(nameof(target)),
        };

        // Act
        var response = await client.GetAsync(url, Ct);

        // Assert
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.OK && target == "draft/print")
        {
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
            var isAdministration = person == DevSignIn.Administration;
            Assert.Equal(!isAdministration, html.Contains("Referatet er ikke klar endnu", StringComparison.Ordinal));
            Assert.Equal(isAdministration, html.Contains("data-testid=\"minutes-document\"", StringComparison.Ordinal));
            Assert.Equal(isAdministration, html.Contains("Rasmus Kjær præsenterede", StringComparison.Ordinal));
        }
        if (expected == HttpStatusCode.OK && target == "public/hearing")
        {
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
            Assert.Contains("Rådet foreslår, at aftenbostøtte nævnes", html);
            Assert.DoesNotContain("Aftenbostøtte mangler i standarden", html);
        }
        if (expected == HttpStatusCode.OK && target == "approved/print")
        {
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
            Assert.Equal(person is DevSignIn.Administration or DevSignIn.Chair or DevSignIn.Member, html.Contains(DemoData.ClosedDemoItemTitle, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_print_view_is_the_minutes_alone_with_a_print_stylesheet_and_page_numbers()
    {
        // Arrange
        var demo = await MinutesDemo.LoadAsync(factory);
        var client = await factory.SignedInClientAsync(DevSignIn.Member);

        // Act
        var html = await client.GetStringAsync($"/meetings/{demo.ApprovedMeeting}/minutes/print", Ct);
        var css = await client.GetStringAsync("/css/minutes.css", Ct);

        // Assert: no app bar or drawer, the document and its stylesheet; the stylesheet numbers the pages
        Assert.DoesNotContain("class=\"mud-appbar", html);
        Assert.DoesNotContain("class=\"mud-drawer", html);
        Assert.Contains("css/minutes.css", html);
        Assert.Contains("data-testid=\"minutes-document\"", html);
        Assert.Contains("Version 1", html);
        Assert.Contains("@page", css);
        Assert.Contains("counter(page)", css);
        Assert.Contains("@media print", css);
    }

    [Fact]
    public async Task The_word_file_has_the_attendance_the_decisions_and_the_closed_annex_only_for_the_council()
    {
        // Arrange
        var demo = await MinutesDemo.LoadAsync(factory);
        var member = await factory.SignedInClientAsync(DevSignIn.Member);
        var substitute = await factory.SignedInClientAsync(DevSignIn.Substitute);

        // Act
        var forMember = ReadWord(await member.GetByteArrayAsync($"/meetings/{demo.ApprovedMeeting}/minutes.docx", Ct));
        var forSubstitute = ReadWord(await substitute.GetByteArrayAsync($"/meetings/{demo.ApprovedMeeting}/minutes.docx", Ct));

        // Assert: headings, attendance, "Beslutning:", remarks; the closed item is a placeholder in the body and in the annex in full
        Assert.Contains(("Title", "Referat – Udsatterådet"), forMember.Paragraphs);
        Assert.Contains(forMember.Paragraphs, p => p.Style == "Heading1" && p.Text == "Deltagere");
        Assert.Contains(forMember.Paragraphs, p => p.Text.Contains("Mia Kragh (Bøgeby Værested)"));
        Assert.Contains(forMember.Paragraphs, p => p.Text.StartsWith("Beslutning: Rådet tog orienteringen", StringComparison.Ordinal));
        Assert.Contains(forMember.Paragraphs, p => p.Text.Contains("Det er vigtigt, at åbningstiderne"));
        Assert.Contains(forMember.Paragraphs, p => p.Style == "Heading2" && p.Text == "4. Lukket punkt");
        var annex = forMember.Paragraphs.FindIndex(p => p.Text == "Bilag: Lukkede punkter");
        Assert.True(annex > 0);
        var closedAt = forMember.Paragraphs.FindIndex(p => p.Text == $"4. {DemoData.ClosedDemoItemTitle}");
        Assert.True(closedAt > annex);
        Assert.Contains(forMember.Paragraphs.Skip(annex), p => p.Text.Contains(DemoData.ClosedDemoItemRemark));
        Assert.DoesNotContain(forSubstitute.Paragraphs, p => p.Text.Contains("Bilag: Lukkede punkter"));
        Assert.DoesNotContain(forSubstitute.Paragraphs, p => p.Text.Contains("Ebbe Korsholm"));
        Assert.Contains(forSubstitute.Paragraphs, p => p.Text == "4. Lukket punkt");
    }

    private async Task<Guid> HearingIdAsync(HearingStatus status)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Hearings.Where(h => h.Status == status).Select(h => h.Id).FirstAsync(Ct);
    }

    private sealed record WordText(List<(string Style, string Text)> Paragraphs);

    private static WordText ReadWord(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        using var word = WordprocessingDocument.Open(stream, false);
        var paragraphs = word.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Select(p => (p.ParagraphProperties?.ParagraphStyleId?.Val?.Value ?? "", p.InnerText))
            .ToList();
        return new WordText(paragraphs);
    }
}
