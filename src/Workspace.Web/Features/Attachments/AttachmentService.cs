using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Collaboration;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.Attachments;

/// <summary>
/// Links and attached files on agenda items. The administration of the council adds and removes them; everyone
/// who may read the item may open them, so a closed item's files reach only those who see closed items.
/// </summary>
public sealed class AttachmentService(
    IDbContextFactory<WorkspaceDbContext> dbFactory,
    CouncilAccess access,
    IFileStore files,
    IMeetingNotifier notifier,
    StorageOptions options,
    TimeProvider clock,
    ILogger<AttachmentService> logger)
{
    public const string FileField = "File";
    public const string MeetingField = "Meeting";
    public const string TooLargeKey = "Validation.FileTooLarge";
    public const string WrongTypeKey = "Validation.FileType";
    public const string EmptyKey = "Validation.FileEmpty";
    public const string MeetingLockedKey = "Validation.MaterialLocked";

    public long MaxUploadBytes => options.MaxUploadBytes;

    /// <summary>What can be told from the name and announced size alone, before a byte is read.</summary>
    public IReadOnlyList<FieldError> Precheck(string fileName, long size)
    {
        if (size <= 0)
        {
            return [new FieldError(FileField, EmptyKey)];
        }
        if (size > options.MaxUploadBytes)
        {
            return [new FieldError(FileField, TooLargeKey)];
        }
        if (!FileTypes.HasAllowedExtension(FileNames.Sanitize(fileName)))
        {
            return [new FieldError(FileField, WrongTypeKey)];
        }
        return [];
    }

    /// <summary>
    /// Stores a file on an item. The type is taken from the file's own leading bytes, which must agree with the
    /// name's extension; the browser's claimed content type is not trusted.
    /// </summary>
    public async Task<AttachmentView> UploadAsync(WorkspaceUser user, Guid itemId, string fileName, long size, Stream content, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await ManagedItemAsync(db, user, itemId, ct);
        var name = FileNames.Sanitize(fileName);
        InputRules.ThrowIfInvalid(Precheck(name, size));

        var header = new byte[FileTypes.HeaderLength];
        var headerLength = await content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
        if (headerLength == 0)
        {
            throw Invalid(FileField, EmptyKey);
        }
        var type = FileTypes.Detect(name, header.AsSpan(0, headerLength)) ?? throw Invalid(FileField, WrongTypeKey);
        var upload = new UploadStream(header.AsMemory(0, headerLength), content, options.MaxUploadBytes);
        var key = await files.SaveAsync(upload, ct);

        var attachment = new Attachment
        {
            AgendaItemId = item.Id,
            FileName = name,
            ContentType = type.ContentType,
            Size = upload.BytesRead,
            StorageKey = key,
            UploadedAt = clock.GetUtcNow(),
            UploadedById = user.PersonId,
        };
        db.Attachments.Add(attachment);
        try
        {
            await SaveChangedItemAsync(db, user, item, ct);
        }
        catch
        {
            await files.DeleteAsync(key, CancellationToken.None);
            throw;
        }
        return new AttachmentView(attachment.Id, attachment.FileName, attachment.ContentType, attachment.Size, attachment.UploadedAt);
    }

    /// <summary>Opens a file for someone who may read its item; for anyone else it does not exist.</summary>
    public async Task<AttachmentDownload> OpenAsync(WorkspaceUser user, Guid attachmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId, ct) ?? throw new NotFoundException();
        await ReadableItemAsync(db, user, attachment.AgendaItemId, ct);
        var content = await files.OpenReadAsync(attachment.StorageKey, ct);
        if (content is null)
        {
            logger.LogWarning("Attachment {AttachmentId} has no stored file under key {StorageKey}.", attachment.Id, attachment.StorageKey);
            throw new NotFoundException();
        }
        return new AttachmentDownload(attachment.FileName, attachment.ContentType, attachment.Size, content);
    }

    public async Task DeleteAttachmentAsync(WorkspaceUser user, Guid attachmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var attachment = await db.Attachments.SingleOrDefaultAsync(a => a.Id == attachmentId, ct) ?? throw new NotFoundException();
        var item = await ManagedItemAsync(db, user, attachment.AgendaItemId, ct);
        db.Attachments.Remove(attachment);
        await SaveChangedItemAsync(db, user, item, ct);
        try
        {
            await files.DeleteAsync(attachment.StorageKey, CancellationToken.None);
        }
        catch (IOException ex)
        {
            // The row is gone, so nobody can reach the file; a leftover file is only disk space.
            logger.LogWarning(ex, "Could not delete the stored file {StorageKey} of attachment {AttachmentId}.", attachment.StorageKey, attachment.Id);
        }
    }

    public async Task<ItemLinkView> AddLinkAsync(WorkspaceUser user, Guid itemId, LinkInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await ManagedItemAsync(db, user, itemId, ct);
        InputRules.ThrowIfInvalid(input.Validate());
        var lastNumber = await db.ItemLinks.Where(l => l.AgendaItemId == itemId).MaxAsync(l => (int?)l.Number, ct) ?? 0;
        var link = new ItemLink { AgendaItemId = itemId, Title = input.Title.Trim(), Url = input.Url.Trim(), Number = lastNumber + 1 };
        db.ItemLinks.Add(link);
        await SaveChangedItemAsync(db, user, item, ct);
        return new ItemLinkView(link.Id, link.Title, link.Url, link.Number);
    }

    /// <summary>Removes a link; the links after it move up, so the order stays 1, 2, 3 ...</summary>
    public async Task RemoveLinkAsync(WorkspaceUser user, Guid linkId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.ItemLinks.SingleOrDefaultAsync(l => l.Id == linkId, ct) ?? throw new NotFoundException();
        var item = await ManagedItemAsync(db, user, link.AgendaItemId, ct);
        db.ItemLinks.Remove(link);
        var later = await db.ItemLinks.Where(l => l.AgendaItemId == link.AgendaItemId && l.Number > link.Number).ToListAsync(ct);
        foreach (var next in later)
        {
            next.Number--;
        }
        await SaveChangedItemAsync(db, user, item, ct);
    }

    /// <summary>The item, when the user may read it (a closed item only for those who see closed items).</summary>
    private async Task<(AgendaItem Item, CouncilRights Rights)> ReadableItemAsync(WorkspaceDbContext db, WorkspaceUser user, Guid itemId, CancellationToken ct)
    {
        var item = await db.AgendaItems.AsNoTracking().Include(i => i.Meeting).SingleOrDefaultAsync(i => i.Id == itemId, ct)
            ?? throw new NotFoundException();
        var rights = await access.RightsAtMeetingAsync(db, user, item.Meeting!, ct);
        if (!rights.CanRead || (item.IsClosed && !rights.CanSeeClosedItems))
        {
            throw new NotFoundException();
        }
        return (item, rights);
    }

    /// <summary>The item, when the user is its council's administration and its meeting is not closed or cancelled.</summary>
    private async Task<AgendaItem> ManagedItemAsync(WorkspaceDbContext db, WorkspaceUser user, Guid itemId, CancellationToken ct)
    {
        var (item, rights) = await ReadableItemAsync(db, user, itemId, ct);
        rights.EnsureCanManage();
        if (item.Meeting!.Status is MeetingStatus.Closed or MeetingStatus.Cancelled)
        {
            throw Invalid(MeetingField, MeetingLockedKey);
        }
        return item;
    }

    /// <summary>
    /// Saves and marks the item as changed, so that a change after publishing is shown as one, and tells every open
    /// page. The mark is written without renewing the item's concurrency stamp: a colleague editing the item's text
    /// at the same time is not refused because a file or link was added.
    /// </summary>
    private async Task SaveChangedItemAsync(WorkspaceDbContext db, WorkspaceUser user, AgendaItem item, CancellationToken ct)
    {
        await db.SaveAsAsync(user, ct);
        var now = clock.GetUtcNow();
        await db.AgendaItems.Where(i => i.Id == item.Id).ExecuteUpdateAsync(s => s.SetProperty(i => i.UpdatedAt, now), ct);
        notifier.Publish(new MeetingChange(item.MeetingId, MeetingChangeKind.AgendaChanged, item.Id, user.PersonId, user.Name));
    }

    private static InputValidationException Invalid(string field, string key) => new([new FieldError(field, key)]);
}
