using System.Text;
using Workspace.Web.Features.Attachments;

namespace Workspace.UnitTests.Attachments;

/// <summary>A file is accepted only when its extension and its leading bytes agree.</summary>
public sealed class FileTypesTests
{
    private static readonly byte[] PdfBytes = Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n1 0 obj");
    private static readonly byte[] DocxBytes = [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00];
    private static readonly byte[] DocBytes = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00, 0x00, 0x00];
    private static readonly byte[] PngBytes = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
    private static readonly byte[] JpegBytes = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46];
    private static readonly byte[] GifBytes = Encoding.ASCII.GetBytes("GIF89a\x01\x00\x01\x00");
    private static readonly byte[] WebpBytes = Encoding.ASCII.GetBytes("RIFF\x24\x00\x00\x00WEBPVP8 ");

    /// <summary>A Windows program: "MZ", then the DOS header.</summary>
    private static readonly byte[] ExeBytes = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF];

    public static TheoryData<string, byte[], string?> Files() => new()
    {
        { "rapport.pdf", PdfBytes, "application/pdf" },
        { "Referat.PDF", PdfBytes, "application/pdf" },
        { "høringssvar.docx", DocxBytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "gammelt notat.doc", DocBytes, "application/msword" },
        { "plan.png", PngBytes, "image/png" },
        { "foto.jpg", JpegBytes, "image/jpeg" },
        { "foto.jpeg", JpegBytes, "image/jpeg" },
        { "figur.gif", GifBytes, "image/gif" },
        { "figur.webp", WebpBytes, "image/webp" },
        // A program renamed to look like a document is refused.
        { "rapport.pdf", ExeBytes, null },
        { "rapport.docx", ExeBytes, null },
        { "rapport.exe", ExeBytes, null },
        // Real files under the wrong extension are refused too.
        { "plan.pdf", PngBytes, null },
        { "rapport.png", PdfBytes, null },
        { "notat.docx", DocBytes, null },
        { "notat.doc", DocxBytes, null },
        // Allowed content, but no or another extension.
        { "rapport", PdfBytes, null },
        { "rapport.pdf.exe", PdfBytes, null },
        { "rapport.txt", Encoding.ASCII.GetBytes("Bare tekst"), null },
        // Empty, or too short to tell.
        { "tom.pdf", [], null },
        { "kort.pdf", Encoding.ASCII.GetBytes("%PD"), null },
        { "kort.webp", Encoding.ASCII.GetBytes("RIFF\x24\x00"), null },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Type_is_detected_only_when_extension_and_leading_bytes_agree(string fileName, byte[] header, string? expectedContentType)
    {
        // Act
        var type = FileTypes.Detect(fileName, header);

        // Assert
        Assert.Equal(expectedContentType, type?.ContentType);
    }

    [Theory]
    [InlineData("rapport.pdf", true)]
    [InlineData("billede.JPG", true)]
    [InlineData("notat.docx", true)]
    [InlineData("program.exe", false)]
    [InlineData("regneark.xlsx", false)]
    [InlineData("uden-endelse", false)]
    public void Extension_precheck_knows_the_allowed_types(string fileName, bool allowed)
    {
        // Act
        var result = FileTypes.HasAllowedExtension(fileName);

        // Assert
        Assert.Equal(allowed, result);
    }

    [Theory]
    [InlineData("application/pdf", FileKind.Pdf)]
    [InlineData("application/msword", FileKind.Word)]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileKind.Word)]
    [InlineData("image/png", FileKind.Image)]
    public void Stored_content_type_gives_the_kind_shown_by_its_icon(string contentType, FileKind kind)
    {
        // Act
        var result = FileTypes.KindOf(contentType);

        // Assert
        Assert.Equal(kind, result);
    }
}
