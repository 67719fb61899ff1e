using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.Hearings;

/// <summary>
/// The response's way out: sent to the members for approval with a deadline, each member approves or comments, the
/// chair gives the final approval (or the council approved it at a meeting, recorded by the administration), then it is
/// marked sent (date, to whom) and filed with its final text. Rights: <see cref="HearingRights"/>.
/// </summary>
public sealed class HearingApprovalService(IDbContextFactory<WorkspaceDbContext> dbFactory, HearingService hearings, HearingTexts texts, HearingMail mail, TimeProvider clock)
{
    public const string DeadlineField = "ApprovalDeadline";
    public const string SentOnField = "SentOn";
    public const string SentToField = "SentTo";
    public const string CommentField = "Comment";
    public const string ItemField = "Item";

    public async Task SendForApprovalAsync(WorkspaceUser user, Guid hearingId, DateOnly? deadline, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (hearing, rights) = await hearings.ReadableAsync(db, user, hearingId, ct);
        rights.Ensure(rights.CanSendForApproval(hearing.Status));
        if (deadline is null)
        {
            throw Invalid(DeadlineField, InputRules.RequiredKey);
        }
        var response = await hearings.ResponseTextAsync(hearing, ct);
        if (string.IsNullOrWhiteSpace(ResponseProvenance.Plain(response.Text)))
        {
            throw Invalid(DeadlineField, "Hearings.ResponseEmpty");
        }
        hearing.Status = HearingStatus.InApproval;
        hearing.ApprovalDeadline = deadline;
        // A new round: earlier answers were given to another text.
        await db.HearingApprovals.Where(a => a.HearingId == hearingId).ExecuteDeleteAsync(ct);
        await db.SaveAsAsync(user, ct);
        Changed(hearingId, user);
        await mail.SendAsync(db, hearingId, HearingMailKind.ApprovalRequested, ct);
    }

    public async Task ReopenDraftAsync(WorkspaceUser user, Guid hearingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (hearing, rights) = await hearings.ReadableAsync(db, user, hearingId, ct);
        rights.Ensure(rights.CanReopenDraft(hearing.Status, hearing.ApprovedAt is not null));
        hearing.Status = HearingStatus.Drafting;
        hearing.ApprovalDeadline = null;
        await db.SaveAsAsync(user, ct);
        Changed(hearingId, user);
    }

    /// <summary>A member's answer: approved, or a comment (required when not approving). The latest answer counts.</summary>
    public async Task AnswerAsync(WorkspaceUser user, Guid hearingId, bool approves, string? comment, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (hearing, rights) = await hearings.ReadableAsync(db, user, hearingId, ct);
        rights.Ensure(rights.CanAnswerApproval(hearing.Status, hearing.ApprovedAt is not null));
        var errors = new List<FieldError>();
        if (!approves)
        {
            InputRules.Required(errors, CommentField, comment);
        }
        InputRules.MaxLength(errors, CommentField, comment?.Trim(), HearingApproval.MaxCommentLength);
        InputRules.ThrowIfInvalid(errors);
        db.HearingApprovals.Add(new HearingApproval
        {
            HearingId = hearingId,
            PersonId = user.PersonId!.Value,
            Approves = approves,
            Comment = InputRules.Trimmed(comment),
            At = clock.GetUtcNow(),
        });
        await db.SaveAsAsync(user, ct);
        Changed(hearingId, user);
    }

    public async Task GiveFinalApprovalAsync(WorkspaceUser user, Guid hearingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (hearing, rights) = await hearings.ReadableAsync(db, user, hearingId, ct);
        rights.Ensure(rights.CanGiveFinalApproval(hearing.Status, hearing.ApprovedAt is not null));
        hearing.ApprovedAt = clock.GetUtcNow();
        hearing.ApprovedById = user.PersonId;
        await db.SaveAsAsync(user, ct);
        Changed(hearingId, user);
        await mail.SendAsync(db, hearingId, HearingMailKind.Approved, ct);
    }

    /// <summary>The council approved the response at a meeting: the decision on one of the hearing's items.</summary>
    public async Task RecordMeetingApprovalAsync(WorkspaceUser user, Guid hearingId, Guid agendaItemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (hearing, rights) = await hearings.ReadableAsync(db, user, hearingId, ct);
        rights.Ensure(rights.CanRecordMeetingApproval(hearing.Status, hearing.ApprovedAt is not null));
        if (!await db.HearingItems.AnyAsync(i => i.HearingId == hearingId && i.AgendaItemId == agendaItemId, ct))
        {
            throw Invalid(ItemField, "Hearings.ItemNotLinked");
        }
        hearing.Status = HearingStatus.InApproval;
        hearing.ApprovedAt = clock.GetUtcNow();
        hearing.ApprovedById = user.PersonId;
        hearing.ApprovedAtItemId = agendaItemId;
        await db.SaveAsAsync(user, ct);
        Changed(hearingId, user);
        await mail.SendAsync(db, hearingId, HearingMailKind.Approved, ct);
    }

    public async Task MarkSentAsync(WorkspaceUser user, Guid hearingId, DateOnly? sentOn, string? sentTo, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (hearing, rights) = await hearings.ReadableAsync(db, user, hearingId, ct);
        rights.Ensure(rights.CanMarkSent(hearing.Status, hearing.ApprovedAt is not null));
        var errors = new List<FieldError>();
        if (sentOn is null)
        {
            errors.Add(new(SentOnField, InputRules.RequiredKey));
        }
        InputRules.Required(errors, SentToField, sentTo);
        InputRules.MaxLength(errors, SentToField, sentTo?.Trim(), Hearing.MaxSentToLength);
        InputRules.ThrowIfInvalid(errors);
        hearing.Status = HearingStatus.Sent;
        hearing.SentOn = sentOn;
        hearing.SentTo = sentTo!.Trim();
        await db.SaveAsAsync(user, ct);
        Changed(hearingId, user);
        await mail.SendAsync(db, hearingId, HearingMailKind.Sent, ct);
    }

    /// <summary>Files the final version: the response's text as sent, with its provenance, kept on the hearing (exports leave the markers out).</summary>
    public async Task FileAsync(WorkspaceUser user, Guid hearingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (hearing, rights) = await hearings.ReadableAsync(db, user, hearingId, ct);
        rights.Ensure(rights.CanFile(hearing.Status));
        var response = await hearings.ResponseTextAsync(hearing, ct);
        hearing.FiledText = response.Text;
        hearing.FiledAt = clock.GetUtcNow();
        hearing.Status = HearingStatus.Filed;
        await db.SaveAsAsync(user, ct);
        Changed(hearingId, user);
    }

    /// <summary>Everyone on the hearing reads it again; those with its response open learn whether they may still write.</summary>
    private void Changed(Guid hearingId, WorkspaceUser user)
    {
        hearings.Publish(hearingId, user, remarks: false);
        texts.HearingChanged(hearingId);
    }

    private static InputValidationException Invalid(string field, string key) => new([new FieldError(field, key)]);
}
