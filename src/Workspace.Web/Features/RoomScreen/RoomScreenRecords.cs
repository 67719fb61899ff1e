using Workspace.Data.Entities;
using Workspace.Web.Features.Running;

namespace Workspace.Web.Features.RoomScreen;

/// <summary>Who looks at a room screen, decided on the current state: a person by their rights, a display by its link.</summary>
public sealed record ScreenAudience(ScreenAccess Access, bool ShowClosedItems = false, DateTimeOffset? ExpiresAt = null)
{
    public static ScreenAudience NotFound { get; } = new(ScreenAccess.NotFound);
    public static ScreenAudience LinkInvalid { get; } = new(ScreenAccess.LinkInvalid);
    public static ScreenAudience SignIn { get; } = new(ScreenAccess.SignIn);

    public bool IsAllowed => Access == ScreenAccess.Allowed;
}

public enum ScreenAccess
{
    Allowed,
    /// <summary>A person who may not read the meeting (another council's member): as if it did not exist.</summary>
    NotFound,
    /// <summary>A display whose link is revoked, expired, or for another meeting.</summary>
    LinkInvalid,
    SignIn,
}

/// <summary>The room screen's meeting: heading, the agenda overview and the current item, as its audience may see them.</summary>
public sealed record RoomScreenView(
    Guid MeetingId,
    string CouncilName,
    string Title,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    string? Place,
    MeetingStatus Status,
    IReadOnlyList<ScreenAgendaEntry> Agenda,
    ScreenItem? Current)
{
    public bool IsOver => Status is MeetingStatus.Held or MeetingStatus.Closed;
}

/// <summary>One line of the agenda overview; <see cref="Title"/> is null for a closed item the audience may not see.</summary>
public sealed record ScreenAgendaEntry(Guid Id, string Number, string? Title, AgendaItemLayout Layout, AgendaItemStatus Status, int? AllottedMinutes,
    AgendaItemKind Kind);

/// <summary>
/// The item the chair is at. A closed item the audience may not see keeps only its number (<see cref="Hidden"/>): no
/// title, presenter, texts or remarks. <see cref="Timer"/> is null only for a moment at a move, while the item is read.
/// </summary>
public sealed record ScreenItem(
    Guid Id,
    string Number,
    string? Title,
    AgendaItemLayout Layout,
    AgendaItemKind Kind,
    string? Presenter,
    ItemTimer? Timer,
    string? Background,
    string? Decision,
    IReadOnlyList<ScreenRemark> Remarks)
{
    public bool Hidden => Title is null;

    /// <summary>The item the chair moved to, as the agenda the screen holds shows it: its number, title and kind.</summary>
    public static ScreenItem MovedTo(ScreenAgendaEntry entry) =>
        new(entry.Id, entry.Number, entry.Title, entry.Layout, entry.Kind, null, null, null, null, []);
}

public sealed record ScreenRemark(Guid Id, string AuthorName, string Text, DateTimeOffset CreatedAt);
