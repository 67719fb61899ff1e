namespace Workspace.Data.Entities;

/// <summary>Someone who works in the workspace: member, substitute, administration staff or guest.</summary>
public class Person
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    public string? Email { get; set; }

    /// <summary>The Entra ID object id (oid claim); set at first sign-in.</summary>
    public string? EntraObjectId { get; set; }

    /// <summary>Secret part of the person's calendar feed address (calendar apps cannot sign in); made when first asked for.</summary>
    public string? CalendarToken { get; set; }

    /// <summary>When the administration last sent an invitation by email; null if never invited.</summary>
    public DateTimeOffset? InvitedAt { get; set; }

    /// <summary>The person asked not to get the "due soon" and "overdue" reminders of their follow-ups.</summary>
    public bool FollowUpRemindersOff { get; set; }

    public List<Membership> Memberships { get; set; } = [];
}
