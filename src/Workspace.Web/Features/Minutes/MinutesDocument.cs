using Workspace.Data.Entities;

namespace Workspace.Web.Features.Minutes;

/// <summary>
/// Minutes (referat) in the shape councils publish them: header, attendance in groups, the agenda by section with
/// each item's presenter, decision, minutes text, remarks and follow-ups, then the meeting notes and the next meeting.
/// Stored as JSON in a <see cref="MinutesVersion"/> once approved; built fresh from the meeting while a draft.
/// </summary>
public sealed record MinutesDocument(
    Guid MeetingId,
    string Municipality,
    string CouncilName,
    string MeetingTitle,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? Place,
    string? OnlineLink,
    MinutesAttendance Attendance,
    IReadOnlyList<MinutesEntry> Entries,
    string? Notes,
    MinutesNextMeeting? NextMeeting)
{
    /// <summary>Placeholder title of a closed item wherever the item itself may not be shown.</summary>
    public const string ClosedItemTitle = "Lukket punkt";

    /// <summary>
    /// What a reader without access to closed items gets (the public, a substitute not stepping in): every closed item is
    /// a "Lukket punkt" line that keeps the numbering, with nothing of its title, texts, remarks, follow-ups or files.
    /// </summary>
    public MinutesDocument WithoutClosedItems() => this with
    {
        Entries = Entries.Select(e => e.IsClosed ? e.AsPlaceholder() : e).ToList(),
    };

    /// <summary>The closed items alone, for the annex that only the council gets.</summary>
    public IReadOnlyList<MinutesEntry> ClosedItems => Entries.Where(e => e.IsClosed).ToList();
}

public sealed record MinutesPerson(string Name, string? Organisation);

public sealed record MinutesSubstitute(string Name, string? Organisation, string ForMember);

public sealed record MinutesAttendance(
    IReadOnlyList<MinutesPerson> Members,
    IReadOnlyList<MinutesSubstitute> Substitutes,
    IReadOnlyList<MinutesPerson> Administration,
    IReadOnlyList<string> Guests,
    IReadOnlyList<MinutesPerson> Apologies,
    IReadOnlyList<MinutesPerson> AbsentWithoutNotice,
    string? MinuteTaker);

public sealed record MinutesFollowUp(string Text, string Owner, string Due);

public sealed record MinutesEntry(
    Guid ItemId,
    string Number,
    AgendaItemLayout Layout,
    bool IsSubItem,
    string Title,
    bool IsClosed,
    AgendaItemStatus Status,
    string? StatusNote,
    string? Presenter,
    string? Decision,
    string? MinutesText,
    IReadOnlyList<string> Remarks,
    IReadOnlyList<MinutesFollowUp> FollowUps,
    IReadOnlyList<string> Attachments)
{
    public MinutesEntry AsPlaceholder() => this with
    {
        Title = MinutesDocument.ClosedItemTitle,
        StatusNote = null,
        Presenter = null,
        Decision = null,
        MinutesText = null,
        Remarks = [],
        FollowUps = [],
        Attachments = [],
    };
}

public sealed record MinutesNextMeeting(DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Place, string? OnlineLink);
