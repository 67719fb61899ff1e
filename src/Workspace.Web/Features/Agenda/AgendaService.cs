using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Collaboration;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Meetings;

namespace Workspace.Web.Features.Agenda;

/// <summary>
/// The administration's work on the shape of an agenda: sub-items, section headings, pauses, order, grouping by kind,
/// deleting, postponing and withdrawing.
/// Moves are sent as intents ("item X up", "X onto Y") and worked out against the agenda as it is now,
/// so two secretaries reordering at once both get what they asked for.
/// </summary>
public sealed class AgendaService(
    IDbContextFactory<WorkspaceDbContext> dbFactory,
    CouncilAccess access,
    IMeetingNotifier notifier,
    TimeProvider clock)
{
    public const int ReasonMax = 1000;

    public async Task<Guid> AddSubItemAsync(WorkspaceUser user, Guid parentItemId, AgendaItemInput input, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input.Validate());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var parent = await ManagedItemAsync(db, user, parentItemId, ct);
        if (parent.Layout != AgendaItemLayout.Numbered)
        {
            throw Invalid("Agenda.HeadingsStayMain");
        }
        if (parent.ParentId is not null)
        {
            throw Invalid("Agenda.OnlyOneLevel");
        }
        var siblings = await SlotsAsync(db, parent.MeetingId, ct);
        var item = new AgendaItem
        {
            MeetingId = parent.MeetingId,
            ParentId = parent.Id,
            Number = AgendaOrder.NextNumber(siblings, parent.Id),
            Title = input.Title.Trim(),
            UpdatedAt = clock.GetUtcNow(),
        };
        await MeetingService.ApplyAsync(db, input, item, parent.Meeting!.CouncilId, ct);
        db.AgendaItems.Add(item);
        await db.SaveAsAsync(user, ct);
        Notify(parent.MeetingId, item.Id, user);
        return item.Id;
    }

    /// <summary>Adds a section heading or a pause, like a new item before the end items (næste møde, eventuelt).</summary>
    public async Task<Guid> AddEntryAsync(WorkspaceUser user, Guid meetingId, AgendaItemLayout layout, AgendaEntryInput input, CancellationToken ct = default)
    {
        if (layout == AgendaItemLayout.Numbered || !Enum.IsDefined(layout))
        {
            throw new ArgumentOutOfRangeException(nameof(layout), "Items are added with the item form.");
        }
        InputRules.ThrowIfInvalid(input.Validate());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await access.ManagedMeetingAsync(db, user, meetingId, ct);
        EnsurePlanning(meeting);
        var entry = new AgendaItem
        {
            MeetingId = meetingId,
            Layout = layout,
            Kind = layout == AgendaItemLayout.Pause ? AgendaItemKind.Break : AgendaItemKind.Information,
            Title = input.Title.Trim(),
            AllottedMinutes = layout == AgendaItemLayout.Pause ? input.AllottedMinutes : null,
            UpdatedAt = clock.GetUtcNow(),
        };
        await PlaceBeforeEndAsync(db, entry, ct);
        db.AgendaItems.Add(entry);
        await db.SaveAsAsync(user, ct);
        Notify(meetingId, entry.Id, user);
        return entry.Id;
    }

    /// <summary>
    /// What an agenda typed as text (<see cref="AgendaText"/>) would make of the meeting's agenda now: every entry with the
    /// number it will have, the new ones marked, and the lines that cannot be used. Nothing is saved.
    /// </summary>
    public async Task<AgendaTextPreview> PreviewTextAsync(WorkspaceUser user, Guid meetingId, string? text, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await access.ManagedMeetingAsync(db, user, meetingId, ct);
        var parse = AgendaText.Parse(text);
        var errors = TextErrors(meeting, parse);
        var existing = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == meetingId).ToListAsync(ct);
        var added = PlaceFromText(meetingId, existing, parse.Entries, clock.GetUtcNow());
        var newIds = added.Select(i => i.Id).ToHashSet();
        var rows = AgendaNumbering.InOrder([.. existing, .. added])
            .Select(e => new AgendaTextRow(e.Number, e.Item.Title, e.Item.Layout, e.Item.ParentId is not null, e.Item.Kind, e.Item.AllottedMinutes,
                e.Item.Presenter, newIds.Contains(e.Item.Id)))
            .ToList();
        return new(rows, errors, added.Count);
    }

    /// <summary>
    /// Adds the entries of an agenda typed as text in one save: items and their sub-items, headings and pauses, in the text's
    /// order before the end items (næste møde, eventuelt), which stay last with the standard items kept. A presenter named
    /// as a person of the council is linked to them. Refused whole, with the lines and reasons, if any line cannot be used.
    /// </summary>
    public async Task<int> AddFromTextAsync(WorkspaceUser user, Guid meetingId, string? text, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await access.ManagedMeetingAsync(db, user, meetingId, ct);
        var parse = AgendaText.Parse(text);
        var errors = TextErrors(meeting, parse);
        if (errors.Count > 0)
        {
            throw new InputValidationException([.. errors.Select(e => new FieldError(AgendaText.LineField(e.Line), e.MessageKey))]);
        }
        var existing = await db.AgendaItems.Where(i => i.MeetingId == meetingId).ToListAsync(ct);
        var added = PlaceFromText(meetingId, existing, parse.Entries, clock.GetUtcNow());
        var people = await db.Memberships.AsNoTracking().Where(m => m.CouncilId == meeting.CouncilId)
            .Select(m => new { m.PersonId, m.Person!.Name }).ToListAsync(ct);
        foreach (var item in added.Where(i => i.Presenter is not null))
        {
            item.PresenterPersonId = people.FirstOrDefault(p => string.Equals(p.Name, item.Presenter, StringComparison.CurrentCultureIgnoreCase))?.PersonId;
        }
        db.AgendaItems.AddRange(added);
        await db.SaveAsAsync(user, ct);
        Notify(meetingId, null, user);
        return added.Count;
    }

    /// <summary>The parse's errors, and headings and pauses refused on a meeting that is no longer being prepared (as their own form does).</summary>
    private static List<AgendaTextError> TextErrors(Meeting meeting, AgendaTextParse parse)
    {
        var errors = parse.Errors.ToList();
        if (parse.Entries.Count == 0 && errors.Count == 0)
        {
            errors.Add(new(0, "Agenda.Text.Empty"));
        }
        if (meeting.Status is not (MeetingStatus.Draft or MeetingStatus.Published))
        {
            errors.AddRange(parse.Entries
                .Where(e => e.Shape is AgendaLineShape.Section or AgendaLineShape.Pause && errors.All(x => x.Line != e.Line))
                .Select(e => new AgendaTextError(e.Line, "Agenda.Text.NotPlanning")));
        }
        return [.. errors.OrderBy(e => e.Line)];
    }

    /// <summary>
    /// The new entries as rows, placed like one new item after another (<see cref="PlaceBeforeEndAsync"/>): main entries before
    /// the end items, in the text's order, the existing entries renumbered around them; sub-items under the item above them.
    /// </summary>
    internal static List<AgendaItem> PlaceFromText(Guid meetingId, List<AgendaItem> existing, IReadOnlyList<AgendaTextEntry> entries, DateTimeOffset now)
    {
        var mains = existing.Where(i => i.ParentId is null).OrderBy(i => i.Number).ToList();
        var insertAt = mains.Count;
        while (insertAt > 0 && mains[insertAt - 1].Placement == AgendaItemPlacement.End)
        {
            insertAt--;
        }
        var added = new List<AgendaItem>();
        var newMains = new List<AgendaItem>();
        AgendaItem? parent = null;
        foreach (var entry in entries)
        {
            var item = new AgendaItem
            {
                MeetingId = meetingId,
                Title = entry.Title,
                Layout = entry.Shape switch
                {
                    AgendaLineShape.Section => AgendaItemLayout.Section,
                    AgendaLineShape.Pause => AgendaItemLayout.Pause,
                    _ => AgendaItemLayout.Numbered,
                },
                Kind = entry.Kind,
                AllottedMinutes = entry.AllottedMinutes,
                Presenter = entry.Presenter,
                UpdatedAt = now,
            };
            if (entry.Shape == AgendaLineShape.SubItem && parent is not null)
            {
                item.ParentId = parent.Id;
                item.Number = added.Count(i => i.ParentId == parent.Id) + 1;
            }
            else
            {
                newMains.Add(item);
                parent = entry.Shape == AgendaLineShape.Item ? item : null;
            }
            added.Add(item);
        }
        mains.InsertRange(insertAt, newMains);
        for (var index = 0; index < mains.Count; index++)
        {
            if (mains[index].Number != index + 1)
            {
                mains[index].Number = index + 1;
            }
        }
        return added;
    }

    /// <summary>Renames a section heading, or changes a pause's title and minutes; the items under a heading stay where they are.</summary>
    public async Task UpdateEntryAsync(WorkspaceUser user, Guid entryId, AgendaEntryInput input, Guid concurrencyStamp, CancellationToken ct = default)
    {
        InputRules.ThrowIfInvalid(input.Validate());
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await ManagedItemAsync(db, user, entryId, ct);
        if (entry.Layout == AgendaItemLayout.Numbered)
        {
            throw new NotFoundException();
        }
        db.Entry(entry).Property(e => e.ConcurrencyStamp).OriginalValue = concurrencyStamp;
        entry.Title = input.Title.Trim();
        entry.AllottedMinutes = entry.Layout == AgendaItemLayout.Pause ? input.AllottedMinutes : null;
        if (db.Entry(entry).Properties.Any(p => p.IsModified))
        {
            entry.UpdatedAt = clock.GetUtcNow();
        }
        await db.SaveAsAsync(user, ct);
        Notify(entry.MeetingId, entry.Id, user);
    }

    /// <summary>
    /// Puts the items under one heading per kind in one action (see <see cref="AgendaGrouping"/>); numbering runs on across
    /// the headings. The headings are the council's data, so they are named in Danish.
    /// </summary>
    public async Task GroupByKindAsync(WorkspaceUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await access.ManagedMeetingAsync(db, user, meetingId, ct);
        EnsurePlanning(meeting);
        var mains = await db.AgendaItems.Where(i => i.MeetingId == meetingId && i.ParentId == null).OrderBy(i => i.Number).ToListAsync(ct);
        var plan = AgendaGrouping.Plan(mains.Select(i => new GroupedEntry(i.Id, i.Layout, i.Placement, i.Kind, i.Title)).ToList(),
            kind => Planning.AgendaTemplates.CouncilText($"Agenda.Section.{kind}"));
        var byId = mains.ToDictionary(i => i.Id);
        var now = clock.GetUtcNow();
        for (var index = 0; index < plan.Order.Count; index++)
        {
            var place = plan.Order[index];
            if (place.NewSectionTitle is { } title)
            {
                db.AgendaItems.Add(new AgendaItem
                {
                    Id = place.Id, MeetingId = meetingId, Layout = AgendaItemLayout.Section, Title = title, Number = index + 1, UpdatedAt = now,
                });
            }
            else if (byId[place.Id].Number != index + 1)
            {
                byId[place.Id].Number = index + 1;
            }
        }
        db.AgendaItems.RemoveRange(plan.RemovedSections.Select(id => byId[id]));
        await db.SaveAsAsync(user, ct);
        Notify(meetingId, null, user);
    }

    /// <summary>
    /// The council's earlier meetings whose minutes an item can approve, the latest first; cancelled meetings have none.
    /// </summary>
    public async Task<IReadOnlyList<MeetingChoice>> MinutesChoicesAsync(WorkspaceUser user, Guid itemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await ManagedItemAsync(db, user, itemId, ct);
        return await EarlierMeetings(db, item.Meeting!)
            .Select(m => new MeetingChoice(m.Id, m.Title, m.StartsAt, m.Status))
            .ToListAsync(ct);
    }

    /// <summary>Links "godkendelse af referat" to the meeting whose minutes it approves, or unlinks it (null).</summary>
    public async Task SetApprovedMinutesAsync(WorkspaceUser user, Guid itemId, Guid? meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await ManagedItemAsync(db, user, itemId, ct);
        if (item.Layout != AgendaItemLayout.Numbered)
        {
            throw new NotFoundException();
        }
        if (meetingId is { } id && !await EarlierMeetings(db, item.Meeting!).AnyAsync(m => m.Id == id, ct))
        {
            throw new InputValidationException([new FieldError("Meeting", "Agenda.NoSuchMinutes")]);
        }
        item.ApprovesMinutesOfMeetingId = meetingId;
        item.UpdatedAt = clock.GetUtcNow();
        await db.SaveAsAsync(user, ct);
        Notify(item.MeetingId, item.Id, user);
    }

    /// <summary>The council's last meeting before this one that was held: whose minutes the next meeting approves.</summary>
    internal static Task<Guid?> PreviousHeldMeetingAsync(WorkspaceDbContext db, Guid councilId, DateTimeOffset before, CancellationToken ct) =>
        db.Meetings
            .Where(m => m.CouncilId == councilId && m.StartsAt < before && (m.Status == MeetingStatus.Held || m.Status == MeetingStatus.Closed))
            .OrderByDescending(m => m.StartsAt)
            .Select(m => (Guid?)m.Id)
            .FirstOrDefaultAsync(ct);

    /// <summary>Numbers a new main entry of a meeting so that it lands before the end items, moving them down.</summary>
    internal static async Task PlaceBeforeEndAsync(WorkspaceDbContext db, AgendaItem entry, CancellationToken ct)
    {
        var slots = await SlotsAsync(db, entry.MeetingId, ct);
        var placed = AgendaOrder.BeforeEndEntries(
            [.. slots, new AgendaSlot(entry.Id, null, AgendaOrder.NextNumber(slots, null), entry.Layout, entry.Placement == AgendaItemPlacement.End)],
            entry.Id);
        await ApplySlotsAsync(db, entry.MeetingId, placed, ct);
        entry.Number = placed.Single(s => s.Id == entry.Id).Number;
    }

    /// <summary>Whether the item has sub-items, so that a question about it names them only when they exist.</summary>
    public async Task<bool> HasSubItemsAsync(WorkspaceUser user, Guid itemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ManagedItemAsync(db, user, itemId, ct);
        return await db.AgendaItems.AnyAsync(i => i.ParentId == itemId, ct);
    }

    /// <summary>Keyboard reordering: up, down, into the item above as a sub-item, or out to a main item.</summary>
    public Task StepAsync(WorkspaceUser user, Guid itemId, AgendaDirection direction, CancellationToken ct = default) =>
        ReorderAsync(user, itemId, slots => AgendaOrder.Step(slots, itemId, direction) ?? throw Invalid("Agenda.CannotMove"), ct);

    /// <summary>Drag and drop: the item takes the place of the one it was dropped on.</summary>
    public Task MoveOntoAsync(WorkspaceUser user, Guid itemId, Guid targetItemId, CancellationToken ct = default) =>
        ReorderAsync(user, itemId, slots => slots.Any(s => s.Id == targetItemId)
            ? AgendaOrder.MoveOnto(slots, itemId, targetItemId)
            : throw new NotFoundException(), ct);

    /// <summary>"Flyt til overskrift": the item goes last under the chosen section heading, in one action.</summary>
    public Task MoveIntoSectionAsync(WorkspaceUser user, Guid itemId, Guid sectionId, CancellationToken ct = default) =>
        ReorderAsync(user, itemId, slots => AgendaOrder.IntoSection(slots, itemId, sectionId), ct);

    /// <summary>The section headings of the item's meeting in agenda order, for moving the item under one.</summary>
    public async Task<IReadOnlyList<SectionChoice>> SectionsAsync(WorkspaceUser user, Guid itemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await ManagedItemAsync(db, user, itemId, ct);
        return await db.AgendaItems.AsNoTracking()
            .Where(i => i.MeetingId == item.MeetingId && i.ParentId == null && i.Layout == AgendaItemLayout.Section)
            .OrderBy(i => i.Number)
            .Select(i => new SectionChoice(i.Id, i.Title))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Deletes an item from a meeting that has not been held. An item with remarks or attachments is kept:
    /// members' words and material are not thrown away; withdraw it instead.
    /// </summary>
    public async Task DeleteAsync(WorkspaceUser user, Guid itemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await ManagedItemAsync(db, user, itemId, ct);
        EnsurePlanning(item.Meeting!);
        var family = await db.AgendaItems.Where(i => i.Id == itemId || i.ParentId == itemId).ToListAsync(ct);
        var familyIds = family.Select(i => i.Id).ToList();
        if (await db.Remarks.AnyAsync(r => familyIds.Contains(r.AgendaItemId), ct))
        {
            throw Invalid("Agenda.DeleteHasRemarks");
        }
        if (await db.Attachments.AnyAsync(a => familyIds.Contains(a.AgendaItemId), ct))
        {
            throw Invalid("Agenda.DeleteHasAttachments");
        }

        var slots = await SlotsAsync(db, item.MeetingId, ct);
        var remaining = AgendaOrder.Remove(slots, itemId);
        await ApplySlotsAsync(db, item.MeetingId, remaining, ct);
        db.AgendaItems.RemoveRange(family);
        await db.SaveAsAsync(user, ct);
        Notify(item.MeetingId, null, user);
    }

    /// <summary>The later meetings of the council an item can be postponed to, the next one first.</summary>
    public async Task<IReadOnlyList<MeetingChoice>> PostponeTargetsAsync(WorkspaceUser user, Guid itemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await ManagedItemAsync(db, user, itemId, ct);
        return await LaterMeetings(db, item.Meeting!)
            .Select(m => new MeetingChoice(m.Id, m.Title, m.StartsAt, m.Status))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Moves an item, with its sub-items, links and attachments, to a later meeting. The item stays on this
    /// agenda marked as postponed, and the new item says where it came from, so both agendas tell the story.
    /// </summary>
    public async Task<Guid> PostponeAsync(WorkspaceUser user, Guid itemId, Guid targetMeetingId, string? note, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        InputRules.MaxLength(errors, "Note", note, ReasonMax);
        InputRules.ThrowIfInvalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await ManagedItemAsync(db, user, itemId, ct);
        EnsureOpen(item.Meeting!);
        EnsureNumbered(item);
        if (item.Status != AgendaItemStatus.Planned)
        {
            throw Invalid("Agenda.AlreadyMoved");
        }
        var target = await LaterMeetings(db, item.Meeting!).SingleOrDefaultAsync(m => m.Id == targetMeetingId, ct)
            ?? throw new InputValidationException([new FieldError("TargetMeeting", "Agenda.NoSuchTarget")]);

        var now = clock.GetUtcNow();
        var copy = CopyForPostponing(item, target.Id, null, 0, now);
        await PlaceBeforeEndAsync(db, copy, ct);
        db.AgendaItems.Add(copy);
        await MoveMaterialAsync(db, item.Id, copy.Id, ct);

        var subItems = await db.AgendaItems.Where(i => i.ParentId == item.Id).OrderBy(i => i.Number).ToListAsync(ct);
        foreach (var sub in subItems.Where(s => s.Status == AgendaItemStatus.Planned))
        {
            var subCopy = CopyForPostponing(sub, target.Id, copy.Id, sub.Number, now);
            db.AgendaItems.Add(subCopy);
            await MoveMaterialAsync(db, sub.Id, subCopy.Id, ct);
            MarkPostponed(sub, target.Id, null, now);
        }
        MarkPostponed(item, target.Id, InputRules.Trimmed(note), now);

        await db.SaveAsAsync(user, ct);
        Notify(item.MeetingId, item.Id, user);
        Notify(target.Id, copy.Id, user);
        return copy.Id;
    }

    /// <summary>The item stays on the agenda, struck through, as "udgår" with the reason.</summary>
    public async Task WithdrawAsync(WorkspaceUser user, Guid itemId, string? reason, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        InputRules.Required(errors, "Reason", reason);
        InputRules.MaxLength(errors, "Reason", reason, ReasonMax);
        InputRules.ThrowIfInvalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await ManagedItemAsync(db, user, itemId, ct);
        EnsureOpen(item.Meeting!);
        EnsureNumbered(item);
        if (item.Status != AgendaItemStatus.Planned)
        {
            throw Invalid("Agenda.AlreadyMoved");
        }
        item.Status = AgendaItemStatus.Withdrawn;
        item.StatusNote = reason!.Trim();
        item.UpdatedAt = clock.GetUtcNow();
        await db.SaveAsAsync(user, ct);
        Notify(item.MeetingId, item.Id, user);
    }

    /// <summary>Takes a withdrawn item back onto the agenda.</summary>
    public async Task ReinstateAsync(WorkspaceUser user, Guid itemId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await ManagedItemAsync(db, user, itemId, ct);
        EnsureOpen(item.Meeting!);
        if (item.Status != AgendaItemStatus.Withdrawn)
        {
            throw Invalid("Agenda.NotWithdrawn");
        }
        item.Status = AgendaItemStatus.Planned;
        item.StatusNote = null;
        item.UpdatedAt = clock.GetUtcNow();
        await db.SaveAsAsync(user, ct);
        Notify(item.MeetingId, item.Id, user);
    }

    /// <summary>People of the council who can present an item, for the presenter field.</summary>
    public async Task<IReadOnlyList<PresenterChoice>> PresenterChoicesAsync(WorkspaceUser user, Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await access.ManagedMeetingAsync(db, user, meetingId, ct);
        var people = await db.Memberships.AsNoTracking()
            .Where(m => m.CouncilId == meeting.CouncilId)
            .Select(m => new PresenterChoice(m.PersonId, m.Person!.Name, m.Organisation ?? m.Title))
            .ToListAsync(ct);
        return people.DistinctBy(p => p.PersonId).OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();
    }

    private async Task ReorderAsync(WorkspaceUser user, Guid itemId, Func<IReadOnlyList<AgendaSlot>, IReadOnlyList<AgendaSlot>> reorder, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await ManagedItemAsync(db, user, itemId, ct);
        EnsurePlanning(item.Meeting!);
        IReadOnlyList<AgendaSlot> slots;
        try
        {
            slots = reorder(await SlotsAsync(db, item.MeetingId, ct));
        }
        catch (AgendaOrderException ex)
        {
            throw Invalid(ex.MessageKey);
        }
        await ApplySlotsAsync(db, item.MeetingId, slots, ct);
        item.UpdatedAt = clock.GetUtcNow();
        await db.SaveAsAsync(user, ct);
        Notify(item.MeetingId, item.Id, user);
    }

    private async Task<AgendaItem> ManagedItemAsync(WorkspaceDbContext db, WorkspaceUser user, Guid itemId, CancellationToken ct)
    {
        var item = await db.AgendaItems.SingleOrDefaultAsync(i => i.Id == itemId, ct) ?? throw new NotFoundException();
        item.Meeting = await access.ManagedMeetingAsync(db, user, item.MeetingId, ct);
        return item;
    }

    private static Task<List<AgendaSlot>> SlotsAsync(WorkspaceDbContext db, Guid meetingId, CancellationToken ct) =>
        db.AgendaItems.Where(i => i.MeetingId == meetingId)
            .Select(i => new AgendaSlot(i.Id, i.ParentId, i.Number, i.Layout, i.Placement == AgendaItemPlacement.End))
            .ToListAsync(ct);

    private static async Task ApplySlotsAsync(WorkspaceDbContext db, Guid meetingId, IReadOnlyList<AgendaSlot> slots, CancellationToken ct)
    {
        var byId = slots.ToDictionary(s => s.Id);
        foreach (var item in await db.AgendaItems.Where(i => i.MeetingId == meetingId).ToListAsync(ct))
        {
            if (byId.TryGetValue(item.Id, out var slot) && (item.ParentId != slot.ParentId || item.Number != slot.Number))
            {
                item.ParentId = slot.ParentId;
                item.Number = slot.Number;
            }
        }
    }

    private static IQueryable<Meeting> LaterMeetings(WorkspaceDbContext db, Meeting meeting) =>
        db.Meetings
            .Where(m => m.CouncilId == meeting.CouncilId && m.Id != meeting.Id && m.StartsAt > meeting.StartsAt)
            .Where(m => m.Status == MeetingStatus.Draft || m.Status == MeetingStatus.Published)
            .OrderBy(m => m.StartsAt);

    private static IQueryable<Meeting> EarlierMeetings(WorkspaceDbContext db, Meeting meeting) =>
        db.Meetings
            .Where(m => m.CouncilId == meeting.CouncilId && m.Id != meeting.Id && m.StartsAt < meeting.StartsAt && m.Status != MeetingStatus.Cancelled)
            .OrderByDescending(m => m.StartsAt);

    private static AgendaItem CopyForPostponing(AgendaItem source, Guid meetingId, Guid? parentId, int number, DateTimeOffset now) => new()
    {
        MeetingId = meetingId,
        ParentId = parentId,
        Number = number,
        Title = source.Title,
        Presenter = source.Presenter,
        PresenterPersonId = source.PresenterPersonId,
        AllottedMinutes = source.AllottedMinutes,
        Kind = source.Kind,
        Background = source.Background,
        IsClosed = source.IsClosed,
        PostponedFromItemId = source.Id,
        UpdatedAt = now,
    };

    private static void MarkPostponed(AgendaItem item, Guid targetMeetingId, string? note, DateTimeOffset now)
    {
        item.Status = AgendaItemStatus.Postponed;
        item.PostponedToMeetingId = targetMeetingId;
        item.StatusNote = note;
        item.UpdatedAt = now;
    }

    private static async Task MoveMaterialAsync(WorkspaceDbContext db, Guid fromItemId, Guid toItemId, CancellationToken ct)
    {
        foreach (var link in await db.ItemLinks.Where(l => l.AgendaItemId == fromItemId).ToListAsync(ct))
        {
            link.AgendaItemId = toItemId;
        }
        foreach (var attachment in await db.Attachments.Where(a => a.AgendaItemId == fromItemId).ToListAsync(ct))
        {
            attachment.AgendaItemId = toItemId;
        }
    }

    /// <summary>Order and deletion belong to preparation; once a meeting is held its agenda is the record.</summary>
    private static void EnsurePlanning(Meeting meeting)
    {
        if (meeting.Status is not (MeetingStatus.Draft or MeetingStatus.Published))
        {
            throw Invalid("Agenda.NotPlanning");
        }
    }

    /// <summary>Postponing and withdrawing also happen at the meeting itself, but not after it is closed.</summary>
    private static void EnsureOpen(Meeting meeting)
    {
        if (meeting.Status is MeetingStatus.Closed or MeetingStatus.Cancelled)
        {
            throw Invalid("Agenda.MeetingClosed");
        }
    }

    /// <summary>A section heading or a pause is never postponed or withdrawn: it is moved or deleted.</summary>
    private static void EnsureNumbered(AgendaItem item)
    {
        if (item.Layout != AgendaItemLayout.Numbered)
        {
            throw Invalid("Agenda.HeadingNotPostponed");
        }
    }

    private static InputValidationException Invalid(string key) => new([new FieldError("Agenda", key)]);

    private void Notify(Guid meetingId, Guid? itemId, WorkspaceUser user) =>
        notifier.Publish(new MeetingChange(meetingId, MeetingChangeKind.AgendaChanged, itemId, user.PersonId, user.Name));
}

/// <summary>One entry of the agenda as a typed agenda would make it: its number as shown ("" for headings and pauses).</summary>
public sealed record AgendaTextRow(string Number, string Title, AgendaItemLayout Layout, bool IsSubItem, AgendaItemKind Kind, int? AllottedMinutes,
    string? Presenter, bool IsNew);

/// <summary>The agenda with the typed entries placed, the lines that cannot be used, and how many entries would be added.</summary>
public sealed record AgendaTextPreview(IReadOnlyList<AgendaTextRow> Rows, IReadOnlyList<AgendaTextError> Errors, int NewCount);

public sealed record MeetingChoice(Guid Id, string Title, DateTimeOffset StartsAt, MeetingStatus Status);

public sealed record SectionChoice(Guid Id, string Title);

public sealed record PresenterChoice(Guid PersonId, string Name, string? Organisation);
