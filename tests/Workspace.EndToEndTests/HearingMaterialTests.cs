using System.Text;
using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>
/// A hearing made from its agenda item: the secretary opens it from the hearing item on the meeting page, the form
/// comes with the item chosen, and the hearing's material shows the item; a program renamed to .pdf is refused with a
/// Danish message, a real PDF is kept and a member downloads it; the page passes axe.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HearingMaterialTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_hearing_made_from_its_agenda_item_keeps_the_link_and_takes_only_real_files()
    {
        await using var host = await AppHost.StartAsync(cancellationToken: TestContext.Current.CancellationToken);
        await using var iben = await UserSession.SignInAsync(browser, host, DemoPeople.Secretary, homeTimeout: 60_000);
        var title = $"Høring fra punktet {Guid.NewGuid().ToString("N")[..6]}";

        // From the hearing item of the next meeting.
        var meetingId = await iben.OpenNextMeetingAsync();
        var item = iben.AgendaItem("6");
        var itemTitle = "Høring: Udkast til hjemløsestrategi 2027–2030";
        await Assertions.Expect(item).ToContainTextAsync(itemTitle);
        // The card lists the hearing already made from the item, with its status.
        await Assertions.Expect(item.Locator("[data-testid=item-hearing]")).ToContainTextAsync("Udkast til hjemløsestrategi 2027–2030 · Høringssvar skrives");
        await item.Locator("[data-testid=item-hearing-new]").ClickAsync();
        await Assertions.Expect(iben.Page.Locator("select[data-testid=hearing-form-item] option:checked")).ToContainTextAsync(itemTitle);
        await Field(iben.Page, "hearing-title").FillAsync(title);
        await Field(iben.Page, "hearing-sender").FillAsync("Beskæftigelses- og Socialudvalget");
        await Field(iben.Page, "hearing-deadline").FillAsync(DanishDate.Today.AddDays(30).ToString("dd-MM-yyyy"));
        await Field(iben.Page, "hearing-remarks-deadline").FillAsync(DanishDate.Today.AddDays(14).ToString("dd-MM-yyyy"));
        await iben.Page.Locator("[data-testid=hearing-save]").ClickAsync();
        await Assertions.Expect(iben.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Assertions.Expect(iben.Page.Locator("[data-testid=hearing-item]")).ToContainTextAsync(itemTitle);

        // A program renamed to .pdf is refused; a real PDF is kept.
        var input = iben.Page.Locator("[data-testid=hearing-material] input[type=file]").Last;
        await input.SetInputFilesAsync(new FilePayload
        {
            Name = "rapport.pdf",
            MimeType = "application/pdf",
            Buffer = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00],
        });
        await Assertions.Expect(iben.Page.Locator("[data-testid=hearing-file-error]"))
            .ToHaveTextAsync("rapport.pdf: Filtypen kan ikke bruges. Vedhæft PDF, Word eller billeder (PNG, JPG, GIF, WebP).");
        await Assertions.Expect(iben.Page.Locator("[data-testid=hearing-file]")).ToHaveCountAsync(0);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
        await input.SetInputFilesAsync(new FilePayload { Name = "Strategiudkast.pdf", MimeType = "application/pdf", Buffer = pdf });
        await Assertions.Expect(iben.Page.Locator("[data-testid=hearing-file]")).ToContainTextAsync("Strategiudkast.pdf");
        await Assertions.Expect(iben.Page.Locator("[data-testid=hearing-file-error]")).ToHaveCountAsync(0);
        await AxeScan.AssertNoViolationsAsync(iben.Page);
        var url = iben.Page.Url;

        // A member downloads it.
        await using var mia = await UserSession.SignInAsync(browser, host, DemoPeople.Member);
        await mia.Page.GotoAsync(url);
        var link = mia.Page.Locator("[data-testid=hearing-file] a");
        var download = await mia.Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.Equal("Strategiudkast.pdf", download.SuggestedFilename);
        Assert.Equal(pdf, await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken));
        await Assertions.Expect(mia.Page.Locator("[data-testid=hearing-file-upload]")).ToHaveCountAsync(0);

        // The demo hearing's own material, seeded through the file store, from the link on the meeting page's card.
        await mia.OpenMeetingAsync(meetingId);
        var card = mia.AgendaItem("6");
        // The demo hearing and the one just made from the item, both on the item's card.
        await Assertions.Expect(card.Locator("[data-testid=item-hearing-link]")).ToHaveCountAsync(2);
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = title, Exact = true })).ToBeVisibleAsync();
        await card.GetByRole(AriaRole.Link, new() { Name = "Udkast til hjemløsestrategi 2027–2030", Exact = true }).ClickAsync();
        await Assertions.Expect(mia.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Udkast til hjemløsestrategi 2027–2030");
        var seeded = await mia.Page.RunAndWaitForDownloadAsync(() => mia.Page.Locator("[data-testid=hearing-file] a").First.ClickAsync());
        Assert.Equal("Udkast til hjemløsestrategi 2027–2030.pdf", seeded.SuggestedFilename);
        Assert.StartsWith("%PDF-1.4", Encoding.Latin1.GetString(await File.ReadAllBytesAsync(await seeded.PathAsync(), TestContext.Current.CancellationToken)), StringComparison.Ordinal);
        iben.Errors.AssertNone();
        mia.Errors.AssertNone();
    }

    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;
}
