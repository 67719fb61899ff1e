namespace Workspace.Data.Entities;

/// <summary>An advisory council of a municipality or region (e.g. Udsatterådet).</summary>
public class Council
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    public required string Municipality { get; set; }
    public string? Description { get; set; }

    /// <summary>
    /// Meetings missed in a row after which a member drops out (forretningsorden), or null when the council has no such rule.
    /// Members and administration are warned one meeting before.
    /// </summary>
    public int? ConsecutiveAbsenceLimit { get; set; } = 3;

    public List<AgendaTemplateItem> AgendaTemplate { get; set; } = [];

    public List<Membership> Memberships { get; set; } = [];
    public List<Meeting> Meetings { get; set; } = [];
}
