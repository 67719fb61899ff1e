using Workspace.Web.Features.Access;
using Workspace.Web.Features.Meetings;

namespace Workspace.Web.Features.Planning;

/// <summary>The year's ordinary meetings at once: the dates, and the time, place and link they share (Copenhagen wall-clock time).</summary>
public sealed class AnnualPlanInput
{
    public const int MaxDates = 60;
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public int Year { get; set; }
    public List<DateOnly> Dates { get; set; } = [];
    public string Title { get; set; } = "";
    public TimeSpan? StartTime { get; set; }
    public TimeSpan? EndTime { get; set; }
    public string? Place { get; set; }
    public string? OnlineLink { get; set; }

    /// <summary>Puts the council's standard agenda on each meeting.</summary>
    public bool UseAgendaTemplate { get; set; } = true;

    /// <summary>The rules without the database: the shared fields follow the meeting form; the dates lie in the year, once each.</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = SharedFields().Validate().ToList();
        if (Year is < MinYear or > MaxYear)
        {
            errors.Add(new(nameof(Year), "Planning.YearRange"));
        }
        if (Dates.Count == 0)
        {
            errors.Add(new(nameof(Dates), "Planning.NoDates"));
        }
        else if (Dates.Count > MaxDates)
        {
            errors.Add(new(nameof(Dates), "Planning.TooManyDates"));
        }
        else if (Dates.Any(d => d.Year != Year))
        {
            errors.Add(new(nameof(Dates), "Planning.DateOutsideYear"));
        }
        else if (Dates.Distinct().Count() != Dates.Count)
        {
            errors.Add(new(nameof(Dates), "Planning.DuplicateDate"));
        }
        return errors;
    }

    /// <summary>The rule that needs the council's meetings: no date that already has one.</summary>
    public IReadOnlyList<FieldError> ValidateAgainst(IReadOnlySet<DateOnly> takenDates) =>
        Dates.Any(takenDates.Contains) ? [new(nameof(Dates), "Planning.DateTaken")] : [];

    /// <summary>What is wrong with one date of the list (a resource key), for the mark next to it; null if nothing.</summary>
    public string? ProblemWith(DateOnly date, IReadOnlySet<DateOnly> takenDates) =>
        date.Year != Year ? "Planning.DateProblem.OutsideYear"
        : Dates.Count(d => d == date) > 1 ? "Planning.DateProblem.Duplicate"
        : takenDates.Contains(date) ? "Planning.DateProblem.Taken"
        : null;

    /// <summary>One meeting's form with the fields every planned meeting shares; the date is checked by the list rules.</summary>
    public MeetingInput ForDate(DateOnly date) => new()
    {
        Title = Title,
        Date = date.ToDateTime(TimeOnly.MinValue),
        StartTime = StartTime,
        EndTime = EndTime,
        Place = Place,
        OnlineLink = OnlineLink,
        UseAgendaTemplate = UseAgendaTemplate,
    };

    private MeetingInput SharedFields() => ForDate(DateOnly.MinValue);
}
