using Workspace.Data.Entities;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Meetings;
using Workspace.Web.Features.Remarks;

namespace Workspace.UnitTests.Access;

public sealed class InputValidationTests
{
    private static MeetingInput ValidMeeting() => new()
    {
        Title = "Udsatterådets møde",
        Date = new DateTime(2026, 6, 11),
        StartTime = new TimeSpan(16, 0, 0),
        EndTime = new TimeSpan(18, 0, 0),
        Place = "Rådhuset",
    };

    [Fact]
    public void Valid_meeting_has_no_errors()
    {
        // Arrange
        var input = ValidMeeting();

        // Act
        var errors = input.Validate();

        // Assert
        Assert.Empty(errors);
    }

    [Fact]
    public void Meeting_requires_title_date_start_and_end()
    {
        // Arrange
        var input = new MeetingInput { Title = "  ", Place = "Rådhuset" };

        // Act
        var errors = input.Validate();

        // Assert
        Assert.Equal(
            [
                new FieldError(nameof(MeetingInput.Title), InputRules.RequiredKey),
                new FieldError(nameof(MeetingInput.Date), InputRules.RequiredKey),
                new FieldError(nameof(MeetingInput.StartTime), InputRules.RequiredKey),
                new FieldError(nameof(MeetingInput.EndTime), InputRules.RequiredKey),
            ],
            errors);
    }

    [Fact]
    public void Meeting_title_longer_than_the_maximum_is_too_long()
    {
        // Arrange
        var input = ValidMeeting();
        input.Title = new string('x', MeetingInput.TitleMax + 1);

        // Act
        var errors = input.Validate();

        // Assert
        Assert.Equal([new FieldError(nameof(MeetingInput.Title), "Validation.TooLong")], errors);
    }

    [Fact]
    public void Meeting_title_at_the_maximum_is_accepted()
    {
        // Arrange
        var input = ValidMeeting();
        input.Title = new string('x', MeetingInput.TitleMax);

        // Act
        var errors = input.Validate();

        // Assert
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(16, 16)]
    [InlineData(18, 16)]
    public void Meeting_end_not_after_start_is_an_error(int startHour, int endHour)
    {
        // Arrange
        var input = ValidMeeting();
        input.StartTime = TimeSpan.FromHours(startHour);
        input.EndTime = TimeSpan.FromHours(endHour);

        // Act
        var errors = input.Validate();

        // Assert
        Assert.Equal([new FieldError(nameof(MeetingInput.EndTime), "Validation.EndBeforeStart")], errors);
    }

    [Fact]
    public void Meeting_needs_a_place_or_an_online_link()
    {
        // Arrange
        var input = ValidMeeting();
        input.Place = " ";
        input.OnlineLink = null;

        // Act
        var errors = input.Validate();

        // Assert
        Assert.Equal([new FieldError(nameof(MeetingInput.Place), "Validation.PlaceOrLink")], errors);
    }

    [Fact]
    public void Meeting_with_only_an_online_link_is_valid()
    {
        // Arrange
        var input = ValidMeeting();
        input.Place = null;
        input.OnlineLink = "https://teams.example/meet/123";

        // Act
        var errors = input.Validate();

        // Assert
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("teams.example/meet/123")]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://files.example/x")]
    [InlineData("/relative/link")]
    public void Meeting_online_link_must_be_an_absolute_http_link(string link)
    {
        // Arrange
        var input = ValidMeeting();
        input.OnlineLink = link;

        // Act
        var errors = input.Validate();

        // Assert
        Assert.Equal([new FieldError(nameof(MeetingInput.OnlineLink), "Validation.InvalidLink")], errors);
    }

    [Fact]
    public void Meeting_place_longer_than_the_maximum_is_too_long()
    {
        // Arrange
        var input = ValidMeeting();
        input.Place = new string('x', MeetingInput.PlaceMax + 1);

        // Act
        var errors = input.Validate();

        // Assert
        Assert.Equal([new FieldError(nameof(MeetingInput.Place), "Validation.TooLong")], errors);
    }

    [Fact]
    public void Agenda_item_requires_a_title()
    {
        // Arrange
        var input = new AgendaItemInput { Title = "" };

        // Act
        var errors = input.Validate();

        // Assert
        Assert.Equal([new FieldError(nameof(AgendaItemInput.Title), InputRules.RequiredKey)], errors);
    }

    [Fact]
    public void Agenda_item_texts_longer_than_their_maximum_are_too_long()
    {
        // Arrange
        var input = new AgendaItemInput
        {
            Title = new string('t', AgendaItemInput.TitleMax + 1),
            Presenter = new string('p', AgendaItemInput.PresenterMax + 1),
            Background = new string('b', AgendaItemInput.TextMax + 1),
            Decision = new string('d', AgendaItemInput.TextMax + 1),
        };

        // Act
        var errors = input.Validate();

        // Assert
        Assert.Equal(
            [
                new FieldError(nameof(AgendaItemInput.Title), "Validation.TooLong"),
                new FieldError(nameof(AgendaItemInput.Presenter), "Validation.TooLong"),
                new FieldError(nameof(AgendaItemInput.Background), "Validation.TooLong"),
                new FieldError(nameof(AgendaItemInput.Decision), "Validation.TooLong"),
            ],
            errors);
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(30, true)]
    [InlineData(AgendaItemInput.MinutesMax, true)]
    [InlineData(AgendaItemInput.MinutesMax + 1, false)]
    public void Agenda_item_minutes_must_be_within_range(int minutes, bool valid)
    {
        // Arrange
        var input = new AgendaItemInput { Title = "Oplæg", AllottedMinutes = minutes, Kind = AgendaItemKind.Discussion };

        // Act
        var errors = input.Validate();

        // Assert
        if (valid)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Equal([new FieldError(nameof(AgendaItemInput.AllottedMinutes), "Validation.MinutesRange")], errors);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Remark_requires_text(string text)
    {
        // Arrange
        var input = new RemarkInput { Text = text };

        // Act
        var errors = input.Validate();

        // Assert
        Assert.Equal([new FieldError(nameof(RemarkInput.Text), InputRules.RequiredKey)], errors);
    }

    [Fact]
    public void Remark_longer_than_the_maximum_is_too_long()
    {
        // Arrange
        var input = new RemarkInput { Text = new string('x', Remark.MaxLength + 1) };

        // Act
        var errors = input.Validate();

        // Assert
        Assert.Equal([new FieldError(nameof(RemarkInput.Text), "Validation.TooLong")], errors);
    }

    [Fact]
    public void Remark_at_the_maximum_is_accepted()
    {
        // Arrange
        var input = new RemarkInput { Text = new string('x', Remark.MaxLength) };

        // Act
        var errors = input.Validate();

        // Assert
        Assert.Empty(errors);
    }
}
