namespace Workspace.Web.Features.Attachments;

/// <summary>The <c>Storage</c> configuration section: where attachments are kept and how big one may be.</summary>
public sealed class StorageOptions
{
    public const long DefaultMaxUploadBytes = 20 * 1024 * 1024;

    /// <summary>Folder of <see cref="LocalFolderFileStore"/>; relative paths are under the content root.</summary>
    public string LocalPath { get; set; } = Path.Combine("App_Data", "files");

    /// <summary>The largest file that may be attached, in bytes (20 MB unless configured).</summary>
    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;
}
