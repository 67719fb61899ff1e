namespace Workspace.Web.Features.Attachments;

public enum FileKind
{
    Pdf,
    Word,
    Image,
}

/// <summary>A kind of file that may be attached, with the content type it is served with.</summary>
public sealed record FileType(FileKind Kind, string ContentType);

/// <summary>
/// The file types an agenda item accepts: PDF, Word and common images. A file is accepted only when its name's
/// extension and its leading bytes (its "magic number") agree, so a program renamed to rapport.pdf is refused.
/// </summary>
public static class FileTypes
{
    /// <summary>How many leading bytes <see cref="Detect"/> needs to see.</summary>
    public const int HeaderLength = 16;

    /// <summary>For the file picker's accept attribute; the server checks again.</summary>
    public const string Accept = ".pdf,.doc,.docx,.png,.jpg,.jpeg,.gif,.webp";

    public static readonly FileType Pdf = new(FileKind.Pdf, "application/pdf");
    public static readonly FileType Doc = new(FileKind.Word, "application/msword");
    public static readonly FileType Docx = new(FileKind.Word, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    public static readonly FileType Png = new(FileKind.Image, "image/png");
    public static readonly FileType Jpeg = new(FileKind.Image, "image/jpeg");
    public static readonly FileType Gif = new(FileKind.Image, "image/gif");
    public static readonly FileType Webp = new(FileKind.Image, "image/webp");

    private static readonly string[] Extensions = Accept.Split(',');

    private static ReadOnlySpan<byte> ZipSignature => [0x50, 0x4B, 0x03, 0x04];

    /// <summary>Word 97-2003 files are OLE compound documents.</summary>
    private static ReadOnlySpan<byte> CompoundFileSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    public static bool HasAllowedExtension(string fileName) =>
        Extensions.Contains(Path.GetExtension(fileName).ToLowerInvariant());

    /// <summary>The file's type when its extension is allowed and its leading bytes match it; otherwise null.</summary>
    public static FileType? Detect(string fileName, ReadOnlySpan<byte> header) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".pdf" when header.StartsWith("%PDF-"u8) => Pdf,
            ".docx" when header.StartsWith(ZipSignature) => Docx,
            ".doc" when header.StartsWith(CompoundFileSignature) => Doc,
            ".png" when header.StartsWith(PngSignature) => Png,
            ".jpg" or ".jpeg" when header.StartsWith(JpegSignature) => Jpeg,
            ".gif" when header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8) => Gif,
            ".webp" when header.Length >= 12 && header.StartsWith("RIFF"u8) && header[8..12].SequenceEqual("WEBP"u8) => Webp,
            _ => null,
        };

    /// <summary>The kind of a stored content type, for the icon shown next to the file.</summary>
    public static FileKind KindOf(string contentType) => contentType switch
    {
        "application/pdf" => FileKind.Pdf,
        _ when contentType.StartsWith("image/", StringComparison.Ordinal) => FileKind.Image,
        _ => FileKind.Word,
    };
}
