using Workspace.Web.Features.Access;
using Workspace.Web.Features.Planning;

namespace Workspace.UnitTests.Planning;

public sealed class AnnualPlanInputTests
{
    private static AnnualPlanInput ValidPlan() => new()
    {
        Year = 2027,
        Title = "Møde i Udsatterådet",
        Dates = [new(2027, 2, 4), new(2027, 4, 8)],
        StartTime = new TimeSpan(16, 0, 0),
        EndTime = new TimeSpan(18, 0, 0),
        Place = "Rådhuset",
    };

    [Fact]
    public void Valid_plan_has_no_errors()
    {
        // Act
        var errors = ValidPlan().Validate();

        // Assert
        Assert.Empty(errors);
    }

    [Fact]
    public void Plan_follows_the_meeting_form_for_place_or_link_and_times()
    {
        // Arrange
        var input = ValidPlan();
        input.Place = " ";
        input.EndTime = new TimeSpan(15, 0, 0);

        // Act
        var errors = input.Validate();

        // Assert
        Assert.Equal(
            [new FieldError(nameof(AnnualPlanInput.EndTime), "Validation.EndBeforeStart"), new FieldError(nameof(AnnualPlanInput.Place), "Validation.PlaceOrLink")],
            errors);
    }

    [Theory]
    [InlineData("2026-12-31", "Planning.DateOutsideYear")]
    [InlineData("2027-02-04", "Planning.DuplicateDate")]
    public void Dates_lie_in_the_year_once_each(string extra, string expectedKey)
    {
        // Arrange
        var input = ValidPlan();
        input.Dates.Add(DateOnly.Parse(extra, System.Globalization.CultureInfo.InvariantCulture));

        // Act
        var errors = input.Validate();

        // Assert
        Assert.Equal([new FieldError(nameof(AnnualPlanInput.Dates), expectedKey)], errors);
    }

    [Fact]
    public void Plan_needs_a_date()
    {
        // Arrange
        var input = ValidPlan();
        input.Dates.Clear();

        // Act
        var errors = input.Validate();

        // Assert
        Assert.Equal([new FieldError(nameof(AnnualPlanInput.Dates), "Planning.NoDates")], errors);
    }

    [Fact]
    public void A_date_with_a_meeting_already_is_refused_and_marked()
    {
        // Arrange
        var input = ValidPlan();
        var taken = new HashSet<DateOnly> { new(2027, 4, 8) };

        // Act
        var errors = input.ValidateAgainst(taken);

        // Assert
        Assert.Equal([new FieldError(nameof(AnnualPlanInput.Dates), "Planning.DateTaken")], errors);
        Assert.Equal("Planning.DateProblem.Taken", input.ProblemWith(new DateOnly(2027, 4, 8), taken));
        Assert.Null(input.ProblemWith(new DateOnly(2027, 2, 4), taken));
    }
}
