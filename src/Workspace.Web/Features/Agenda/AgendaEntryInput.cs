using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.Agenda;

/// <summary>The form for a section heading (title only) or a pause (title and minutes).</summary>
public sealed class AgendaEntryInput
{
    public const int TitleMax = 300;
    public const int MinutesMax = 600;

    public string Title { get; set; } = "";
    public int? AllottedMinutes { get; set; }

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        InputRules.Required(errors, nameof(Title), Title);
        InputRules.MaxLength(errors, nameof(Title), Title, TitleMax);
        if (AllottedMinutes is < 0 or > MinutesMax)
        {
            errors.Add(new(nameof(AllottedMinutes), "Validation.MinutesRange"));
        }
        return errors;
    }
}
