using Microsoft.AspNetCore.Hosting;
using Workspace.IntegrationTests.Infrastructure;

namespace Workspace.IntegrationTests.Attachments;

/// <summary>The demo app with its attachments in a temporary folder of its own, deleted with the factory.</summary>
public sealed class AttachmentFactory : WorkspaceFactory
{
    public string FilesFolder { get; } = Path.Combine(Path.GetTempPath(), $"radsrum-tests-files-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Storage:LocalPath", FilesFolder);
    }

    /// <summary>How many files the store holds right now, besides the hearing material the demo data brings (#14).</summary>
    public int StoredFileCount
    {
        get
        {
            if (!Directory.Exists(FilesFolder))
            {
                return 0;
            }
            using var db = FactoryDatabaseExtensions.CreateDbContextAsync(this).GetAwaiter().GetResult();
            var seeded = db.HearingAttachments.Select(a => a.StorageKey).ToHashSet();
            return Directory.GetFiles(FilesFolder).Count(f => !seeded.Contains(Path.GetFileName(f)));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(FilesFolder))
        {
            Directory.Delete(FilesFolder, recursive: true);
        }
    }
}

/// <summary>Small valid files to upload.</summary>
public static class SampleFiles
{
    /// <summary>A one-page PDF with correct cross-reference offsets, so PDF readers open it.</summary>
    public static byte[] Pdf(string text = "Bilag")
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            null,
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var content = $"BT /F1 24 Tf 72 760 Td ({text}) Tj ET";
        objects[3] = $"<< /Length {content.Length} >>\nstream\n{content}\nendstream";
        var pdf = new System.Text.StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return System.Text.Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>The start of a Windows program ("MZ"): what a renamed .exe looks like.</summary>
    public static byte[] Exe() => [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0xB8, 0x00];
}
