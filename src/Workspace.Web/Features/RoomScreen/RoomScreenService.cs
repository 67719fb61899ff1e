using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Collaboration;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Meetings;
using Workspace.Web.Features.Running;

namespace Workspace.Web.Features.RoomScreen;

/// <summary>
/// What the room screen shows and to whom. <see cref="AudienceAsync"/> decides on the current state who looks (a person
/// by their rights at the meeting, a display by its link); <see cref="ReadAsync"/> reads for that audience only, so a
/// closed item is shown only to an audience that may see closed items.
/// </summary>
public sealed class RoomScreenService(
    IDbContextFactory<WorkspaceDbContext> dbFactory,
    LiveAccess liveAccess,
    CouncilAccess access,
    DisplayLinkService displayLinks,
    TimeProvider clock)
{
    /// <summary>Remarks shown at once: the newest, read from five metres.</summary>
    public const int RemarksShown = 5;

    /// <summary>About this many characters of the background: its first paragraph or two.</summary>
    public const int BackgroundLength = 600;

    private const string CodeAlphabet = "23456789abcdefghjkmnpqrstuvwxyz";

    public async Task<ScreenAudience> AudienceAsync(ClaimsPrincipal principal, Guid meetingId, CancellationToken ct = default)
    {
        if (DisplayPrincipal.Of(principal) is { } display)
        {
            if (display.MeetingId != meetingId)
            {
                return ScreenAudience.LinkInvalid;
            }
            var grant = await displayLinks.CheckAsync(display.LinkId, meetingId, ct);
            return grant is null ? ScreenAudience.LinkInvalid : new ScreenAudience(ScreenAccess.Allowed, grant.ShowClosedItems, grant.ExpiresAt);
        }
        var user = WorkspaceUser.From(principal);
        if (user.PersonId is null)
        {
            return ScreenAudience.SignIn;
        }
        var reader = await liveAccess.ReaderAsync(user, meetingId, ct);
        return reader.CanRead ? new ScreenAudience(ScreenAccess.Allowed, reader.Rights.CanSeeClosedItems) : ScreenAudience.NotFound;
    }

    /// <summary>The screen for an audience the caller has authorized; null when the meeting does not exist.</summary>
    public async Task<RoomScreenView?> ReadAsync(Guid meetingId, bool showClosedItems, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId)
            .Select(m => new { m.Title, Council = m.Council!.Name, m.StartsAt, m.EndsAt, m.Place, m.Status, m.CurrentItemId })
            .SingleOrDefaultAsync(ct);
        if (meeting is null)
        {
            return null;
        }
        var items = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == meetingId).ToListAsync(ct);
        bool Visible(AgendaItem i) => showClosedItems || !i.IsClosed;
        var agenda = AgendaNumbering.InOrder(items)
            .Select(n => new ScreenAgendaEntry(n.Item.Id, n.Number, Visible(n.Item) ? n.Item.Title : null, n.Item.Layout, n.Item.Status,
                n.Item.AllottedMinutes, n.Item.Kind))
            .ToList();
        ScreenItem? current = null;
        if (meeting.Status == MeetingStatus.InProgress && meeting.CurrentItemId is { } currentId
            && items.SingleOrDefault(i => i.Id == currentId) is { } item)
        {
            var number = agenda.Single(a => a.Id == currentId).Number;
            var remarks = Visible(item) ? await RemarksAsync(db, currentId, ct) : [];
            current = Visible(item)
                ? new ScreenItem(item.Id, number, item.Title, item.Layout, item.Kind, item.Presenter, ItemTimer.Of(item, clock.GetUtcNow()),
                    Excerpt(item.Background), item.Decision, remarks)
                : new ScreenItem(item.Id, number, null, item.Layout, item.Kind, null, ItemTimer.Of(item, clock.GetUtcNow()), null, null, []);
        }
        return new RoomScreenView(meetingId, meeting.Council, meeting.Title, meeting.StartsAt, meeting.EndsAt, meeting.Place, meeting.Status,
            agenda, current);
    }

    /// <summary>The newest remarks of a list read oldest first, newest last.</summary>
    public static IReadOnlyList<ScreenRemark> Newest(IEnumerable<StoredRemark> remarks) =>
        remarks.TakeLast(RemarksShown).Select(r => new ScreenRemark(r.Id, r.AuthorName, r.Text, r.CreatedAt)).ToList();

    /// <summary>The first paragraph or two of a Markdown text, cut at a word when one paragraph is already long.</summary>
    public static string? Excerpt(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return null;
        }
        var paragraphs = markdown.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var taken = new List<string>();
        var length = 0;
        foreach (var paragraph in paragraphs)
        {
            if (taken.Count > 0 && length + paragraph.Length > BackgroundLength)
            {
                break;
            }
            taken.Add(paragraph);
            length += paragraph.Length;
        }
        var text = string.Join("\n\n", taken);
        if (text.Length <= BackgroundLength + 200)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', BackgroundLength);
        return text[..(cut > 0 ? cut : BackgroundLength)].TrimEnd() + " …";
    }

    /// <summary>The meeting's short code, made the first time a screen asks for it.</summary>
    public async Task<string> ShortCodeAsync(Guid meetingId, CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var existing = await db.MeetingShortLinks.Where(l => l.MeetingId == meetingId).Select(l => l.Code).SingleOrDefaultAsync(ct);
            if (existing is not null)
            {
                return existing;
            }
            db.MeetingShortLinks.Add(new MeetingShortLink { MeetingId = meetingId, Code = NewCode(), CreatedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another screen made the meeting's code at the same moment, or (rarely) the code was taken: read again.
            }
        }
    }

    /// <summary>The meeting a short code leads to, when the user may read it; otherwise not found (the code is no credential).</summary>
    public async Task<Guid> MeetingOfCodeAsync(WorkspaceUser user, string code, CancellationToken ct = default)
    {
        var normalized = code.Trim().ToLowerInvariant();
        if (normalized.Length != MeetingShortLink.CodeLength)
        {
            throw new NotFoundException();
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meetingId = await db.MeetingShortLinks.Where(l => l.Code == normalized).Select(l => (Guid?)l.MeetingId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        await access.ReadableMeetingAsync(db, user, meetingId, ct);
        return meetingId;
    }

    public static bool IsWellFormedCode(string code) => code.Length == MeetingShortLink.CodeLength && code.All(CodeAlphabet.Contains);

    private static string NewCode() =>
        string.Create(MeetingShortLink.CodeLength, 0, (chars, _) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
            }
        });

    private static async Task<IReadOnlyList<ScreenRemark>> RemarksAsync(WorkspaceDbContext db, Guid itemId, CancellationToken ct)
    {
        var remarks = await db.Remarks.AsNoTracking().Where(r => r.AgendaItemId == itemId)
            .OrderByDescending(r => r.CreatedAt).Take(RemarksShown)
            .Select(r => new ScreenRemark(r.Id, r.Author!.Name, r.Text, r.CreatedAt))
            .ToListAsync(ct);
        remarks.Reverse();
        return remarks;
    }
}
