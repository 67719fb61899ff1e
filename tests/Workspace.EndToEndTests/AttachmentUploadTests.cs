using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>
/// The secretary attaches files to an agenda item: a bad file gets a Danish error and nothing typed on the page is
/// lost (hers or a member's on another screen); a good PDF reaches the member's open page and downloads.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AttachmentUploadTests(BrowserFixture browser, DevelopmentApp app)
{
    [Fact]
    public async Task Bad_upload_gets_a_Danish_error_and_nothing_else_on_the_page_is_lost()
    {
        var host = await app.HostAsync();
        await using var iben = await UserSession.SignInAsync(browser, host, DemoPeople.Secretary);
        await using var mia = await UserSession.SignInAsync(browser, host, DemoPeople.Member);
        var meetingId = await iben.OpenNextMeetingAsync();
        await mia.OpenMeetingAsync(meetingId);
        // A reload or a navigation would wipe this; it must still be there when the file has arrived.
        await mia.Page.EvaluateAsync("() => { window.__marker = 1; }");
        var unique = Guid.NewGuid().ToString("N")[..8];

        // Mia is writing a remark on item 4 on her own screen.
        var miasItem = mia.AgendaItem("4");
        await miasItem.Locator("[data-testid=remark-open]").ClickAsync();
        var remark = $"Husk beboerrådgiverne i Nordbyen ({unique})";
        await mia.RemarkInput(miasItem).FillAsync(remark);

        // Iben has started on a guest in the attendance panel and on a link for item 4.
        var guest = iben.Page.GetByLabel("Gæst", new() { Exact = true });
        var guestName = $"Lise Holm, Boligforeningen Nordbo ({unique})";
        await guest.FillAsync(guestName);
        var item = iben.AgendaItem("4");
        await item.Locator("[data-testid=link-open]").ClickAsync();
        var linkTitle = item.Locator("input[data-testid=link-title]");
        await linkTitle.FillAsync($"Boligforeningens notat ({unique})");

        // A program renamed to rapport.pdf.
        await item.Locator("input[type=file]").Last.SetInputFilesAsync(new FilePayload
        {
            Name = "rapport.pdf",
            MimeType = "application/pdf",
            Buffer = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00],
        });

        var error = item.Locator("[data-testid=upload-error]");
        await Assertions.Expect(error).ToHaveTextAsync("rapport.pdf: Filtypen kan ikke bruges. Vedhæft PDF, Word eller billeder (PNG, JPG, GIF, WebP).");
        await Assertions.Expect(error).ToHaveAttributeAsync("role", "alert");
        await Assertions.Expect(item.Locator("[data-testid=attachment]")).ToHaveCountAsync(0);
        await Assertions.Expect(linkTitle).ToHaveValueAsync($"Boligforeningens notat ({unique})");
        await Assertions.Expect(guest).ToHaveValueAsync(guestName);
        await Assertions.Expect(mia.RemarkInput(miasItem)).ToHaveValueAsync(remark);

        // Then a real PDF.
        var fileName = $"Notat om bostøtte {unique}.pdf";
        var pdf = SmallPdf($"Notat {unique}");
        await item.Locator("input[type=file]").Last.SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = pdf });

        await Assertions.Expect(item.Locator("[data-testid=attachment-link]").Filter(new() { HasText = fileName })).ToBeVisibleAsync();
        await Assertions.Expect(error).ToHaveTextAsync("");
        await Assertions.Expect(linkTitle).ToHaveValueAsync($"Boligforeningens notat ({unique})");
        await Assertions.Expect(guest).ToHaveValueAsync(guestName);

        // Mia's open page shows it without a reload, her remark is still being written, and she can download the file.
        var miasLink = miasItem.Locator("[data-testid=attachment-link]").Filter(new() { HasText = fileName });
        await Assertions.Expect(miasLink).ToBeVisibleAsync();
        Assert.Equal(1, await mia.Page.EvaluateAsync<int?>("() => window.__marker"));
        await Assertions.Expect(mia.RemarkInput(miasItem)).ToHaveValueAsync(remark);
        await Assertions.Expect(mia.Page.Locator("[data-testid=live-announcer]")).ToHaveTextAsync("Iben Sørensen ændrede dagsordenen.");
        var download = await mia.Page.RunAndWaitForDownloadAsync(() => miasLink.ClickAsync());
        Assert.Equal(fileName, download.SuggestedFilename);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken));
        iben.Errors.AssertNone();
        mia.Errors.AssertNone();
    }

    /// <summary>A one-page PDF with correct cross-reference offsets.</summary>
    private static byte[] SmallPdf(string text)
    {
        var content = $"BT /F1 24 Tf 72 760 Td ({text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        pdf.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
