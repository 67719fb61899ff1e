using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.Planning;

public partial class AnnualPlanForm
{
    [Inject]
    private AnnualPlanService Plans { get; set; } = default!;

    [Inject]
    private FormErrors Errors { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The council the meetings are planned for.</summary>
    [Parameter, EditorRequired]
    public Guid CouncilId { get; set; }

    /// <summary>The council's name, for the meetings' default title ("Møde i Udsatterådet").</summary>
    [Parameter, EditorRequired]
    public string CouncilName { get; set; } = "";

    /// <summary>The year being planned; every date must lie in it.</summary>
    [Parameter, EditorRequired]
    public int Year { get; set; }

    /// <summary>Days that already have a meeting of the council; such dates are marked, and the service refuses them.</summary>
    [Parameter]
    public IReadOnlySet<DateOnly> TakenDates { get; set; } = new HashSet<DateOnly>();

    /// <summary>Raised with the number of meetings created.</summary>
    [Parameter]
    public EventCallback<int> OnCreated { get; set; }

    private static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    private const int July = 7;

    private readonly AnnualPlanInput _input = new() { StartTime = new TimeSpan(16, 0, 0), EndTime = new TimeSpan(18, 0, 0) };
    private DateTime? _singleDate;
    private DateTime? _patternStart;
    private string? _singleDateError;
    private string? _patternStartError;
    private int _weeks = 8;
    private DayOfWeek _weekday = DayOfWeek.Tuesday;
    private bool _skipJuly = true;
    private string _dateNote = "";
    private string? _failure;
    private bool _saving;
    private int _year;

    protected override void OnParametersSet()
    {
        if (_year != Year)
        {
            // Another year: start over with its dates; what was typed for time and place stays.
            _year = Year;
            _input.Year = Year;
            _input.Dates.Clear();
            _dateNote = "";
            Errors.Clear();
        }
        if (string.IsNullOrEmpty(_input.Title))
        {
            _input.Title = L["Planning.MeetingTitle", CouncilName];
        }
    }

    // A button that stays enabled is reachable with Tab right after typing; an empty field is then said next to the field.
    private void AddSingleDate()
    {
        _singleDateError = _singleDate is null ? L["Planning.TypeDateFirst"].Value : null;
        if (_singleDate is { } date)
        {
            AddDates([DateOnly.FromDateTime(date)]);
            _singleDate = null;
        }
    }

    private void AddEveryNWeeks()
    {
        _patternStartError = _patternStart is null ? L["Planning.TypeDateFirst"].Value : null;
        if (_patternStart is { } start)
        {
            AddDates(DatePatterns.EveryNWeeks(DateOnly.FromDateTime(start), Math.Clamp(_weeks, 1, DatePatterns.MaxWeeks), Year));
        }
    }

    private void AddFirstWeekdays() =>
        AddDates(DatePatterns.FirstWeekdayOfEachMonth(Year, _weekday, _skipJuly ? [July] : []));

    /// <summary>Adds dates not already on the list, keeps the list in date order and says what happened.</summary>
    private void AddDates(IReadOnlyCollection<DateOnly> dates)
    {
        var added = dates.Where(d => !_input.Dates.Contains(d)).Distinct().ToList();
        _input.Dates.AddRange(added);
        _input.Dates.Sort();
        var already = dates.Count - added.Count;
        _dateNote = already == 0 ? L["Planning.DatesAdded", added.Count] : L["Planning.DatesAddedSomeThere", added.Count, already];
    }

    private void RemoveDate(DateOnly date)
    {
        _input.Dates.Remove(date);
        _dateNote = L["Planning.DateRemoved", LongDate(date)];
    }

    private void ClearDates()
    {
        _input.Dates.Clear();
        _dateNote = L["Planning.DatesCleared"];
    }

    private async Task CreateAsync()
    {
        _failure = null;
        Errors.Set([.. _input.Validate(), .. _input.ValidateAgainst(TakenDates)]);
        if (Errors.Any)
        {
            return;
        }
        _saving = true;
        try
        {
            var user = WorkspaceUser.From((await AuthenticationState).User);
            var created = await Plans.CreateAsync(user, CouncilId, _input);
            _input.Dates.Clear();
            _dateNote = "";
            await OnCreated.InvokeAsync(created.Count);
        }
        catch (InputValidationException ex)
        {
            Errors.Set(ex.Errors);
        }
        catch (Exception ex) when (ex is AccessDeniedException or NotFoundException)
        {
            _failure = L["Form.NotAllowed"];
        }
        finally
        {
            _saving = false;
        }
    }

    private string LongDate(DateOnly date) =>
        date.ToDateTime(TimeOnly.MinValue).ToString(L["Format.LongDate"], CultureInfo.CurrentCulture);

    private static string DayName(DayOfWeek day) => CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(day);
}
