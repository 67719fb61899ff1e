using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Web.Features.Attachments;
using Workspace.Web.Features.Meetings;

namespace Workspace.ComponentTests.Features.Attachments;

public sealed class ItemMaterialTests : ComponentTestContext
{
    private const string Secretary = "Iben Sørensen";

    /// <summary>The first bytes of a Windows program.</summary>
    private static readonly byte[] Exe = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n"u8.ToArray();

    [Fact]
    public void Too_large_file_is_refused_in_Danish_under_the_upload_button_and_nothing_is_stored()
    {
        // Arrange
        SignInAs(Secretary);
        var item = HousingTalk();
        var cut = RenderMaterial(item, canManage: true);

        // Act
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(new byte[StorageOptions.DefaultMaxUploadBytes + 1], "stor rapport.pdf"));

        // Assert
        var error = cut.Find("[data-testid=upload-error]");
        Assert.Equal("alert", error.GetAttribute("role"));
        Assert.Equal("stor rapport.pdf: Filen er for stor. Den må højst fylde 20 MB.", error.TextContent.Trim());
        Assert.Equal(0, AttachmentCount(item.Id));
    }

    [Fact]
    public void Program_renamed_to_pdf_is_refused_as_a_wrong_file_type_in_Danish()
    {
        // Arrange
        SignInAs(Secretary);
        var item = HousingTalk();
        var cut = RenderMaterial(item, canManage: true);

        // Act
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Exe, "rapport.pdf"));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(
            "rapport.pdf: Filtypen kan ikke bruges. Vedhæft PDF, Word eller billeder (PNG, JPG, GIF, WebP).",
            cut.Find("[data-testid=upload-error]").TextContent.Trim()));
        Assert.Equal(0, AttachmentCount(item.Id));
    }

    [Fact]
    public void Typed_link_stays_in_the_form_after_an_upload_error()
    {
        // Arrange
        SignInAs(Secretary);
        var item = HousingTalk();
        var cut = RenderMaterial(item, canManage: true);
        cut.Find("[data-testid=link-open]").Click();
        cut.Find("input[data-testid=link-title]").Input("Boligforeningens notat");
        cut.Find("input[data-testid=link-url]").Input("https://boegeby.example/no");

        // Act
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Exe, "rapport.exe"));

        // Assert
        Assert.Contains("Filtypen kan ikke bruges.", cut.Find("[data-testid=upload-error]").TextContent);
        Assert.Equal("Boligforeningens notat", cut.Find("input[data-testid=link-title]").GetAttribute("value"));
        Assert.Equal("https://boegeby.example/no", cut.Find("input[data-testid=link-url]").GetAttribute("value"));
    }

    [Fact]
    public void Good_pdf_is_stored_with_its_name_and_clears_an_earlier_error()
    {
        // Arrange
        SignInAs(Secretary);
        var item = HousingTalk();
        var cut = RenderMaterial(item, canManage: true);
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Exe, "rapport.pdf"));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.Find("[data-testid=upload-error]").TextContent.Trim()));

        // Act
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Pdf, "Notat om bostøtte.pdf"));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(1, AttachmentCount(item.Id)));
        cut.WaitForAssertion(() => Assert.Empty(cut.Find("[data-testid=upload-error]").TextContent.Trim()));
        using var db = CreateDbContext();
        var saved = db.Attachments.AsNoTracking().Single(a => a.AgendaItemId == item.Id);
        Assert.Equal("Notat om bostøtte.pdf", saved.FileName);
        Assert.Equal("application/pdf", saved.ContentType);
    }

    [Fact]
    public async Task Link_with_a_bad_address_is_refused_next_to_the_field_and_keeps_the_text()
    {
        // Arrange
        SignInAs(Secretary);
        var item = HousingTalk();
        var cut = RenderMaterial(item, canManage: true);
        cut.Find("[data-testid=link-open]").Click();
        cut.Find("input[data-testid=link-title]").Input("Strategien");
        cut.Find("input[data-testid=link-url]").Input("boegeby.example/strategi");

        // Act
        await cut.Find("[data-testid=link-submit]").ClickAsync(new MouseEventArgs());

        // Assert
        var urlField = cut.Find(".mud-input-control:has(input[data-testid=link-url])");
        Assert.Equal("Skriv et fuldt link, der begynder med https://", urlField.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim());
        Assert.Equal("boegeby.example/strategi", cut.Find("input[data-testid=link-url]").GetAttribute("value"));
        using var db = CreateDbContext();
        Assert.False(db.ItemLinks.Any(l => l.AgendaItemId == item.Id));
    }

    [Fact]
    public void Reader_sees_links_in_a_new_tab_and_files_with_type_and_Danish_size_but_no_controls()
    {
        // Arrange
        SignInAs("Mia Kragh");
        var item = HousingTalk() with
        {
            Links = [new ItemLinkView(Guid.NewGuid(), "Boligstrategien", "https://boegeby.example/bolig", 1)],
            Attachments = [new AttachmentView(Guid.NewGuid(), "Oplæg.pdf", "application/pdf", 1_258_291, DateTimeOffset.UtcNow)],
        };

        // Act
        var cut = RenderMaterial(item, canManage: false);

        // Assert
        var link = cut.Find("[data-testid=link-anchor]");
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Contains("noopener", link.GetAttribute("rel"));
        Assert.Equal("https://boegeby.example/bolig", link.GetAttribute("href"));
        var attachment = cut.Find("[data-testid=attachment]");
        Assert.Contains("Oplæg.pdf", attachment.TextContent);
        Assert.Contains("(PDF, 1,2 MB)", attachment.TextContent);
        Assert.Equal($"/attachments/{item.Attachments[0].Id}", cut.Find("[data-testid=attachment-link]").GetAttribute("href"));
        Assert.Empty(cut.FindAll("input[type=file]"));
        Assert.Empty(cut.FindAll("[data-testid=attachment-delete]"));
        Assert.Empty(cut.FindAll("[data-testid=link-open]"));
    }

    [Fact]
    public void Delete_buttons_name_what_they_delete()
    {
        // Arrange
        SignInAs(Secretary);
        var item = HousingTalk() with
        {
            Links = [new ItemLinkView(Guid.NewGuid(), "Boligstrategien", "https://boegeby.example/bolig", 1)],
            Attachments = [new AttachmentView(Guid.NewGuid(), "Oplæg.pdf", "application/pdf", 2048, DateTimeOffset.UtcNow)],
        };

        // Act
        var cut = RenderMaterial(item, canManage: true);

        // Assert
        Assert.Equal("Slet bilaget Oplæg.pdf", cut.Find("[data-testid=attachment-delete]").GetAttribute("aria-label"));
        Assert.Equal("Slet linket Boligstrategien", cut.Find("[data-testid=link-delete]").GetAttribute("aria-label"));
    }

    [Fact]
    public void Reader_sees_nothing_for_an_item_without_material()
    {
        // Arrange
        SignInAs("Mia Kragh");

        // Act
        var cut = RenderMaterial(HousingTalk(), canManage: false);

        // Assert
        Assert.Empty(cut.FindAll("[data-testid=item-material]"));
    }

    /// <summary>Item 4 of the next meeting, with its real id so that the service finds it.</summary>
    private AgendaItemView HousingTalk() =>
        TestViews.AgendaItem("4", DemoItems.HousingTalk) with { Id = Item(DemoItems.HousingTalk).Id };

    private IRenderedComponent<ItemMaterial> RenderMaterial(AgendaItemView item, bool canManage) =>
        Render<ItemMaterial>(p => p.Add(x => x.Item, item).Add(x => x.CanManage, canManage));

    private int AttachmentCount(Guid itemId)
    {
        using var db = CreateDbContext();
        return db.Attachments.Count(a => a.AgendaItemId == itemId);
    }
}
