using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using QRCoder;

namespace Workspace.Web.Features.RoomScreen;

/// <summary>
/// A QR code (QRCoder, error correction M, with its quiet zone) as the data of one SVG path: a unit square per dark
/// module. The markup stays in <see cref="QrCodeSvg"/>; this is only geometry, kept per text (a meeting's link is the
/// same on every screen).
/// </summary>
public static class QrCodePath
{
    private static readonly ConcurrentDictionary<string, (int Size, string Path)> Cache = new();

    public static (int Size, string Path) For(string text)
    {
        if (Cache.Count > 1000)
        {
            Cache.Clear();
        }
        return Cache.GetOrAdd(text, Build);
    }

    /// <summary>The modules (true = dark) that QRCoder makes for the text, quiet zone included.</summary>
    public static bool[][] Modules(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return data.ModuleMatrix.Select(row => Enumerable.Range(0, row.Length).Select(i => row[i]).ToArray()).ToArray();
    }

    private static (int Size, string Path) Build(string text)
    {
        var modules = Modules(text);
        var path = new StringBuilder();
        for (var y = 0; y < modules.Length; y++)
        {
            for (var x = 0; x < modules[y].Length; x++)
            {
                if (modules[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }
        return (modules.Length, path.ToString());
    }
}
