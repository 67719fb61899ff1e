using Workspace.Data.Entities;

namespace Workspace.Web.Features.Running;

/// <summary>
/// The running meeting as one viewer may see it: status, the current item (unnamed when it is a closed item the
/// viewer may not read) and its timer, and whether the viewer runs the meeting.
/// </summary>
public sealed record MeetingRunState(
    Guid MeetingId,
    MeetingStatus Status,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    CurrentItem? Current,
    bool CanControl)
{
    public bool IsRunning => Status == MeetingStatus.InProgress;
}

/// <summary>The item the chair is at. <see cref="Title"/> is null when the viewer may not read it (a closed item).</summary>
public sealed record CurrentItem(Guid ItemId, string Number, string? Title, AgendaItemLayout Layout, AgendaItemStatus ItemStatus, DateTimeOffset? Since, ItemTimer Timer)
{
    public bool IsHidden => Title is null;
}
