using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Features.Meetings;

namespace Workspace.Web.Features.Minutes;

/// <summary>
/// Builds the minutes of a meeting from what the meeting holds. Nothing the secretary writes lives here: decisions and
/// minutes texts are the items' co-edited texts, so generating again only picks up the newest state and loses nothing.
/// Callers check rights; the document holds closed items, to be removed with <see cref="MinutesDocument.WithoutClosedItems"/>.
/// </summary>
public sealed class MinutesGenerator
{
    // Minutes are a Danish document, stored once approved: their fixed words do not follow the reader's UI language.
    public const string AdministrationOwner = "Forvaltningen";
    public const string DueNextMeeting = "Næste møde";

    public async Task<MinutesDocument> GenerateAsync(WorkspaceDbContext db, Guid meetingId, CancellationToken ct = default)
    {
        var meeting = await db.Meetings.AsNoTracking().Include(m => m.Council).Include(m => m.MinuteTaker)
            .SingleAsync(m => m.Id == meetingId, ct);
        var items = await db.AgendaItems.AsNoTracking().Where(i => i.MeetingId == meetingId).ToListAsync(ct);
        var itemIds = items.Select(i => i.Id).ToList();
        var textIds = items.SelectMany(i => new[] { TextDocumentIds.ForItem(i.Id, ItemText.Decision), TextDocumentIds.ForItem(i.Id, ItemText.Minutes) }).ToList();
        // The co-edited text is the newest; the item's field follows it a moment later (ItemFieldSync).
        var texts = await db.TextDocuments.AsNoTracking().Where(t => textIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Text, ct);
        var remarks = (await db.Remarks.AsNoTracking().Where(r => itemIds.Contains(r.AgendaItemId))
                .Select(r => new { r.AgendaItemId, r.Text, r.CreatedAt }).ToListAsync(ct))
            .OrderBy(r => r.CreatedAt).ToLookup(r => r.AgendaItemId, r => r.Text);
        var followUps = (await db.FollowUps.AsNoTracking().Where(f => f.AgendaItemId != null && itemIds.Contains(f.AgendaItemId.Value))
                .Select(f => new { f.AgendaItemId, f.Text, f.OwnerKind, OwnerPerson = f.OwnerPerson!.Name, f.OwnerName, f.DueKind, f.DueDate, f.CreatedAt })
                .ToListAsync(ct))
            .OrderBy(f => f.CreatedAt)
            .ToLookup(f => f.AgendaItemId!.Value, f => new MinutesFollowUp(
                f.Text,
                f.OwnerKind switch
                {
                    FollowUpOwnerKind.Administration => AdministrationOwner,
                    FollowUpOwnerKind.Person => f.OwnerPerson ?? "",
                    _ => f.OwnerName ?? "",
                },
                f.DueKind == FollowUpDueKind.NextMeeting ? DueNextMeeting
                    : f.DueDate?.ToString("d. MMMM yyyy", CultureInfo.GetCultureInfo("da-DK")) ?? ""));
        var attachments = (await db.Attachments.AsNoTracking().Where(a => itemIds.Contains(a.AgendaItemId))
                .Select(a => new { a.AgendaItemId, a.FileName, a.UploadedAt }).ToListAsync(ct))
            .OrderBy(a => a.UploadedAt).ToLookup(a => a.AgendaItemId, a => a.FileName);

        string? Text(AgendaItem item, ItemText text, string? field) =>
            NullIfBlank(texts.TryGetValue(TextDocumentIds.ForItem(item.Id, text), out var coEdited) ? coEdited : field);

        var entries = AgendaNumbering.InOrder(items).Select(n => new MinutesEntry(
            n.Item.Id,
            n.Number,
            n.Item.Layout,
            n.Item.ParentId is not null,
            n.Item.Title,
            n.Item.IsClosed,
            n.Item.Status,
            NullIfBlank(n.Item.StatusNote),
            NullIfBlank(n.Item.Presenter),
            Text(n.Item, ItemText.Decision, n.Item.Decision),
            Text(n.Item, ItemText.Minutes, n.Item.Minutes),
            remarks[n.Item.Id].ToList(),
            followUps[n.Item.Id].ToList(),
            attachments[n.Item.Id].ToList())).ToList();

        return new MinutesDocument(
            meeting.Id,
            meeting.Council!.Municipality,
            meeting.Council.Name,
            meeting.Title,
            meeting.StartsAt,
            meeting.EndsAt,
            NullIfBlank(meeting.Place),
            NullIfBlank(meeting.OnlineLink),
            await AttendanceAsync(db, meeting, ct),
            entries,
            NullIfBlank(meeting.Notes),
            await NextMeetingAsync(db, meeting, ct));
    }

    private static async Task<MinutesAttendance> AttendanceAsync(WorkspaceDbContext db, Meeting meeting, CancellationToken ct)
    {
        var rows = await db.Attendances.AsNoTracking().Where(a => a.MeetingId == meeting.Id)
            .Select(a => new { a.PersonId, Name = a.Person != null ? a.Person.Name : a.GuestName, a.Role, a.Presence })
            .ToListAsync(ct);
        var seats = await db.Memberships.AsNoTracking().Where(m => m.CouncilId == meeting.CouncilId)
            .Select(m => new { m.PersonId, m.Kind, m.Organisation, m.Title })
            .ToListAsync(ct);
        var calls = await db.SubstituteCalls.AsNoTracking()
            .Where(c => c.MeetingId == meeting.Id && c.Status == SubstituteCallStatus.Confirmed)
            .Select(c => new { c.SubstituteId, ForMember = c.ForMember!.Name })
            .ToListAsync(ct);

        string? OrganisationOf(Guid? personId, MembershipKind kind)
        {
            var seat = seats.FirstOrDefault(s => s.PersonId == personId && s.Kind == kind);
            return kind == MembershipKind.Administration ? seat?.Title : seat?.Organisation;
        }
        MinutesPerson Person(Guid? personId, string? name, MembershipKind kind) => new(name ?? "", OrganisationOf(personId, kind));
        var members = rows.Where(r => r.Role == AttendanceRole.Member).OrderBy(r => r.Name, StringComparer.Create(CultureInfo.GetCultureInfo("da-DK"), false)).ToList();
        var substitutes = rows.Where(r => r.Role == AttendanceRole.Substitute && r.Presence == PresenceStatus.Present).ToList();

        return new MinutesAttendance(
            members.Where(r => r.Presence == PresenceStatus.Present).Select(r => Person(r.PersonId, r.Name, MembershipKind.Member)).ToList(),
            substitutes.Select(r => new MinutesSubstitute(r.Name ?? "", OrganisationOf(r.PersonId, MembershipKind.Substitute),
                calls.FirstOrDefault(c => c.SubstituteId == r.PersonId)?.ForMember ?? "")).ToList(),
            rows.Where(r => r.Role == AttendanceRole.Administration && r.Presence == PresenceStatus.Present)
                .Select(r => Person(r.PersonId, r.Name, MembershipKind.Administration)).ToList(),
            rows.Where(r => r.Role == AttendanceRole.Guest && r.Presence != PresenceStatus.Apologies).Select(r => r.Name ?? "").ToList(),
            rows.Where(r => r.Role is AttendanceRole.Member or AttendanceRole.Substitute && r.Presence == PresenceStatus.Apologies)
                .Select(r => Person(r.PersonId, r.Name, MembershipKind.Member)).ToList(),
            rows.Where(r => r.Role is AttendanceRole.Member or AttendanceRole.Substitute && r.Presence == PresenceStatus.AbsentWithoutNotice)
                .Select(r => Person(r.PersonId, r.Name, MembershipKind.Member)).ToList(),
            meeting.MinuteTaker?.Name);
    }

    private static async Task<MinutesNextMeeting?> NextMeetingAsync(WorkspaceDbContext db, Meeting meeting, CancellationToken ct)
    {
        var next = await db.Meetings.AsNoTracking()
            .Where(m => m.CouncilId == meeting.CouncilId && m.StartsAt > meeting.StartsAt
                && m.Status != MeetingStatus.Draft && m.Status != MeetingStatus.Cancelled)
            .OrderBy(m => m.StartsAt)
            .Select(m => new MinutesNextMeeting(m.StartsAt, m.EndsAt, m.Place, m.OnlineLink))
            .FirstOrDefaultAsync(ct);
        return next;
    }

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
