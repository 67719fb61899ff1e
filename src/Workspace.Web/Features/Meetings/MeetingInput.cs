using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.Meetings;

/// <summary>The meeting form: date and times are Copenhagen wall-clock time.</summary>
public sealed class MeetingInput
{
    public const int TitleMax = 200;
    public const int PlaceMax = 300;
    public const int LinkMax = 1000;

    public string Title { get; set; } = "";
    public DateTime? Date { get; set; }
    public TimeSpan? StartTime { get; set; }
    public TimeSpan? EndTime { get; set; }
    public string? Place { get; set; }
    public string? OnlineLink { get; set; }
    public Data.Entities.MeetingKind Kind { get; set; } = Data.Entities.MeetingKind.Ordinary;

    /// <summary>When creating: put the council's standard agenda (standarddagsorden) on the new meeting.</summary>
    public bool UseAgendaTemplate { get; set; } = true;

    /// <summary>When creating: the meeting was already held and is being recorded (no invitations; attendance can be registered).</summary>
    public bool RecordsHeldMeeting { get; set; }

    /// <summary>The rules, shared by the form (shown next to each field) and the service (enforced).</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        InputRules.Required(errors, nameof(Title), Title);
        InputRules.MaxLength(errors, nameof(Title), Title, TitleMax);
        if (Date is null)
        {
            errors.Add(new(nameof(Date), InputRules.RequiredKey));
        }
        if (StartTime is null)
        {
            errors.Add(new(nameof(StartTime), InputRules.RequiredKey));
        }
        if (EndTime is null)
        {
            errors.Add(new(nameof(EndTime), InputRules.RequiredKey));
        }
        else if (StartTime is not null && EndTime <= StartTime)
        {
            errors.Add(new(nameof(EndTime), "Validation.EndBeforeStart"));
        }
        InputRules.MaxLength(errors, nameof(Place), Place, PlaceMax);
        InputRules.MaxLength(errors, nameof(OnlineLink), OnlineLink, LinkMax);
        InputRules.HttpLink(errors, nameof(OnlineLink), OnlineLink);
        if (string.IsNullOrWhiteSpace(Place) && string.IsNullOrWhiteSpace(OnlineLink))
        {
            errors.Add(new(nameof(Place), "Validation.PlaceOrLink"));
        }
        if (!Enum.IsDefined(Kind))
        {
            errors.Add(new(nameof(Kind), InputRules.RequiredKey));
        }
        return errors;
    }
}

/// <summary>The agenda item form.</summary>
public sealed class AgendaItemInput
{
    public const int TitleMax = 300;
    public const int PresenterMax = 300;
    public const int TextMax = 20000;
    public const int MinutesMax = 600;

    public string Title { get; set; } = "";
    public string? Presenter { get; set; }

    /// <summary>Set when the presenter is a person of the council; <see cref="Presenter"/> then holds their name.</summary>
    public Guid? PresenterPersonId { get; set; }

    public int? AllottedMinutes { get; set; }
    public Data.Entities.AgendaItemKind Kind { get; set; } = Data.Entities.AgendaItemKind.Information;
    public string? Background { get; set; }
    public string? Decision { get; set; }
    public bool IsClosed { get; set; }

    public static AgendaItemInput From(AgendaItemView item) => new()
    {
        Title = item.Title,
        Presenter = item.Presenter,
        PresenterPersonId = item.PresenterPersonId,
        AllottedMinutes = item.AllottedMinutes,
        Kind = item.Kind,
        Background = item.Background,
        Decision = item.Decision,
        IsClosed = item.IsClosed,
    };

    public static AgendaItemInput From(Data.Entities.AgendaItem item) => new()
    {
        Title = item.Title,
        Presenter = item.Presenter,
        PresenterPersonId = item.PresenterPersonId,
        AllottedMinutes = item.AllottedMinutes,
        Kind = item.Kind,
        Background = item.Background,
        Decision = item.Decision,
        IsClosed = item.IsClosed,
    };

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        InputRules.Required(errors, nameof(Title), Title);
        InputRules.MaxLength(errors, nameof(Title), Title, TitleMax);
        InputRules.MaxLength(errors, nameof(Presenter), Presenter, PresenterMax);
        InputRules.MaxLength(errors, nameof(Background), Background, TextMax);
        InputRules.MaxLength(errors, nameof(Decision), Decision, TextMax);
        if (AllottedMinutes is < 0 or > MinutesMax)
        {
            errors.Add(new(nameof(AllottedMinutes), "Validation.MinutesRange"));
        }
        return errors;
    }
}
