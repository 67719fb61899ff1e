using System.Text;
using System.Xml;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Hearings;

namespace Workspace.Web.Features.Minutes;

public sealed record PublicCouncil(Guid Id, string Name, string Municipality);

public sealed record PublicMeeting(Guid Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, MeetingStatus Status, bool HasApprovedMinutes, DateTimeOffset? MinutesApprovedAt);

/// <summary>A hearing response the council has sent (status sent or filed): what the public may know of the hearing.</summary>
public sealed record PublicHearing(Guid Id, string Title, string Sender, DateOnly SentOn, string? SentTo);

public sealed record PublicCouncilMeetings(PublicCouncil Council, IReadOnlyList<PublicMeeting> Meetings, IReadOnlyList<PublicHearing> Hearings);

/// <summary>A sent response as published: the final text without the provenance markers (decision 017), nothing else.</summary>
public sealed record PublicHearingResponse(PublicCouncil Council, PublicHearing Hearing, string ResponseMarkdown);

public sealed record PublicAgenda(PublicCouncil Council, PublicMeeting Meeting, string? Place, IReadOnlyList<MinutesEntry> Entries);

/// <summary>
/// What anyone may read without signing in: councils, their published agendas and approved minutes, the hearing responses
/// they sent, a feed and a calendar. Drafts (meetings, minutes and hearing responses), comments, remarks and closed items
/// never leave here: a closed item is "Lukket punkt" and nothing else.
/// </summary>
public sealed class PublicMinutesService(IDbContextFactory<WorkspaceDbContext> dbFactory, MinutesGenerator generator, TextDocumentService documents)
{
    // Only a response the council has sent is public; before that it is a draft, however far along.
    private static readonly HearingStatus[] SentStatuses = [HearingStatus.Sent, HearingStatus.Filed];

    // A published meeting: once published, it stays public (also when held, closed or cancelled).
    private static readonly MeetingStatus[] PublicStatuses = [MeetingStatus.Published, MeetingStatus.InProgress, MeetingStatus.Held, MeetingStatus.Closed, MeetingStatus.Cancelled];

    public async Task<IReadOnlyList<PublicCouncil>> CouncilsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await db.Councils.AsNoTracking().Select(c => new PublicCouncil(c.Id, c.Name, c.Municipality)).ToListAsync(ct))
            .OrderBy(c => c.Municipality).ThenBy(c => c.Name).ToList();
    }

    public async Task<PublicCouncilMeetings?> CouncilAsync(Guid councilId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var council = await db.Councils.AsNoTracking().Where(c => c.Id == councilId).Select(c => new PublicCouncil(c.Id, c.Name, c.Municipality)).SingleOrDefaultAsync(ct);
        return council is null ? null : new PublicCouncilMeetings(council, await MeetingsAsync(db, councilId, ct), await HearingsAsync(db, councilId, ct));
    }

    /// <summary>A sent hearing response: the final text (the filed copy, or the response as it was sent), without who wrote which passage.</summary>
    public async Task<PublicHearingResponse?> HearingAsync(Guid hearingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hearing = await db.Hearings.AsNoTracking()
            .Where(h => h.Id == hearingId && SentStatuses.Contains(h.Status) && h.SentOn != null)
            .Select(h => new { h.Id, h.CouncilId, h.Title, h.Sender, h.SentOn, h.SentTo, h.FiledText, Council = new PublicCouncil(h.Council!.Id, h.Council.Name, h.Council.Municipality) })
            .SingleOrDefaultAsync(ct);
        if (hearing is null)
        {
            return null;
        }
        // Sent: the response can no longer be edited, so the co-edited text is the one that was sent.
        var text = (await HearingService.ResponseTextAsync(documents, hearing.Id, hearing.FiledText, ct)).Text;
        return new PublicHearingResponse(hearing.Council, new PublicHearing(hearing.Id, hearing.Title, hearing.Sender, hearing.SentOn!.Value, hearing.SentTo),
            ResponseProvenance.Plain(text).Trim());
    }

    private static async Task<List<PublicHearing>> HearingsAsync(WorkspaceDbContext db, Guid councilId, CancellationToken ct) =>
        (await db.Hearings.AsNoTracking()
            .Where(h => h.CouncilId == councilId && SentStatuses.Contains(h.Status) && h.SentOn != null)
            .Select(h => new PublicHearing(h.Id, h.Title, h.Sender, h.SentOn!.Value, h.SentTo))
            .ToListAsync(ct))
        .OrderByDescending(h => h.SentOn).ThenBy(h => h.Title, StringComparer.Ordinal)
        .ToList();

    public async Task<PublicAgenda?> AgendaAsync(Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var meeting = await PublicMeetingAsync(db, meetingId, ct);
        if (meeting is null)
        {
            return null;
        }
        var document = (await generator.GenerateAsync(db, meetingId, ct)).WithoutClosedItems();
        // The agenda only: decisions, minutes texts, remarks and follow-ups are public once the minutes are approved.
        var entries = document.Entries.Select(e => e with { Decision = null, MinutesText = null, Remarks = [], FollowUps = [], Attachments = [] }).ToList();
        var council = new PublicCouncil(meeting.Value.CouncilId, document.CouncilName, document.Municipality);
        return new PublicAgenda(council, meeting.Value.Meeting, document.Place, entries);
    }

    /// <summary>The newest approved version, without closed items; null for a draft, circulated or unknown meeting.</summary>
    public async Task<MinutesDocument?> MinutesAsync(Guid meetingId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await PublicMeetingAsync(db, meetingId, ct) is null)
        {
            return null;
        }
        var json = await db.Set<MeetingMinutes>().AsNoTracking()
            .Where(m => m.MeetingId == meetingId && m.Status == MinutesStatus.Approved)
            .SelectMany(m => m.Versions)
            .OrderByDescending(v => v.Number)
            .Select(v => v.DocumentJson)
            .FirstOrDefaultAsync(ct);
        return json is null ? null : MinutesService.Deserialize(json).WithoutClosedItems();
    }

    /// <summary>Atom: a council's published agendas, approved minutes and sent hearing responses, newest first.</summary>
    public async Task<string?> FeedAsync(Guid councilId, string origin, CancellationToken ct = default)
    {
        var page = await CouncilAsync(councilId, ct);
        if (page is null)
        {
            return null;
        }
        var entries = page.Meetings.Select(m => (Title: $"Dagsorden: {m.Title} {m.StartsAt:yyyy-MM-dd}", Url: $"{origin}/public/meetings/{m.Id}/agenda", Id: $"urn:uuid:{m.Id}", Updated: m.StartsAt))
            .Concat(page.Meetings.Where(m => m.HasApprovedMinutes)
                .Select(m => (Title: $"Referat: {m.Title} {m.StartsAt:yyyy-MM-dd}", Url: $"{origin}/public/meetings/{m.Id}/minutes", Id: $"urn:uuid:{m.Id}:minutes", Updated: m.MinutesApprovedAt ?? m.EndsAt)))
            .Concat(page.Hearings
                .Select(h => (Title: $"Høringssvar: {h.Title} {h.SentOn:yyyy-MM-dd}", Url: $"{origin}/public/hearings/{h.Id}", Id: $"urn:uuid:{h.Id}:response", Updated: SentAt(h.SentOn))))
            .OrderByDescending(e => e.Updated)
            .ToList();
        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            const string Atom = "http://www.w3.org/2005/Atom";
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("title", Atom, $"{page.Council.Name}, {page.Council.Municipality}");
            xml.WriteElementString("id", Atom, $"urn:uuid:{page.Council.Id}");
            xml.WriteElementString("updated", Atom, (entries.FirstOrDefault().Updated == default ? DateTimeOffset.UnixEpoch : entries[0].Updated).ToString("o"));
            xml.WriteStartElement("link", Atom);
            xml.WriteAttributeString("href", $"{origin}/public/councils/{page.Council.Id}");
            xml.WriteEndElement();
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, page.Council.Municipality);
            xml.WriteEndElement();
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("title", Atom, entry.Title);
                xml.WriteElementString("id", Atom, entry.Id);
                xml.WriteElementString("updated", Atom, entry.Updated.ToString("o"));
                xml.WriteStartElement("link", Atom);
                xml.WriteAttributeString("href", entry.Url);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"");
    }

    // A response is sent on a day; noon in Copenhagen places it on that day in every reader's feed.
    private static DateTimeOffset SentAt(DateOnly day)
    {
        var noon = day.ToDateTime(new TimeOnly(12, 0));
        return new DateTimeOffset(noon, CopenhagenTime.Zone.GetUtcOffset(noon));
    }

    /// <summary>The council's published meetings as iCalendar (Ical.Net), the same UIDs as the members' calendars.</summary>
    public async Task<string?> CalendarAsync(Guid councilId, CancellationToken ct = default)
    {
        var page = await CouncilAsync(councilId, ct);
        if (page is null)
        {
            return null;
        }
        var calendar = new Ical.Net.Calendar { ProductId = "-//Rådsrum//Offentlig kalender//DA" };
        foreach (var meeting in page.Meetings)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = meeting.Id.ToString("D") + "@radsrum",
                Summary = $"{meeting.Title} ({page.Council.Name})",
                Start = new CalDateTime(meeting.StartsAt.UtcDateTime, CalDateTime.UtcTzId),
                End = new CalDateTime(meeting.EndsAt.UtcDateTime, CalDateTime.UtcTzId),
                Status = meeting.Status == MeetingStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static async Task<List<PublicMeeting>> MeetingsAsync(WorkspaceDbContext db, Guid councilId, CancellationToken ct)
    {
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.CouncilId == councilId && PublicStatuses.Contains(m.Status))
            .Select(m => new { m.Id, m.Title, m.StartsAt, m.EndsAt, m.Status })
            .ToListAsync(ct);
        var ids = meetings.Select(m => m.Id).ToList();
        var approved = await db.Set<MeetingMinutes>().AsNoTracking()
            .Where(m => ids.Contains(m.MeetingId) && m.Status == MinutesStatus.Approved)
            .ToDictionaryAsync(m => m.MeetingId, m => m.ApprovedAt, ct);
        return meetings
            .Select(m => new PublicMeeting(m.Id, m.Title, m.StartsAt, m.EndsAt, m.Status, approved.ContainsKey(m.Id), approved.GetValueOrDefault(m.Id)))
            .OrderByDescending(m => m.StartsAt)
            .ToList();
    }

    private static async Task<(PublicMeeting Meeting, Guid CouncilId)?> PublicMeetingAsync(WorkspaceDbContext db, Guid meetingId, CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().Where(m => m.Id == meetingId && PublicStatuses.Contains(m.Status))
            .Select(m => new { m.Id, m.CouncilId, m.Title, m.StartsAt, m.EndsAt, m.Status }).SingleOrDefaultAsync(ct);
        if (meeting is null)
        {
            return null;
        }
        var approvedAt = await db.Set<MeetingMinutes>().Where(m => m.MeetingId == meetingId && m.Status == MinutesStatus.Approved)
            .Select(m => new { m.ApprovedAt }).SingleOrDefaultAsync(ct);
        return (new PublicMeeting(meeting.Id, meeting.Title, meeting.StartsAt, meeting.EndsAt, meeting.Status, approvedAt is not null, approvedAt?.ApprovedAt), meeting.CouncilId);
    }
}
