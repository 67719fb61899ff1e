using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Attachments;

namespace Workspace.Web.Features.Hearings;

/// <summary>
/// The hearing's material as files: the administration uploads and removes them while the hearing is not sent; whoever
/// reads the hearing downloads them. The checks are the agenda items' (<see cref="AttachmentService.Precheck"/>, the
/// type from the file's own leading bytes, the size counted while reading), so a hearing accepts exactly what an item does.
/// </summary>
public sealed class HearingAttachmentService(
    IDbContextFactory<WorkspaceDbContext> dbFactory,
    HearingService hearings,
    AttachmentService itemAttachments,
    IFileStore files,
    StorageOptions options,
    TimeProvider clock,
    ILogger<HearingAttachmentService> logger)
{
    public long MaxUploadBytes => options.MaxUploadBytes;

    public IReadOnlyList<FieldError> Precheck(string fileName, long size) => itemAttachments.Precheck(fileName, size);

    public async Task<HearingAttachmentView> UploadAsync(WorkspaceUser user, Guid hearingId, string fileName, long size, Stream content, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (hearing, rights) = await hearings.ReadableAsync(db, user, hearingId, ct);
        rights.Ensure(rights.CanChangeMaterial(hearing.Status));
        var name = FileNames.Sanitize(fileName);
        InputRules.ThrowIfInvalid(Precheck(name, size));

        var header = new byte[FileTypes.HeaderLength];
        var headerLength = await content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, ct);
        if (headerLength == 0)
        {
            throw Invalid(AttachmentService.EmptyKey);
        }
        var type = FileTypes.Detect(name, header.AsSpan(0, headerLength)) ?? throw Invalid(AttachmentService.WrongTypeKey);
        var upload = new UploadStream(header.AsMemory(0, headerLength), content, options.MaxUploadBytes);
        var key = await files.SaveAsync(upload, ct);

        var attachment = new HearingAttachment
        {
            HearingId = hearingId,
            FileName = name,
            ContentType = type.ContentType,
            Size = upload.BytesRead,
            StorageKey = key,
            UploadedAt = clock.GetUtcNow(),
            UploadedById = user.PersonId,
        };
        db.HearingAttachments.Add(attachment);
        try
        {
            await db.SaveAsAsync(user, ct);
        }
        catch
        {
            await files.DeleteAsync(key, CancellationToken.None);
            throw;
        }
        hearings.Publish(hearingId, user, remarks: false);
        return new HearingAttachmentView(attachment.Id, attachment.FileName, attachment.ContentType, attachment.Size, attachment.UploadedAt);
    }

    /// <summary>Opens a file for someone who reads its hearing; for anyone else it does not exist.</summary>
    public async Task<AttachmentDownload> OpenAsync(WorkspaceUser user, Guid attachmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var attachment = await db.HearingAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId, ct) ?? throw new NotFoundException();
        await hearings.ReadableAsync(db, user, attachment.HearingId, ct);
        var content = await files.OpenReadAsync(attachment.StorageKey, ct);
        if (content is null)
        {
            logger.LogWarning("Hearing attachment {AttachmentId} has no stored file under key {StorageKey}.", attachment.Id, attachment.StorageKey);
            throw new NotFoundException();
        }
        return new AttachmentDownload(attachment.FileName, attachment.ContentType, attachment.Size, content);
    }

    public async Task DeleteAsync(WorkspaceUser user, Guid attachmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var attachment = await db.HearingAttachments.SingleOrDefaultAsync(a => a.Id == attachmentId, ct) ?? throw new NotFoundException();
        var (hearing, rights) = await hearings.ReadableAsync(db, user, attachment.HearingId, ct);
        rights.Ensure(rights.CanChangeMaterial(hearing.Status));
        db.HearingAttachments.Remove(attachment);
        await db.SaveAsAsync(user, ct);
        hearings.Publish(hearing.Id, user, remarks: false);
        try
        {
            await files.DeleteAsync(attachment.StorageKey, CancellationToken.None);
        }
        catch (IOException ex)
        {
            // The row is gone, so nobody can reach the file; a leftover file is only disk space.
            logger.LogWarning(ex, "Could not delete the stored file {StorageKey} of hearing attachment {AttachmentId}.", attachment.StorageKey, attachment.Id);
        }
    }

    private static InputValidationException Invalid(string key) => new([new FieldError(AttachmentService.FileField, key)]);
}
