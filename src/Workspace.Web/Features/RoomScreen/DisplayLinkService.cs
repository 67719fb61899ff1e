using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Collaboration;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.RoomScreen;

/// <summary>
/// Display links: the administration of a meeting's council issues, lists and revokes them; a device opens one with its
/// token. The token is 256 random bits shown once; only its SHA-256 is stored and looked up (a hash lookup gives a
/// timing attacker nothing about the token). A revoke is published as <see cref="MeetingChangeKind.AccessChanged"/>, so
/// open screens check their link again at once.
/// </summary>
public sealed class DisplayLinkService(
    IDbContextFactory<WorkspaceDbContext> dbFactory,
    CouncilAccess access,
    IMeetingNotifier notifier,
    TimeProvider clock)
{
    /// <summary>A display link lasts at most this long; a new one is quickly issued for the next meeting.</summary>
    public static readonly TimeSpan LongestLife = TimeSpan.FromDays(31);

    public async Task<DisplayLinksOverview> ListAsync(WorkspaceUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await access.ManagedMeetingAsync(db, user, meetingId, ct);
        var now = clock.GetUtcNow();
        var rows = await db.DisplayLinks.AsNoTracking().Where(l => l.MeetingId == meetingId).ToListAsync(ct);
        var creators = await db.People.Where(p => rows.Select(r => r.CreatedById).Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var links = rows
            .OrderByDescending(l => l.CreatedAt)
            .Select(l => View(l, creators.GetValueOrDefault(l.CreatedById) ?? "", now))
            .ToList();
        return new DisplayLinksOverview(meetingId, DefaultExpiry(meeting), CanIssue(meeting), links);
    }

    /// <summary>Issues a link; the returned token is the only copy there will ever be.</summary>
    public async Task<IssuedDisplayLink> IssueAsync(WorkspaceUser user, Guid meetingId, DisplayLinkInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await access.ManagedMeetingAsync(db, user, meetingId, ct);
        var now = clock.GetUtcNow();
        if (!CanIssue(meeting))
        {
            throw new InputValidationException([new FieldError(nameof(DisplayLinkInput.Label), "DisplayLink.MeetingOver")]);
        }
        var errors = input.Validate(now, LongestLife);
        if (errors.Count > 0)
        {
            throw new InputValidationException(errors);
        }
        var token = NewToken();
        var link = new DisplayLink
        {
            MeetingId = meetingId,
            Label = input.Label.Trim(),
            TokenHash = HashOf(token),
            CreatedById = user.PersonId!.Value,
            CreatedAt = now,
            ExpiresAt = input.ExpiresAt!.Value,
            ShowClosedItems = input.ShowClosedItems,
        };
        db.DisplayLinks.Add(link);
        await db.SaveAsAsync(user, ct);
        return new IssuedDisplayLink(View(link, user.Name, now), token);
    }

    public async Task RevokeAsync(WorkspaceUser user, Guid meetingId, Guid linkId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await access.ManagedMeetingAsync(db, user, meetingId, ct);
        var link = await db.DisplayLinks.SingleOrDefaultAsync(l => l.Id == linkId && l.MeetingId == meetingId, ct) ?? throw new NotFoundException();
        if (link.RevokedAt is null)
        {
            link.RevokedAt = clock.GetUtcNow();
            await db.SaveAsAsync(user, ct);
        }
        notifier.Publish(new MeetingChange(meetingId, MeetingChangeKind.AccessChanged, null, user.PersonId, user.Name));
    }

    /// <summary>The valid link a token opens, or null (unknown, revoked, expired, or its meeting cancelled).</summary>
    public async Task<DisplayGrant?> OpenAsync(string? token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }
        var hash = HashOf(token);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.DisplayLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash, ct);
        return link is null ? null : await GrantAsync(db, link, ct);
    }

    /// <summary>The link as it stands now, for the screen's every render and event; null once it no longer holds.</summary>
    public async Task<DisplayGrant?> CheckAsync(Guid linkId, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.DisplayLinks.AsNoTracking().SingleOrDefaultAsync(l => l.Id == linkId && l.MeetingId == meetingId, ct);
        return link is null ? null : await GrantAsync(db, link, ct);
    }

    /// <summary>The end of the meeting's day in Copenhagen: a link issued for the evening's meeting is dead by morning.</summary>
    public static DateTimeOffset DefaultExpiry(Meeting meeting)
    {
        var local = TimeZoneInfo.ConvertTime(meeting.EndsAt, CopenhagenTime.Zone);
        var midnight = local.Date.AddDays(1);
        return new DateTimeOffset(midnight, CopenhagenTime.Zone.GetUtcOffset(midnight)).AddMinutes(-1).ToUniversalTime();
    }

    public static string HashOf(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string NewToken() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static bool CanIssue(Meeting meeting) => meeting.Status is not (MeetingStatus.Closed or MeetingStatus.Cancelled);

    private async Task<DisplayGrant?> GrantAsync(WorkspaceDbContext db, DisplayLink link, CancellationToken ct)
    {
        if (link.RevokedAt is not null || link.ExpiresAt <= clock.GetUtcNow())
        {
            return null;
        }
        var status = await db.Meetings.Where(m => m.Id == link.MeetingId).Select(m => (MeetingStatus?)m.Status).SingleOrDefaultAsync(ct);
        // A draft is the administration's alone, and a cancelled meeting has nothing to show.
        return status is null or MeetingStatus.Draft or MeetingStatus.Cancelled
            ? null
            : new DisplayGrant(link.Id, link.MeetingId, link.ShowClosedItems, link.ExpiresAt);
    }

    private static DisplayLinkView View(DisplayLink link, string createdBy, DateTimeOffset now) =>
        new(link.Id, link.Label, createdBy, link.CreatedAt, link.ExpiresAt, link.RevokedAt, link.ShowClosedItems,
            link.RevokedAt is null && link.ExpiresAt > now);
}
