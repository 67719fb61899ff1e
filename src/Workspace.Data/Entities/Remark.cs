namespace Workspace.Data.Entities;

/// <summary>A member's remark (bemærkning) on an agenda item.</summary>
public class Remark : IConcurrencyStamped
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AgendaItemId { get; set; }
    public AgendaItem? AgendaItem { get; set; }
    public Guid AuthorId { get; set; }
    public Person? Author { get; set; }

    public const int MaxLength = 4000;

    public required string Text { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EditedAt { get; set; }

    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();
}
