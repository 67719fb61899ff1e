using Workspace.Data.Entities;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.Planning;

/// <summary>The form for one standard item of a council's agenda template.</summary>
public sealed class TemplateItemInput
{
    public const int TitleMax = 300;
    public const int MinutesMax = 600;

    public string Title { get; set; } = "";
    public AgendaItemKind Kind { get; set; } = AgendaItemKind.Information;
    public int? AllottedMinutes { get; set; }

    /// <summary>Placed at the end of every agenda (næste møde, eventuelt); other items go before it.</summary>
    public bool AtEnd { get; set; }

    /// <summary>A numbered item, a section heading or a pause.</summary>
    public AgendaItemLayout Layout { get; set; }

    /// <summary>"Godkendelse af referat": linked on each new meeting to the council's last held meeting.</summary>
    public bool ApprovesMinutes { get; set; }

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        InputRules.Required(errors, nameof(Title), Title);
        InputRules.MaxLength(errors, nameof(Title), Title, TitleMax);
        if (!Enum.IsDefined(Kind) || !Enum.IsDefined(Layout))
        {
            errors.Add(new(nameof(Kind), InputRules.RequiredKey));
        }
        if (AllottedMinutes is < 0 or > MinutesMax)
        {
            errors.Add(new(nameof(AllottedMinutes), "Validation.MinutesRange"));
        }
        return errors;
    }
}
