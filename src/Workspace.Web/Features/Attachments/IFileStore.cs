namespace Workspace.Web.Features.Attachments;

/// <summary>
/// Where the bytes of attachments live. The database holds the file's name and type and the key given here;
/// the local folder is the default, and Azure Blob Storage would be another implementation of this interface.
/// </summary>
public interface IFileStore
{
    /// <summary>Stores the stream's content under a new random key and returns the key.</summary>
    Task<string> SaveAsync(Stream content, CancellationToken ct = default);

    /// <summary>The stored content, or null when nothing is stored under the key.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default);

    /// <summary>Removes the content; a key with nothing stored is ignored.</summary>
    Task DeleteAsync(string key, CancellationToken ct = default);
}
