namespace Workspace.Data.Entities;

/// <summary>A link on an agenda item (background material on the municipality's site and the like).</summary>
public class ItemLink
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }
    public required string Title { get; set; }
    public required string Url { get; set; }
    public int Number { get; set; }
}
