using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Collaboration;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Meetings;

namespace Workspace.Web.Features.Remarks;

/// <summary>Members' remarks on agenda items: write, edit and delete one's own.</summary>
public sealed class RemarkService(
    IDbContextFactory<WorkspaceDbContext> dbFactory,
    CouncilAccess access,
    IMeetingNotifier notifier,
    TimeProvider clock)
{
    public async Task<RemarkView> AddAsync(WorkspaceUser user, Guid agendaItemId, RemarkInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await LoadItemAsync(db, agendaItemId, ct);
        await EnsureCanRemarkAsync(db, user, item, ct);
        if (item.Layout != AgendaItemLayout.Numbered)
        {
            throw new InputValidationException([new FieldError(nameof(RemarkInput.Text), "Agenda.NoRemarksOnHeading")]);
        }
        InputRules.ThrowIfInvalid(input.Validate());

        var remark = new Remark
        {
            AgendaItemId = agendaItemId,
            AuthorId = user.PersonId!.Value,
            Text = input.Text.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Remarks.Add(remark);
        await db.SaveAsAsync(user, ct);
        notifier.Publish(new MeetingChange(item.MeetingId, MeetingChangeKind.RemarkAdded, agendaItemId, user.PersonId, user.Name, RemarkId: remark.Id));
        return new RemarkView(remark.Id, agendaItemId, remark.AuthorId, user.Name, remark.Text, remark.CreatedAt, null, true, remark.ConcurrencyStamp);
    }

    public async Task EditAsync(WorkspaceUser user, Guid remarkId, RemarkInput input, Guid concurrencyStamp, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var remark = await LoadOwnRemarkAsync(db, user, remarkId, ct);
        InputRules.ThrowIfInvalid(input.Validate());
        db.Entry(remark).Property(r => r.ConcurrencyStamp).OriginalValue = concurrencyStamp;
        remark.Text = input.Text.Trim();
        remark.EditedAt = clock.GetUtcNow();
        await db.SaveAsAsync(user, ct);
        notifier.Publish(new MeetingChange(remark.AgendaItem!.MeetingId, MeetingChangeKind.RemarkChanged, remark.AgendaItemId, user.PersonId, user.Name, RemarkId: remark.Id));
    }

    public async Task DeleteAsync(WorkspaceUser user, Guid remarkId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var remark = await LoadOwnRemarkAsync(db, user, remarkId, ct);
        db.Remarks.Remove(remark);
        await db.SaveAsAsync(user, ct);
        notifier.Publish(new MeetingChange(remark.AgendaItem!.MeetingId, MeetingChangeKind.RemarkDeleted, remark.AgendaItemId, user.PersonId, user.Name, RemarkId: remark.Id));
    }

    private static async Task<AgendaItem> LoadItemAsync(WorkspaceDbContext db, Guid agendaItemId, CancellationToken ct) =>
        await db.AgendaItems.Include(i => i.Meeting).SingleOrDefaultAsync(i => i.Id == agendaItemId, ct)
        ?? throw new NotFoundException();

    private async Task<Remark> LoadOwnRemarkAsync(WorkspaceDbContext db, WorkspaceUser user, Guid remarkId, CancellationToken ct)
    {
        var remark = await db.Remarks.Include(r => r.AgendaItem).ThenInclude(i => i!.Meeting)
            .SingleOrDefaultAsync(r => r.Id == remarkId, ct) ?? throw new NotFoundException();
        await EnsureCanRemarkAsync(db, user, remark.AgendaItem!, ct);
        if (remark.AuthorId != user.PersonId)
        {
            throw new AccessDeniedException();
        }
        return remark;
    }

    private async Task EnsureCanRemarkAsync(WorkspaceDbContext db, WorkspaceUser user, AgendaItem item, CancellationToken ct)
    {
        var meeting = item.Meeting!;
        var rights = await access.RightsAtMeetingAsync(db, user, meeting, ct);
        if (!rights.CanRead || (item.IsClosed && !rights.CanSeeClosedItems))
        {
            throw new NotFoundException();
        }
        if (!rights.CanRemarkAt(meeting.Status))
        {
            throw new AccessDeniedException();
        }
    }
}
