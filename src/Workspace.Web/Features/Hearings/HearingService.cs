using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Collaboration;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Attachments;
using Workspace.Web.Features.TextHistory;

namespace Workspace.Web.Features.Hearings;

/// <summary>
/// Hearings (høringer) of a council: the hearing and its material, the members' remarks together (with replies,
/// "Enig" and headings), the joint response's state from drafting to filed. Every method reads the user's rights on the
/// current state (<see cref="HearingRights"/>); another council's hearing does not exist for them.
/// </summary>
public sealed class HearingService(
    IDbContextFactory<WorkspaceDbContext> dbFactory,
    CouncilAccess access,
    HearingNotifier notifier,
    TextDocumentService documents,
    HearingMail mail,
    IMeetingNotifier meetings,
    ILogger<HearingService> logger,
    TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), CopenhagenTime.Zone).DateTime);

    /// <summary>The user's rights on a hearing now (a substitute acts as a member when called in at the hearing's meeting).</summary>
    public async Task<HearingRights> RightsAsync(WorkspaceDbContext db, WorkspaceUser user, Hearing hearing, CancellationToken ct)
    {
        var council = await access.RightsInAsync(db, user, hearing.CouncilId, ct);
        if (!council.CanRead)
        {
            return HearingRights.None;
        }
        var steppingIn = false;
        if (council.CanStepIn)
        {
            var meetingId = await PrimaryMeetingAsync(db, hearing.Id, ct);
            steppingIn = meetingId is { } id && await CouncilAccess.IsSteppingInAsync(db, user, id, ct);
        }
        return new HearingRights(council, steppingIn, user.PersonId);
    }

    public async Task<HearingList> ListAsync(WorkspaceUser user, Guid councilId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rights = await access.RightsInAsync(db, user, councilId, ct);
        if (!rights.CanRead)
        {
            throw new NotFoundException();
        }
        var name = await db.Councils.Where(c => c.Id == councilId).Select(c => c.Name).SingleAsync(ct);
        var hearings = await SummariesAsync(db, db.Hearings.Where(h => h.CouncilId == councilId), ct);
        return new HearingList(councilId, name, hearings.OrderBy(h => h.Status >= HearingStatus.Sent).ThenBy(h => h.Deadline).ToList(), rights.CanManage);
    }

    /// <summary>The open hearings of every council the user reads, the nearest internal deadline first (the start page).</summary>
    public async Task<IReadOnlyList<HearingSummary>> OpenForUserAsync(WorkspaceUser user, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var councilIds = await access.ReadableCouncilIdsAsync(db, user, ct);
        var today = Today;
        var hearings = await SummariesAsync(db, db.Hearings.Where(h => councilIds.Contains(h.CouncilId)
            && (h.Status == HearingStatus.Open || h.Status == HearingStatus.Drafting) && h.RemarksDeadline >= today), ct);
        return hearings.OrderBy(h => h.RemarksDeadline).ToList();
    }

    public async Task<HearingDetails> GetAsync(WorkspaceUser user, Guid hearingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (hearing, rights) = await ReadableAsync(db, user, hearingId, ct);
        var council = await db.Councils.AsNoTracking().SingleAsync(c => c.Id == hearing.CouncilId, ct);
        var response = await ResponseTextAsync(hearing, ct);
        var used = ResponseProvenance.UsedTags(response.Text);

        var remarks = await db.HearingRemarks.AsNoTracking().Where(r => r.HearingId == hearingId)
            .OrderBy(r => r.CreatedAt)
            .Select(r => new
            {
                Remark = r,
                AuthorName = r.Author!.Name,
                Supporters = r.Supports.OrderBy(s => s.At).Select(s => new { s.PersonId, s.Person!.Name }).ToList(),
            })
            .ToListAsync(ct);
        var remarkViews = remarks.Select(r => new HearingRemarkView(r.Remark.Id, r.Remark.AuthorId, r.AuthorName, r.Remark.Organisation,
                r.Remark.Text, r.Remark.ReplyToId, r.Remark.Heading, r.Remark.CreatedAt, r.Remark.EditedAt,
                r.Supporters.Select(s => s.Name).ToList(), r.Supporters.Any(s => s.PersonId == user.PersonId),
                r.Remark.AuthorId == user.PersonId, used.Contains(ResponseProvenance.TagOf(r.Remark.Id)), r.Remark.ConcurrencyStamp))
            .ToList();

        var items = await ItemsAsync(db, hearingId, rights, ct);
        var links = await db.HearingLinks.AsNoTracking().Where(l => l.HearingId == hearingId).OrderBy(l => l.Number)
            .Select(l => new HearingLinkView(l.Id, l.Title, l.Url)).ToListAsync(ct);
        var attachments = (await db.HearingAttachments.AsNoTracking().Where(a => a.HearingId == hearingId)
            .Select(a => new HearingAttachmentView(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedAt)).ToListAsync(ct))
            .OrderBy(a => a.UploadedAt).ToList();
        var approvers = await ApproversAsync(db, hearing, ct);
        var approvedByName = hearing.ApprovedById is { } approver
            ? await db.People.Where(p => p.Id == approver).Select(p => p.Name).SingleOrDefaultAsync(ct)
            : null;

        var approved = hearing.ApprovedAt is not null;
        var can = new HearingActions(
            Remark: rights.CanRemarkOn(hearing.Status, hearing.RemarksDeadline, Today),
            Draft: rights.CanDraft && hearing.Status is HearingStatus.Open or HearingStatus.Drafting,
            EditResponse: rights.CanEditResponse(hearing.Status),
            Manage: rights.CanManage,
            ChangeMaterial: rights.CanChangeMaterial(hearing.Status),
            SendForApproval: rights.CanSendForApproval(hearing.Status),
            ReopenDraft: rights.CanReopenDraft(hearing.Status, approved),
            AnswerApproval: rights.CanAnswerApproval(hearing.Status, approved),
            GiveFinalApproval: rights.CanGiveFinalApproval(hearing.Status, approved),
            RecordMeetingApproval: rights.CanRecordMeetingApproval(hearing.Status, approved),
            MarkSent: rights.CanMarkSent(hearing.Status, approved),
            File: rights.CanFile(hearing.Status),
            AwaitsCallIn: rights.Council.CanStepIn && !rights.ActsAsMember && hearing.Status is HearingStatus.Open or HearingStatus.Drafting);

        return new HearingDetails(hearing.Id, hearing.CouncilId, council.Name, council.Municipality, hearing.Title, hearing.Sender,
            hearing.Description, hearing.Deadline, hearing.RemarksDeadline, hearing.Status, hearing.ApprovalDeadline, hearing.ApprovedAt,
            approvedByName, hearing.ApprovedAtItemId, hearing.SentOn, hearing.SentTo, hearing.FiledAt, items, links, attachments, remarkViews, approvers,
            response.Text, response.Revision, can, hearing.ConcurrencyStamp);
    }

    public async Task<Guid> CreateAsync(WorkspaceUser user, Guid councilId, HearingInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rights = await access.RightsInAsync(db, user, councilId, ct);
        rights.EnsureCanManage();
        InputRules.ThrowIfInvalid(input.Validate());
        var hearing = new Hearing
        {
            CouncilId = councilId,
            Title = input.Title.Trim(),
            Sender = input.Sender.Trim(),
            Description = InputRules.Trimmed(input.Description),
            Deadline = input.Deadline!.Value,
            RemarksDeadline = input.RemarksDeadline!.Value,
            Status = HearingStatus.Open,
            CreatedAt = clock.GetUtcNow(),
            CreatedById = user.PersonId!.Value,
        };
        if (input.AgendaItemId is { } itemId)
        {
            await EnsureItemOfCouncilAsync(db, itemId, councilId, ct);
            hearing.Items.Add(new HearingItem { AgendaItemId = itemId, IsPrimary = true });
        }
        db.Hearings.Add(hearing);
        await db.SaveAsAsync(user, ct);
        if (input.AgendaItemId is not null)
        {
            Publish(hearing.Id, user, remarks: false);
        }
        await mail.SendAsync(db, hearing.Id, HearingMailKind.Opened, ct);
        return hearing.Id;
    }

    public async Task EditAsync(WorkspaceUser user, Guid hearingId, HearingInput input, Guid concurrencyStamp, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (hearing, rights) = await ReadableAsync(db, user, hearingId, ct);
        rights.Ensure(rights.CanChangeMaterial(hearing.Status));
        InputRules.ThrowIfInvalid(input.Validate());
        db.Entry(hearing).Property(h => h.ConcurrencyStamp).OriginalValue = concurrencyStamp;
        hearing.Title = input.Title.Trim();
        hearing.Sender = input.Sender.Trim();
        hearing.Description = InputRules.Trimmed(input.Description);
        if (hearing.RemarksDeadline != input.RemarksDeadline)
        {
            hearing.RemarksReminderSentAt = null;
        }
        hearing.Deadline = input.Deadline!.Value;
        hearing.RemarksDeadline = input.RemarksDeadline!.Value;
        await db.SaveAsAsync(user, ct);
        Publish(hearing.Id, user, remarks: false);
    }

    /// <summary>Links an agenda item of the council where the hearing is discussed; the first one becomes the hearing's item.</summary>
    public async Task LinkItemAsync(WorkspaceUser user, Guid hearingId, Guid agendaItemId, bool primary, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (hearing, rights) = await ReadableAsync(db, user, hearingId, ct);
        rights.Ensure(rights.CanChangeMaterial(hearing.Status));
        await EnsureItemOfCouncilAsync(db, agendaItemId, hearing.CouncilId, ct);
        var links = await db.HearingItems.Where(i => i.HearingId == hearingId).ToListAsync(ct);
        primary = primary || links.Count == 0;
        if (primary)
        {
            links.ForEach(l => l.IsPrimary = false);
        }
        if (links.SingleOrDefault(l => l.AgendaItemId == agendaItemId) is { } existing)
        {
            existing.IsPrimary = primary || existing.IsPrimary;
        }
        else
        {
            db.HearingItems.Add(new HearingItem { HearingId = hearingId, AgendaItemId = agendaItemId, IsPrimary = primary });
        }
        await db.SaveAsAsync(user, ct);
        Publish(hearingId, user, remarks: false);
    }

    /// <summary>The council's agenda items the hearing is not linked to yet, of meetings not cancelled, the latest meetings first.</summary>
    public async Task<IReadOnlyList<LinkableItem>> LinkableItemsAsync(WorkspaceUser user, Guid hearingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (hearing, rights) = await ReadableAsync(db, user, hearingId, ct);
        rights.Ensure(rights.CanChangeMaterial(hearing.Status));
        return await CouncilItemsAsync(db, hearing.CouncilId, db.AgendaItems.Where(i => !db.HearingItems.Any(l => l.HearingId == hearingId && l.AgendaItemId == i.Id)), ct);
    }

    /// <summary>The council of an agenda item whose council the user administers; for anyone else the item does not exist.</summary>
    public async Task<Guid> CouncilOfManagedItemAsync(WorkspaceUser user, Guid itemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var councilId = await db.AgendaItems.Where(i => i.Id == itemId).Select(i => (Guid?)i.Meeting!.CouncilId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        var rights = await access.RightsInAsync(db, user, councilId, ct);
        return rights.CanManage ? councilId : throw new NotFoundException();
    }

    /// <summary>The council's agenda items a new hearing may be linked to (the administration's form), the latest meetings first.</summary>
    public async Task<IReadOnlyList<LinkableItem>> CouncilItemsAsync(WorkspaceUser user, Guid councilId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rights = await access.RightsInAsync(db, user, councilId, ct);
        rights.EnsureCanManage();
        return await CouncilItemsAsync(db, councilId, db.AgendaItems, ct);
    }

    private static async Task<IReadOnlyList<LinkableItem>> CouncilItemsAsync(WorkspaceDbContext db, Guid councilId, IQueryable<AgendaItem> items, CancellationToken ct)
    {
        var rows = await items.AsNoTracking()
            .Where(i => i.Meeting!.CouncilId == councilId && i.Meeting.Status != MeetingStatus.Cancelled)
            .Select(i => new { i.Id, i.Title, MeetingTitle = i.Meeting!.Title, i.Meeting.StartsAt, i.Number })
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.StartsAt).ThenBy(r => r.Number)
            .Select(r => new LinkableItem(r.Id, r.Title, r.MeetingTitle, r.StartsAt)).ToList();
    }

    public async Task UnlinkItemAsync(WorkspaceUser user, Guid hearingId, Guid agendaItemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (hearing, rights) = await ReadableAsync(db, user, hearingId, ct);
        rights.Ensure(rights.CanChangeMaterial(hearing.Status));
        await db.HearingItems.Where(i => i.HearingId == hearingId && i.AgendaItemId == agendaItemId).ExecuteDeleteAsync(ct);
        Publish(hearingId, user, remarks: false, formerItemId: agendaItemId);
    }

    public async Task<HearingLinkView> AddLinkAsync(WorkspaceUser user, Guid hearingId, LinkInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (hearing, rights) = await ReadableAsync(db, user, hearingId, ct);
        rights.Ensure(rights.CanChangeMaterial(hearing.Status));
        InputRules.ThrowIfInvalid(input.Validate());
        var number = await db.HearingLinks.Where(l => l.HearingId == hearingId).Select(l => (int?)l.Number).MaxAsync(ct) ?? 0;
        var link = new HearingLink { HearingId = hearingId, Title = input.Title.Trim(), Url = input.Url.Trim(), Number = number + 1 };
        db.HearingLinks.Add(link);
        await db.SaveAsAsync(user, ct);
        Publish(hearingId, user, remarks: false);
        return new HearingLinkView(link.Id, link.Title, link.Url);
    }

    public async Task RemoveLinkAsync(WorkspaceUser user, Guid linkId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var link = await db.HearingLinks.SingleOrDefaultAsync(l => l.Id == linkId, ct) ?? throw new NotFoundException();
        var (hearing, rights) = await ReadableAsync(db, user, link.HearingId, ct);
        rights.Ensure(rights.CanChangeMaterial(hearing.Status));
        db.HearingLinks.Remove(link);
        await db.SaveAsAsync(user, ct);
        Publish(hearing.Id, user, remarks: false);
    }

    public async Task<Guid> AddRemarkAsync(WorkspaceUser user, Guid hearingId, HearingRemarkInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (hearing, rights) = await ReadableAsync(db, user, hearingId, ct);
        rights.Ensure(rights.CanRemarkOn(hearing.Status, hearing.RemarksDeadline, Today));
        InputRules.ThrowIfInvalid(input.Validate());
        if (input.ReplyToId is { } replyTo && !await db.HearingRemarks.AnyAsync(r => r.Id == replyTo && r.HearingId == hearingId, ct))
        {
            throw new NotFoundException();
        }
        var remark = new HearingRemark
        {
            HearingId = hearingId,
            AuthorId = user.PersonId!.Value,
            Organisation = await OrganisationAsync(db, hearing.CouncilId, user.PersonId!.Value, ct),
            Text = input.Text.Trim(),
            ReplyToId = input.ReplyToId,
            CreatedAt = clock.GetUtcNow(),
        };
        db.HearingRemarks.Add(remark);
        await db.SaveAsAsync(user, ct);
        Publish(hearingId, user, remarks: true);
        return remark.Id;
    }

    public async Task EditRemarkAsync(WorkspaceUser user, Guid remarkId, HearingRemarkInput input, Guid concurrencyStamp, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (remark, hearing) = await OwnRemarkAsync(db, user, remarkId, ct);
        InputRules.ThrowIfInvalid(input.Validate());
        db.Entry(remark).Property(r => r.ConcurrencyStamp).OriginalValue = concurrencyStamp;
        remark.Text = input.Text.Trim();
        remark.EditedAt = clock.GetUtcNow();
        await db.SaveAsAsync(user, ct);
        Publish(hearing.Id, user, remarks: true);
    }

    public async Task DeleteRemarkAsync(WorkspaceUser user, Guid remarkId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (remark, hearing) = await OwnRemarkAsync(db, user, remarkId, ct);
        // Replies stay, as remarks of their own.
        await db.HearingRemarks.Where(r => r.ReplyToId == remarkId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ReplyToId, (Guid?)null), ct);
        db.HearingRemarks.Remove(remark);
        await db.SaveAsAsync(user, ct);
        Publish(hearing.Id, user, remarks: true);
    }

    /// <summary>"Enig": the user supports the remark, or takes the support back. One's own remark needs none.</summary>
    public async Task ToggleSupportAsync(WorkspaceUser user, Guid remarkId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var remark = await db.HearingRemarks.AsNoTracking().SingleOrDefaultAsync(r => r.Id == remarkId, ct) ?? throw new NotFoundException();
        var (hearing, rights) = await ReadableAsync(db, user, remark.HearingId, ct);
        rights.Ensure(rights.CanRemarkOn(hearing.Status, hearing.RemarksDeadline, Today) && remark.AuthorId != user.PersonId);
        var existing = await db.HearingSupports.SingleOrDefaultAsync(s => s.RemarkId == remarkId && s.PersonId == user.PersonId, ct);
        if (existing is null)
        {
            db.HearingSupports.Add(new HearingSupport { RemarkId = remarkId, PersonId = user.PersonId!.Value, At = clock.GetUtcNow() });
        }
        else
        {
            db.HearingSupports.Remove(existing);
        }
        try
        {
            await db.SaveAsAsync(user, ct);
        }
        catch (DbUpdateException) when (existing is null)
        {
            // The same support from another tab a moment before: it stands.
        }
        Publish(hearing.Id, user, remarks: true);
    }

    /// <summary>Groups a remark under a heading of the material (empty: no heading): the administration and the chair.</summary>
    public async Task SetHeadingAsync(WorkspaceUser user, Guid remarkId, string? heading, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var remark = await db.HearingRemarks.SingleOrDefaultAsync(r => r.Id == remarkId, ct) ?? throw new NotFoundException();
        var (hearing, rights) = await ReadableAsync(db, user, remark.HearingId, ct);
        rights.Ensure(rights.CanDraft && hearing.Status is not (HearingStatus.Sent or HearingStatus.Filed));
        var errors = new List<FieldError>();
        InputRules.MaxLength(errors, "Heading", heading?.Trim(), HearingRemark.MaxHeadingLength);
        InputRules.ThrowIfInvalid(errors);
        remark.Heading = InputRules.Trimmed(heading);
        await db.SaveAsAsync(user, ct);
        Publish(hearing.Id, user, remarks: true);
    }

    /// <summary>Open → drafting: the remarks are in and the response is written (remarks are still taken until the internal deadline).</summary>
    public async Task StartDraftingAsync(WorkspaceUser user, Guid hearingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (hearing, rights) = await ReadableAsync(db, user, hearingId, ct);
        rights.Ensure(rights.CanDraft && hearing.Status == HearingStatus.Open);
        hearing.Status = HearingStatus.Drafting;
        await db.SaveAsAsync(user, ct);
        Publish(hearingId, user, remarks: false);
    }

    /// <summary>Pulls remarks into the response at a position: the passage keeps the link to them (see <see cref="ResponseProvenance"/>).</summary>
    public string PassageFor(HearingDetails hearing, IReadOnlyCollection<Guid> remarkIds)
    {
        var remarks = hearing.Remarks.Where(r => remarkIds.Contains(r.Id)).ToList();
        if (remarks.Count == 0)
        {
            throw new NotFoundException();
        }
        return ResponseProvenance.Wrap(remarks.Select(r => r.Tag), string.Join(" ", remarks.Select(r => r.Text.Trim())));
    }

    /// <summary>The response's versions, newest first (who wrote what in one sitting), for whoever reads the hearing.</summary>
    public async Task<IReadOnlyList<TextVersion>> ResponseHistoryAsync(WorkspaceUser user, Guid hearingId, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await ReadableAsync(db, user, hearingId, ct);
        }
        var documentId = TextDocumentIds.ForHearingResponse(hearingId);
        var current = await documents.GetAsync(documentId, "", ct);
        var entries = await documents.HistoryAsync(documentId, beforeRevision: current.Revision + 1, take: 20_000, ct: ct);
        return TextVersions.Group(entries);
    }

    /// <summary>What one version changed in the response, read as its readers see it (the provenance markers left out).</summary>
    public async Task<TextComparison> ResponseChangeAsync(WorkspaceUser user, Guid hearingId, TextVersion version, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await ReadableAsync(db, user, hearingId, ct);
        }
        var documentId = TextDocumentIds.ForHearingResponse(hearingId);
        var before = await documents.TextAtAsync(documentId, version.RevisionBefore, ct);
        var after = await documents.TextAtAsync(documentId, version.Revision, ct);
        return new TextComparison(version.RevisionBefore, version.Revision, TextDiff.Compare(ResponseProvenance.Plain(before), ResponseProvenance.Plain(after)));
    }

    /// <summary>
    /// Makes the response what it was at <paramref name="revision"/>, as items' texts are restored (decision 014): an
    /// ordinary edit through the co-editing, so every open editor gets it and it is a version of its own. Only who may
    /// write the response now (the administration and the chair, while it is open or drafted). The provenance markers
    /// come back with the text, so the passages credit whom they credited then (decision 017), and a remark pulled in
    /// later than that version reads as not used again. Returns the new revision (the current one when the text is that already).
    /// </summary>
    public async Task<long> RestoreResponseAsync(WorkspaceUser user, Guid hearingId, long revision, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var (hearing, rights) = await ReadableAsync(db, user, hearingId, ct);
            rights.Ensure(rights.CanEditResponse(hearing.Status) && user.PersonId is not null);
        }
        var documentId = TextDocumentIds.ForHearingResponse(hearingId);
        var current = await documents.GetAsync(documentId, "", ct);
        if (revision < 0 || revision > current.Revision)
        {
            throw new InputValidationException([new FieldError("revision", "TextHistory.UnknownRevision")]);
        }
        if (await documents.TextAtAsync(documentId, revision, ct) == current.Text)
        {
            // Already that text: nothing to write, and no empty version in the history.
            return current.Revision;
        }
        var result = await documents.RestoreAsync(documentId, revision, user.PersonId!.Value, ct);
        // The page's readers see the passages and which remarks are used (the editors have the operation already).
        notifier.Publish(new HearingChange(hearingId, user.PersonId, user.Name, false));
        return result.Committed.Revision;
    }

    public async Task<HearingRights> RightsAsync(WorkspaceUser user, Guid hearingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hearing = await db.Hearings.AsNoTracking().SingleOrDefaultAsync(h => h.Id == hearingId, ct) ?? throw new NotFoundException();
        var rights = await RightsAsync(db, user, hearing, ct);
        return rights.CanRead ? rights : throw new NotFoundException();
    }

    /// <summary>The hearing's status now, with the user's rights, for every message on its response text.</summary>
    public async Task<(HearingStatus Status, HearingRights Rights)> ResponseAccessAsync(WorkspaceUser user, Guid hearingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hearing = await db.Hearings.AsNoTracking().SingleOrDefaultAsync(h => h.Id == hearingId, ct) ?? throw new NotFoundException();
        var rights = await RightsAsync(db, user, hearing, ct);
        return rights.CanRead ? (hearing.Status, rights) : throw new NotFoundException();
    }

    internal async Task<(Hearing Hearing, HearingRights Rights)> ReadableAsync(WorkspaceDbContext db, WorkspaceUser user, Guid hearingId, CancellationToken ct)
    {
        var hearing = await db.Hearings.SingleOrDefaultAsync(h => h.Id == hearingId, ct) ?? throw new NotFoundException();
        var rights = await RightsAsync(db, user, hearing, ct);
        return rights.CanRead ? (hearing, rights) : throw new NotFoundException();
    }

    /// <summary>
    /// Everyone on the hearing reads it again; a change of the hearing itself (not of its remarks) also reaches the meeting
    /// pages of the items it is discussed at, whose cards list it (and of <paramref name="formerItemId"/>, just unlinked).
    /// </summary>
    internal void Publish(Guid hearingId, WorkspaceUser user, bool remarks, Guid? formerItemId = null)
    {
        notifier.Publish(new HearingChange(hearingId, user.PersonId, user.Name, remarks));
        if (!remarks)
        {
            _ = TellMeetingsAsync(hearingId, user, formerItemId);
        }
    }

    private async Task TellMeetingsAsync(Guid hearingId, WorkspaceUser user, Guid? formerItemId)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            var items = await db.AgendaItems.AsNoTracking()
                .Where(i => i.Id == formerItemId || db.HearingItems.Any(l => l.HearingId == hearingId && l.AgendaItemId == i.Id))
                .Select(i => new { i.Id, i.MeetingId })
                .ToListAsync();
            foreach (var item in items)
            {
                // With the item: a reader who may not see it (a closed item) hears nothing (MeetingFeed).
                meetings.Publish(new MeetingChange(item.MeetingId, MeetingChangeKind.HearingsChanged, item.Id, user.PersonId, user.Name));
            }
        }
        catch (Exception ex)
        {
            // The cards show it on the meeting's next reload.
            logger.LogWarning(ex, "Could not tell the meetings of hearing {HearingId} that it changed", hearingId);
        }
    }

    internal Task<TextSnapshot> ResponseTextAsync(Hearing hearing, CancellationToken ct) =>
        ResponseTextAsync(documents, hearing.Id, hearing.FiledText, ct);

    /// <summary>The response's text: the filed copy once filed, else the co-edited text (with its provenance markers).</summary>
    internal static async Task<TextSnapshot> ResponseTextAsync(TextDocumentService documents, Guid hearingId, string? filedText, CancellationToken ct) =>
        filedText is { } filed
            ? new TextSnapshot(TextDocumentIds.ForHearingResponse(hearingId), filed, -1)
            : await documents.GetAsync(TextDocumentIds.ForHearingResponse(hearingId), "", ct);

    private static async Task<Guid?> PrimaryMeetingAsync(WorkspaceDbContext db, Guid hearingId, CancellationToken ct) =>
        await db.HearingItems.Where(i => i.HearingId == hearingId && i.IsPrimary).Select(i => (Guid?)i.AgendaItem!.MeetingId).FirstOrDefaultAsync(ct);

    private async Task<(HearingRemark Remark, Hearing Hearing)> OwnRemarkAsync(WorkspaceDbContext db, WorkspaceUser user, Guid remarkId, CancellationToken ct)
    {
        var remark = await db.HearingRemarks.SingleOrDefaultAsync(r => r.Id == remarkId, ct) ?? throw new NotFoundException();
        var (hearing, rights) = await ReadableAsync(db, user, remark.HearingId, ct);
        rights.Ensure(remark.AuthorId == user.PersonId && rights.CanRemarkOn(hearing.Status, hearing.RemarksDeadline, Today));
        return (remark, hearing);
    }

    private static async Task EnsureItemOfCouncilAsync(WorkspaceDbContext db, Guid itemId, Guid councilId, CancellationToken ct)
    {
        if (!await db.AgendaItems.AnyAsync(i => i.Id == itemId && i.Meeting!.CouncilId == councilId, ct))
        {
            throw new NotFoundException();
        }
    }

    private static async Task<string?> OrganisationAsync(WorkspaceDbContext db, Guid councilId, Guid personId, CancellationToken ct) =>
        await db.Memberships.Where(m => m.CouncilId == councilId && m.PersonId == personId && m.Kind != MembershipKind.Administration)
            .OrderBy(m => m.Kind).Select(m => m.Organisation).FirstOrDefaultAsync(ct);

    private static async Task<List<HearingSummary>> SummariesAsync(WorkspaceDbContext db, IQueryable<Hearing> query, CancellationToken ct) =>
        await query.AsNoTracking()
            .Select(h => new HearingSummary(h.Id, h.CouncilId, h.Council!.Name, h.Title, h.Sender, h.Deadline, h.RemarksDeadline, h.Status,
                h.Remarks.Count, h.SentOn, h.SentTo))
            .ToListAsync(ct);

    private static async Task<IReadOnlyList<HearingItemView>> ItemsAsync(WorkspaceDbContext db, Guid hearingId, HearingRights rights, CancellationToken ct)
    {
        var rows = await db.HearingItems.AsNoTracking().Where(i => i.HearingId == hearingId)
            .Select(i => new
            {
                i.AgendaItemId,
                i.IsPrimary,
                i.AgendaItem!.MeetingId,
                i.AgendaItem.Title,
                i.AgendaItem.IsClosed,
                MeetingTitle = i.AgendaItem.Meeting!.Title,
                i.AgendaItem.Meeting.StartsAt,
                i.AgendaItem.Meeting.Status,
            })
            .ToListAsync(ct);
        return rows
            .Where(r => (r.Status != MeetingStatus.Draft || rights.CanManage) && (!r.IsClosed || rights.Council.CanSeeClosedItems || rights.SteppingIn))
            .OrderByDescending(r => r.IsPrimary).ThenBy(r => r.StartsAt)
            .Select(r => new HearingItemView(r.AgendaItemId, r.MeetingId, r.Title, r.MeetingTitle, r.StartsAt, r.IsPrimary))
            .ToList();
    }

    internal static async Task<IReadOnlyList<HearingApprover>> ApproversAsync(WorkspaceDbContext db, Hearing hearing, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.CouncilId == hearing.CouncilId && m.Kind == MembershipKind.Member
                && (m.TermStart == null || m.TermStart <= today) && (m.TermEnd == null || m.TermEnd >= today))
            .Select(m => new { m.PersonId, m.Person!.Name, m.Organisation, m.IsChair })
            .ToListAsync(ct);
        var answers = await db.HearingApprovals.AsNoTracking().Where(a => a.HearingId == hearing.Id)
            .Select(a => new { a.PersonId, a.Person!.Name, a.Approves, a.Comment, a.At })
            .ToListAsync(ct);
        var latest = answers.GroupBy(a => a.PersonId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.At).First());
        return members.OrderByDescending(m => m.IsChair).ThenBy(m => m.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), false))
            .Select(m => new HearingApprover(m.PersonId, m.Name, m.Organisation, m.IsChair,
                latest.TryGetValue(m.PersonId, out var a) ? new HearingApprovalView(a.PersonId, a.Name, a.Approves, a.Comment, a.At) : null))
            .ToList();
    }
}
