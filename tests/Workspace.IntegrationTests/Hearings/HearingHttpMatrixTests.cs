using System.Net;
using Microsoft.EntityFrameworkCore;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Features.Hearings;

namespace Workspace.IntegrationTests.Hearings;

/// <summary>
/// The hearing response's print view and Word file over HTTP, for every kind of reader including the anonymous one, on
/// the demo's hearing being drafted and on its filed one: Udsatterådet's administration, chair, member and substitute read
/// them; Handicaprådet's chair finds nothing; a visitor who is not signed in is sent to sign in.
/// </summary>
public sealed class HearingHttpMatrixTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    public const string Anonymous = "anonymous";
    private const string Drafted = "Udkast til hjemløsestrategi 2027–2030";
    private const string Filed = "Kvalitetsstandarder for 2027";

    public static TheoryData<string, string, HttpStatusCode> Matrix()
    {
        var data = new TheoryData<string, string, HttpStatusCode>();
        (string Person, HttpStatusCode Expected)[] people =
        [
            (DevSignIn.Administration, HttpStatusCode.OK),
            (DevSignIn.Chair, HttpStatusCode.OK),
            (DevSignIn.Member, HttpStatusCode.OK),
            (DevSignIn.Substitute, HttpStatusCode.OK),
            (DevSignIn.OtherCouncilChair, HttpStatusCode.NotFound),
            (Anonymous, HttpStatusCode.Redirect),
        ];
        foreach (var (person, expected) in people)
        {
            data.Add(person, "drafted/print", expected);
            data.Add(person, "filed/print", expected);
            data.Add(person, "drafted/docx", expected);
            // The demo's hearing material, seeded through the app's file store.
            data.Add(person, "drafted/file", expected);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_reader_gets_the_responses_print_view_and_word_file_its_rights_allow(string person, string target, HttpStatusCode expected)
    {
        // Arrange
        var drafted = await HearingIdAsync(Drafted);
        var filed = await HearingIdAsync(Filed);
        using var client = person == Anonymous ? factory.AnonymousClient() : await factory.SignedInClientAsync(person);
        var url = target switch
        {
            "drafted/print" => $"/hearings/{drafted}/print",
            "filed/print" => $"/hearings/{filed}/print",
            "drafted/docx" => $"/hearings/{drafted}/response.docx",
            "drafted/file" => $"/hearings/attachments/{await MaterialIdAsync(drafted)}",
            _ => throw new ArgumentOutOfRangeException(nameof(target)),
        };

        // Act
        using var response = await client.GetAsync(url, Ct);

        // Assert
        Assert.Equal(expected, response.StatusCode);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        switch (expected)
        {
            case HttpStatusCode.Redirect:
                Assert.Contains("signin", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
                break;
            case HttpStatusCode.NotFound:
                Assert.DoesNotContain(Drafted, body, StringComparison.Ordinal);
                Assert.DoesNotContain(Filed, body, StringComparison.Ordinal);
                break;
            case HttpStatusCode.OK when target == "drafted/print":
                // The letterhead and the passages, without the provenance markers and without the app's chrome
                Assert.Contains($"Høringssvar vedr. {Drafted}", body, StringComparison.Ordinal);
                Assert.Contains("tilbudt egen bolig", body, StringComparison.Ordinal);
                Assert.DoesNotContain(ResponseProvenance.Open.ToString(), body, StringComparison.Ordinal);
                Assert.DoesNotContain("data-testid=\"hearing-remark", body, StringComparison.Ordinal);
                Assert.Contains("data-testid=\"hearing-print-view\"", body, StringComparison.Ordinal);
                break;
            case HttpStatusCode.OK when target == "filed/print":
                Assert.Contains("aftenbostøtte nævnes som en del af standarden", body, StringComparison.Ordinal);
                Assert.Contains("Beskæftigelses- og Socialudvalget", body, StringComparison.Ordinal);
                break;
            case HttpStatusCode.OK when target == "drafted/file":
                Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
                Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
                Assert.StartsWith("%PDF-1.4", body, StringComparison.Ordinal);
                Assert.Contains("/Title (Udkast til hjemløsestrategi", System.Text.Encoding.Latin1.GetString(await response.Content.ReadAsByteArrayAsync(Ct)), StringComparison.Ordinal);
                break;
            case HttpStatusCode.OK:
                Assert.Equal(HearingExport.ContentType, response.Content.Headers.ContentType?.MediaType);
                break;
        }
    }

    [Fact]
    public async Task The_list_of_members_is_left_out_of_the_print_view_and_the_word_file_when_asked()
    {
        // Arrange
        var drafted = await HearingIdAsync(Drafted);
        using var client = await factory.SignedInClientAsync(DevSignIn.Member);

        // Act
        var printWith = WebUtility.HtmlDecode(await client.GetStringAsync($"/hearings/{drafted}/print", Ct));
        var printWithout = WebUtility.HtmlDecode(await client.GetStringAsync($"/hearings/{drafted}/print?members=false", Ct));
        var wordWith = await WordTextAsync(client, $"/hearings/{drafted}/response.docx");
        var wordWithout = await WordTextAsync(client, $"/hearings/{drafted}/response.docx?members=false");

        // Assert: the response in all four, the members (Gitte Holmgaard, the chair, first) only where not left out
        foreach (var text in new[] { printWith, printWithout, wordWith, wordWithout })
        {
            Assert.Contains("tilbudt egen bolig", text, StringComparison.Ordinal);
        }
        Assert.Contains("data-testid=\"hearing-print-members\"", printWith, StringComparison.Ordinal);
        Assert.Contains("Gitte Holmgaard, Café Lyspunktet", printWith, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"hearing-print-members\"", printWithout, StringComparison.Ordinal);
        Assert.DoesNotContain("Gitte Holmgaard", printWithout, StringComparison.Ordinal);
        Assert.Contains("Gitte Holmgaard", wordWith, StringComparison.Ordinal);
        Assert.DoesNotContain("Gitte Holmgaard", wordWithout, StringComparison.Ordinal);
    }

    private static async Task<string> WordTextAsync(HttpClient client, string url)
    {
        await using var stream = new MemoryStream(await client.GetByteArrayAsync(url, Ct));
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(stream, false);
        return string.Join("\n", document.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    private async Task<Guid> MaterialIdAsync(Guid hearingId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.HearingAttachments.Where(a => a.HearingId == hearingId).Select(a => a.Id).SingleAsync(Ct);
    }

    private async Task<Guid> HearingIdAsync(string title)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Hearings.Where(h => h.Title == title).Select(h => h.Id).SingleAsync(Ct);
    }
}
