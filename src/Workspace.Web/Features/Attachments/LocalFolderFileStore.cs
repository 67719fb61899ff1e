using System.Text.RegularExpressions;

namespace Workspace.Web.Features.Attachments;

/// <summary>
/// Keeps files in a folder on the server's disk, each under a random name (never the uploader's file name), so
/// nothing a user types ever becomes part of a path.
/// </summary>
public sealed partial class LocalFolderFileStore(string folder) : IFileStore
{
    private const int CopyBufferSize = 81_920;

    private readonly string _folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder));

    public string Folder => _folder;

    public async Task<string> SaveAsync(Stream content, CancellationToken ct = default)
    {
        Directory.CreateDirectory(_folder);
        var key = Guid.NewGuid().ToString("N");
        var path = PathOf(key);
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferSize, useAsync: true);
            await content.CopyToAsync(file, CopyBufferSize, ct);
        }
        catch
        {
            // A refused or broken upload leaves no half-written file behind.
            File.Delete(path);
            throw;
        }
        return key;
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        Stream? stream = File.Exists(path)
            ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferSize, useAsync: true)
            : null;
        return Task.FromResult(stream);
    }

    public Task DeleteAsync(string key, CancellationToken ct = default)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    /// <summary>Only keys this store hands out are accepted: anything else (such as "../x") could reach outside the folder.</summary>
    private string PathOf(string key)
    {
        if (!KeyPattern().IsMatch(key))
        {
            throw new ArgumentException("Not a key of this file store.", nameof(key));
        }
        var path = Path.GetFullPath(Path.Combine(_folder, key));
        if (!path.StartsWith(_folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("Not a key of this file store.", nameof(key));
        }
        return path;
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex KeyPattern();
}
