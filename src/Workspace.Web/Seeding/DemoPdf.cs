using System.Globalization;
using System.Text;

namespace Workspace.Web.Seeding;

/// <summary>
/// A small, valid PDF of text pages for the demo's hearing material (A4, Helvetica, WinAnsi so that æ, ø and å print),
/// made in code so the repository holds no binary file and every reader's PDF viewer opens it. Not for the app's own
/// documents: only the demo needs a file to show.
/// </summary>
public static class DemoPdf
{
    private const int LinesPerPage = 46;

    /// <summary>One page per <see cref="LinesPerPage"/> lines; a line starting with "# " is a heading.</summary>
    public static byte[] Create(string title, IReadOnlyList<string> lines)
    {
        var pages = lines.Chunk(LinesPerPage).ToList();
        if (pages.Count == 0)
        {
            pages.Add([]);
        }
        // Objects: 1 catalog, 2 pages, 3 regular font, 4 bold font, 5 info, then a page and its content per page.
        var objects = new List<string>
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            $"<< /Type /Pages /Kids [{string.Join(' ', pages.Select((_, i) => $"{6 + 2 * i} 0 R"))}] /Count {pages.Count} >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
            $"<< /Title ({Escape(title.Replace('–', '-'))}) /Producer (Rådsrum demo data) >>",
        };
        for (var i = 0; i < pages.Count; i++)
        {
            var content = Content(pages[i], i + 1, pages.Count);
            objects.Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {7 + 2 * i} 0 R >>");
            objects.Add($"<< /Length {WinAnsi(content).Length} >>\nstream\n{content}\nendstream");
        }

        using var pdf = new MemoryStream();
        Write(pdf, "%PDF-1.4\n%\u00e6\u00f8\u00e5\u00c6\n");
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            Write(pdf, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append(offset.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }
        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        Write(pdf, table.ToString());
        return pdf.ToArray();
    }

    private static string Content(IEnumerable<string> lines, int page, int pageCount)
    {
        var text = new StringBuilder("BT\n/F1 11 Tf\n14 TL\n60 780 Td\n");
        foreach (var line in lines)
        {
            text.Append(line.StartsWith("# ", StringComparison.Ordinal)
                ? $"/F2 13 Tf\n({Escape(line[2..])}) Tj T*\n/F1 11 Tf\n"
                : $"({Escape(line)}) Tj T*\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"ET\nBT\n/F1 9 Tf\n500 40 Td\n(Side {page} af {pageCount}) Tj\nET");
        return text.ToString();
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)");

    private static void Write(Stream stream, string text) => stream.Write(WinAnsi(text));

    /// <summary>Latin-1, with the few WinAnsi characters beyond it that Danish text uses (dashes, quotes, bullet).</summary>
    private static byte[] WinAnsi(string text)
    {
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            bytes[i] = text[i] switch
            {
                '–' => 0x96,
                '—' => 0x97,
                '‘' => 0x91,
                '’' => 0x92,
                '“' => 0x93,
                '”' => 0x94,
                '•' => 0x95,
                '…' => 0x85,
                var c when c <= 0xFF => (byte)c,
                _ => (byte)'?',
            };
        }
        return bytes;
    }
}
