using Microsoft.AspNetCore.Components;
using Workspace.Web.Collaboration.Presence;
using Workspace.Web.Features.FollowUps;

namespace Workspace.Web.Features.Meetings;

/// <summary>
/// What every agenda card on a meeting page shares, as one parameter: each parameter is a frame per card in the page's
/// render tree, kept by every open tab (decision 008). A new one is made when any of it changes.
/// </summary>
public sealed record AgendaCardPage(MeetingRights Rights)
{
    /// <summary>The meeting's planned end: items running past it are marked.</summary>
    public DateTimeOffset MeetingEndsAt { get; init; } = DateTimeOffset.MaxValue;

    /// <summary>People on the meeting now: those looking at or typing in an item are shown on it.</summary>
    public IReadOnlyList<PresencePerson> Present { get; init; } = [];

    /// <summary>Items with a remark draft waiting in this browser (drafts.js): their field opens with it.</summary>
    public IReadOnlySet<Guid> Drafts { get; init; } = new HashSet<Guid>();

    /// <summary>The meeting's follow-ups as the viewer sees them: which cards list some, and whether the viewer may make one.</summary>
    public MeetingFollowUps FollowUps { get; init; } = MeetingFollowUps.Empty(Guid.Empty);

    /// <summary>Raised when the administration asks to edit an item.</summary>
    public EventCallback<AgendaItemView> OnEdit { get; init; }

    /// <summary>Raised when the administration asks to add a sub-item.</summary>
    public EventCallback<AgendaItemView> OnAddSubItem { get; init; }

    /// <summary>Raised after an item moved (keyboard or menu), with its id.</summary>
    public EventCallback<Guid> OnMoved { get; init; }

    /// <summary>Raised when a drag of an item starts.</summary>
    public EventCallback<Guid> OnDragStart { get; init; }

    /// <summary>Raised after the viewer made a follow-up on an item.</summary>
    public EventCallback OnFollowUpCreated { get; init; }

    /// <summary>The item has follow-ups, or is the "Status på opfølgning" item: they are listed under it.</summary>
    public bool FollowUpsShownOn(Guid itemId) => FollowUps.StatusItemId == itemId || FollowUps.OnItem(itemId).Any();
}
