using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Web.Collaboration;
using Workspace.Web.Collaboration.CoEditing;

namespace Workspace.Web.Features.Meetings;

/// <summary>A remark as stored, the same for every reader; <see cref="ViewFor"/> makes one reader's view of it.</summary>
public sealed record StoredRemark(Guid Id, Guid AgendaItemId, Guid AuthorId, string AuthorName, string Text, DateTimeOffset CreatedAt,
    DateTimeOffset? EditedAt, Guid ConcurrencyStamp)
{
    public RemarkView ViewFor(Guid? viewerId) =>
        new(Id, AgendaItemId, AuthorId, AuthorName, Text, CreatedAt, EditedAt, AuthorId == viewerId, ConcurrencyStamp);
}

/// <summary>One co-edited text of an item as stored after a <see cref="MeetingChangeKind.TextChanged"/>.</summary>
public sealed record StoredText(ItemText Field, string? Value, bool ItemIsClosed);

/// <summary>
/// Reads the part of an item that a change touched (one text, or the remarks), once per change on this node: every open
/// page showing the item gets the same read, so 100 tabs cost one query instead of 100 full meeting reads. What is read is
/// the same for every reader (no rights, no "mine" in it); each page makes its own view with its own rights
/// (<see cref="MeetingUpdates"/>), and a page reads only for an item it already shows.
/// </summary>
public sealed class LiveItemReads(IDbContextFactory<WorkspaceDbContext> dbFactory)
{
    // Keyed by the change object itself, which the notifier hands to every subscriber of this node: an entry lives as
    // long as a subscriber may still ask for it, and a later change of the same item is another key, so never stale.
    private readonly ConditionalWeakTable<MeetingChange, Lazy<Task<StoredText?>>> _texts = new();
    private readonly ConditionalWeakTable<MeetingChange, Lazy<Task<IReadOnlyList<StoredRemark>>>> _remarks = new();

    /// <summary>The changed text of a <see cref="MeetingChangeKind.TextChanged"/>, or null if the item is gone or the field unknown.</summary>
    public Task<StoredText?> TextAsync(MeetingChange change) =>
        _texts.GetValue(change, c => new Lazy<Task<StoredText?>>(() => ReadTextAsync(c))).Value;

    /// <summary>The remarks of the item a remark change is about, oldest first.</summary>
    public Task<IReadOnlyList<StoredRemark>> RemarksAsync(MeetingChange change) =>
        _remarks.GetValue(change, c => new Lazy<Task<IReadOnlyList<StoredRemark>>>(() => ReadRemarksAsync(c))).Value;

    private async Task<StoredText?> ReadTextAsync(MeetingChange change)
    {
        if (change.AgendaItemId is not { } itemId || !Enum.TryParse<ItemText>(change.Field, out var field))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var item = db.AgendaItems.AsNoTracking().Where(i => i.Id == itemId);
        return field switch
        {
            ItemText.Background => await item.Select(i => new StoredText(ItemText.Background, i.Background, i.IsClosed)).SingleOrDefaultAsync(),
            ItemText.Decision => await item.Select(i => new StoredText(ItemText.Decision, i.Decision, i.IsClosed)).SingleOrDefaultAsync(),
            _ => await item.Select(i => new StoredText(ItemText.Minutes, i.Minutes, i.IsClosed)).SingleOrDefaultAsync(),
        };
    }

    private async Task<IReadOnlyList<StoredRemark>> ReadRemarksAsync(MeetingChange change)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.Remarks.AsNoTracking()
            .Where(r => r.AgendaItemId == change.AgendaItemId)
            .OrderBy(r => r.CreatedAt)
            .Select(r => new StoredRemark(r.Id, r.AgendaItemId, r.AuthorId, r.Author!.Name, r.Text, r.CreatedAt, r.EditedAt, r.ConcurrencyStamp))
            .ToListAsync();
    }
}
