namespace Workspace.Data.Entities;

/// <summary>A standard item of a council's agenda template (godkendelse af dagsorden, eventuelt ...).</summary>
public class AgendaTemplateItem
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid CouncilId { get; set; }
    public Council? Council { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public AgendaItemKind Kind { get; set; }
    public int? AllottedMinutes { get; set; }

    /// <summary>True for items that belong at the end (næste møde, eventuelt); new items are inserted before them.</summary>
    public bool AtEnd { get; set; }

    /// <summary>A section heading or a pause in the standard agenda, copied to every new meeting as such.</summary>
    public AgendaItemLayout Layout { get; set; }

    /// <summary>"Godkendelse af referat": on a new meeting it is linked to the council's last held meeting.</summary>
    public bool ApprovesMinutes { get; set; }
}
