using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.Minutes;

/// <summary>A member's comment as the minutes page shows it.</summary>
public sealed record MinutesCommentView(Guid Id, Guid ItemId, string AuthorName, string Text, DateTimeOffset CreatedAt, string? Resolution, DateTimeOffset? ResolvedAt);

public sealed record MinutesVersionView(int Number, string? Reason, DateTimeOffset CreatedAt);

/// <summary>What the minutes page needs: the document as this reader may see it, its state and what the reader may do.</summary>
public sealed record MinutesView(
    Guid MeetingId,
    MeetingStatus MeetingStatus,
    MinutesStatus? Status,
    MinutesDocument Document,
    int? ShownVersion,
    IReadOnlyList<MinutesVersionView> Versions,
    IReadOnlyList<MinutesCommentView> Comments,
    DateTimeOffset? CommentDeadline,
    Guid? ApprovedUnderItemId,
    Guid? ApprovedUnderMeetingId,
    Guid? ApprovalItemId,
    MinutesRights Rights);

public sealed record MinutesRights(bool CanManage, bool CanComment, bool CanApprove, bool CanSeeClosedItems);

/// <summary>
/// The minutes' flow: draft (administration only), circulation with comments per item until a deadline, approval under
/// the next meeting's "Godkendelse af referat" item (which locks them as version 1), corrections as new versions with a
/// reason. Every method checks the caller's rights at the meeting from the current state (decision 002).
/// </summary>
public sealed class MinutesService(IDbContextFactory<WorkspaceDbContext> dbFactory, CouncilAccess access, MinutesGenerator generator, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The minutes as the user may read them; <paramref name="version"/> picks an approved version (default: the newest).</summary>
    public async Task<MinutesView> GetAsync(WorkspaceUser user, Guid meetingId, int? version = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (meeting, rights) = await access.ReadableMeetingAsync(db, user, meetingId, ct);
        var minutes = await db.Set<MeetingMinutes>().AsNoTracking().Include(m => m.Versions)
            .SingleOrDefaultAsync(m => m.MeetingId == meetingId, ct);
        // Drafts are the secretary's work in progress: the council sees minutes once they are circulated.
        if (!rights.CanManage && (minutes is null || minutes.Status == MinutesStatus.Draft))
        {
            throw new NotFoundException();
        }

        var versions = minutes?.Versions.OrderBy(v => v.Number).ToList() ?? [];
        var shown = version is { } n ? versions.SingleOrDefault(v => v.Number == n) ?? throw new NotFoundException() : versions.LastOrDefault();
        var document = shown is null ? await generator.GenerateAsync(db, meetingId, ct) : Deserialize(shown.DocumentJson);
        if (!rights.CanSeeClosedItems)
        {
            document = document.WithoutClosedItems();
        }

        var closedItemIds = document.Entries.Where(e => e.IsClosed).Select(e => e.ItemId).ToHashSet();
        var comments = minutes is null ? [] : (await db.Set<MinutesComment>().AsNoTracking()
                .Where(c => c.MeetingMinutesId == minutes.Id)
                .Select(c => new MinutesCommentView(c.Id, c.AgendaItemId, c.Author!.Name, c.Text, c.CreatedAt, c.Resolution, c.ResolvedAt))
                .ToListAsync(ct))
            .Where(c => rights.CanSeeClosedItems || !closedItemIds.Contains(c.ItemId))
            .OrderBy(c => c.CreatedAt).ToList();

        var approvalItem = await db.AgendaItems.AsNoTracking()
            .Where(i => i.ApprovesMinutesOfMeetingId == meetingId && i.Meeting!.Status != MeetingStatus.Draft && i.Meeting.Status != MeetingStatus.Cancelled)
            .OrderBy(i => i.Meeting!.StartsAt)
            .Select(i => new { i.Id, i.MeetingId })
            .FirstOrDefaultAsync(ct);
        var approvedUnderMeeting = minutes?.ApprovedUnderItemId is { } underId
            ? await db.AgendaItems.Where(i => i.Id == underId).Select(i => (Guid?)i.MeetingId).SingleOrDefaultAsync(ct)
            : null;

        var canComment = minutes is { Status: MinutesStatus.InCirculation } && rights.ActsAsMember && !DeadlinePassed(minutes);
        var canApprove = minutes is { Status: not MinutesStatus.Approved } && approvalItem is not null
            && await CanControlAsync(db, user, approvalItem.MeetingId, ct);
        return new MinutesView(meetingId, meeting.Status, minutes?.Status, document, shown?.Number,
            versions.Select(v => new MinutesVersionView(v.Number, v.Reason, v.CreatedAt)).ToList(),
            comments, minutes?.CommentDeadline, minutes?.ApprovedUnderItemId, approvedUnderMeeting ?? approvalItem?.MeetingId, approvalItem?.Id,
            new MinutesRights(rights.CanManage, canComment, canApprove, rights.CanSeeClosedItems));
    }

    /// <summary>The administration starts the minutes of a held meeting; generating again later reads the meeting anew.</summary>
    public async Task StartAsync(WorkspaceUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await access.ManagedMeetingAsync(db, user, meetingId, ct);
        EnsureHeld(meeting);
        if (!await db.Set<MeetingMinutes>().AnyAsync(m => m.MeetingId == meetingId, ct))
        {
            db.Set<MeetingMinutes>().Add(new MeetingMinutes { MeetingId = meetingId, CreatedAt = clock.GetUtcNow() });
            await db.SaveAsAsync(user, ct);
        }
    }

    /// <summary>"Send til gennemlæsning": members may comment per item until the deadline.</summary>
    public async Task CirculateAsync(WorkspaceUser user, Guid meetingId, DateTimeOffset deadline, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await access.ManagedMeetingAsync(db, user, meetingId, ct);
        EnsureHeld(meeting);
        if (deadline <= clock.GetUtcNow())
        {
            throw new InputValidationException([new FieldError("deadline", "Minutes.DeadlinePassed")]);
        }
        var minutes = await db.Set<MeetingMinutes>().SingleOrDefaultAsync(m => m.MeetingId == meetingId, ct);
        if (minutes is null)
        {
            minutes = new MeetingMinutes { MeetingId = meetingId, CreatedAt = clock.GetUtcNow() };
            db.Set<MeetingMinutes>().Add(minutes);
        }
        EnsureNotApproved(minutes);
        minutes.Status = MinutesStatus.InCirculation;
        minutes.CirculatedAt = clock.GetUtcNow();
        minutes.CommentDeadline = deadline;
        await db.SaveAsAsync(user, ct);
    }

    /// <summary>A member's (or called-in substitute's) comment on one item of circulated minutes, before the deadline.</summary>
    public async Task<Guid> CommentAsync(WorkspaceUser user, Guid meetingId, Guid itemId, string? text, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, rights) = await access.ReadableMeetingAsync(db, user, meetingId, ct);
        var minutes = await db.Set<MeetingMinutes>().SingleOrDefaultAsync(m => m.MeetingId == meetingId, ct);
        if (minutes is null || minutes.Status == MinutesStatus.Draft)
        {
            throw new NotFoundException();
        }
        var item = await db.AgendaItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId && i.MeetingId == meetingId, ct);
        if (item is null || (item.IsClosed && !rights.CanSeeClosedItems))
        {
            throw new NotFoundException();
        }
        if (!rights.ActsAsMember)
        {
            throw new AccessDeniedException();
        }
        if (minutes.Status != MinutesStatus.InCirculation || DeadlinePassed(minutes))
        {
            throw new InputValidationException([new FieldError("comment", "Minutes.CommentsClosed")]);
        }
        var errors = new List<FieldError>();
        InputRules.Required(errors, "comment", text);
        InputRules.MaxLength(errors, "comment", text, MinutesComment.MaxLength);
        InputRules.ThrowIfInvalid(errors);
        var comment = new MinutesComment
        {
            MeetingMinutesId = minutes.Id,
            AgendaItemId = itemId,
            AuthorId = user.PersonId!.Value,
            Text = text!.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        db.Set<MinutesComment>().Add(comment);
        await db.SaveAsAsync(user, ct);
        return comment.Id;
    }

    /// <summary>The secretary says what she did about a comment.</summary>
    public async Task ResolveCommentAsync(WorkspaceUser user, Guid commentId, string? resolution, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var comment = await db.Set<MinutesComment>().SingleOrDefaultAsync(c => c.Id == commentId, ct) ?? throw new NotFoundException();
        var meetingId = await db.Set<MeetingMinutes>().Where(m => m.Id == comment.MeetingMinutesId).Select(m => m.MeetingId).SingleAsync(ct);
        await access.ManagedMeetingAsync(db, user, meetingId, ct);
        var errors = new List<FieldError>();
        InputRules.Required(errors, "resolution", resolution);
        InputRules.MaxLength(errors, "resolution", resolution, MinutesComment.MaxLength);
        InputRules.ThrowIfInvalid(errors);
        comment.Resolution = resolution!.Trim();
        comment.ResolvedAt = clock.GetUtcNow();
        comment.ResolvedById = user.PersonId;
        await db.SaveAsAsync(user, ct);
    }

    /// <summary>
    /// Approval under the next meeting's "Godkendelse af referat" item, by whoever runs that meeting (administration or
    /// chair): the minutes are locked as version 1, a copy of the document as it reads now.
    /// </summary>
    public async Task ApproveAsync(WorkspaceUser user, Guid approvalItemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.AgendaItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == approvalItemId, ct) ?? throw new NotFoundException();
        var (approvingMeeting, rights) = await access.ReadableMeetingAsync(db, user, item.MeetingId, ct);
        if (item.ApprovesMinutesOfMeetingId is not { } meetingId)
        {
            throw new NotFoundException();
        }
        if (!rights.CanControl)
        {
            throw new AccessDeniedException();
        }
        if (approvingMeeting.Status is MeetingStatus.Draft or MeetingStatus.Cancelled)
        {
            throw new InputValidationException([new FieldError("approval", "Minutes.ApprovalMeetingNotOpen")]);
        }
        var minutes = await db.Set<MeetingMinutes>().SingleOrDefaultAsync(m => m.MeetingId == meetingId, ct);
        if (minutes is null)
        {
            minutes = new MeetingMinutes { MeetingId = meetingId, CreatedAt = clock.GetUtcNow() };
            db.Set<MeetingMinutes>().Add(minutes);
        }
        EnsureNotApproved(minutes);
        var document = await generator.GenerateAsync(db, meetingId, ct);
        minutes.Status = MinutesStatus.Approved;
        minutes.ApprovedAt = clock.GetUtcNow();
        minutes.ApprovedById = user.PersonId;
        minutes.ApprovedUnderItemId = approvalItemId;
        db.Set<MinutesVersion>().Add(NewVersion(minutes, 1, null, document, user));
        await db.SaveAsAsync(user, ct);
    }

    /// <summary>A correction of approved minutes: a new version of the meeting as it reads now, with the reason; the older stay.</summary>
    public async Task<int> CorrectAsync(WorkspaceUser user, Guid meetingId, string? reason, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await access.ManagedMeetingAsync(db, user, meetingId, ct);
        var minutes = await db.Set<MeetingMinutes>().SingleOrDefaultAsync(m => m.MeetingId == meetingId, ct);
        if (minutes is not { Status: MinutesStatus.Approved })
        {
            throw new InputValidationException([new FieldError("reason", "Minutes.NotApproved")]);
        }
        var errors = new List<FieldError>();
        InputRules.Required(errors, "reason", reason);
        InputRules.MaxLength(errors, "reason", reason, MinutesVersion.MaxReasonLength);
        InputRules.ThrowIfInvalid(errors);
        var number = await db.Set<MinutesVersion>().Where(v => v.MeetingMinutesId == minutes.Id).MaxAsync(v => v.Number, ct) + 1;
        var document = await generator.GenerateAsync(db, meetingId, ct);
        db.Set<MinutesVersion>().Add(NewVersion(minutes, number, reason!.Trim(), document, user));
        await db.SaveAsAsync(user, ct);
        return number;
    }

    internal static MinutesDocument Deserialize(string json) =>
        JsonSerializer.Deserialize<MinutesDocument>(json, Json) ?? throw new InvalidOperationException("Empty minutes version.");

    private MinutesVersion NewVersion(MeetingMinutes minutes, int number, string? reason, MinutesDocument document, WorkspaceUser user) => new()
    {
        MeetingMinutesId = minutes.Id,
        Number = number,
        Reason = reason,
        CreatedAt = clock.GetUtcNow(),
        CreatedById = user.PersonId,
        DocumentJson = JsonSerializer.Serialize(document, Json),
    };

    private async Task<bool> CanControlAsync(WorkspaceDbContext db, WorkspaceUser user, Guid meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().SingleAsync(m => m.Id == meetingId, ct);
        return (await access.RightsAtMeetingAsync(db, user, meeting, ct)).CanControl;
    }

    private bool DeadlinePassed(MeetingMinutes minutes) => minutes.CommentDeadline is { } d && d <= clock.GetUtcNow();

    private static void EnsureHeld(Meeting meeting)
    {
        if (meeting.Status is not (MeetingStatus.Held or MeetingStatus.Closed))
        {
            throw new InputValidationException([new FieldError("minutes", "Minutes.MeetingNotHeld")]);
        }
    }

    private static void EnsureNotApproved(MeetingMinutes minutes)
    {
        if (minutes.Status == MinutesStatus.Approved)
        {
            throw new InputValidationException([new FieldError("minutes", "Minutes.Locked")]);
        }
    }
}
