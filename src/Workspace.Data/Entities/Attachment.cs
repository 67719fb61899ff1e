namespace Workspace.Data.Entities;

/// <summary>A file attached to an agenda item; the bytes live in the file store under <see cref="StorageKey"/>.</summary>
public class Attachment
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string StorageKey { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public Guid? UploadedById { get; set; }
}
