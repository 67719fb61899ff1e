using AngleSharp.Dom;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Data.Entities;
using Workspace.Web.Features.Meetings;

namespace Workspace.ComponentTests.Features.Meetings;

/// <summary>The meeting form understands dates and times typed the Danish way, and says what it does not understand.</summary>
public sealed class MeetingFormDialogTests : ComponentTestContext
{
    private const string Required = "Feltet skal udfyldes.";

    private IRenderedComponent<MudPopoverProvider> _popovers = default!;

    [Fact]
    public async Task A_date_typed_as_14_10_31_and_a_start_typed_as_kl_16_are_understood_and_shown_the_Danish_way()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var cut = await ShowDialogAsync(CouncilId("Udsatterådet"));

        // Act
        Input(cut, "meeting-date").Change("14.10.31");
        Input(cut, "meeting-start").Change("kl. 16");
        Input(cut, "meeting-end").Change("1830");

        // Assert
        Assert.Equal("14.10.2031", Input(cut, "meeting-date").GetAttribute("value"));
        Assert.Equal("16.00", Input(cut, "meeting-start").GetAttribute("value"));
        Assert.Equal("18.30", Input(cut, "meeting-end").GetAttribute("value"));
        Assert.Equal("fx 14.10.2021", HelperText(cut, "Dato"));
    }

    [Fact]
    public async Task A_time_that_is_not_understood_is_refused_next_to_the_field_and_kept_as_typed()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var councilId = CouncilId("Udsatterådet");
        var meetingsBefore = MeetingCount(councilId);
        var cut = await ShowDialogAsync(councilId);
        Input(cut, "meeting-date").Change("14-10-2031");

        // Act
        Input(cut, "meeting-start").Change("kl. seksten");
        await Save(cut).ClickAsync(new MouseEventArgs());

        // Assert
        Assert.Equal("kl. seksten", Input(cut, "meeting-start").GetAttribute("value"));
        Assert.Equal("Klokkeslættet blev ikke forstået. Skriv det som fx 16, 16.00, kl. 16 eller 1600.", HelperText(cut, "Start"));
        Assert.Equal("14.10.2031", Input(cut, "meeting-date").GetAttribute("value"));
        Assert.NotEmpty(cut.FindAll(".mud-dialog"));
        Assert.Equal(meetingsBefore, MeetingCount(councilId));
    }

    [Fact]
    public async Task A_date_that_is_not_understood_is_refused_in_Danish()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var cut = await ShowDialogAsync(CouncilId("Udsatterådet"));

        // Act
        Input(cut, "meeting-date").Change("31.02.2031");

        // Assert
        Assert.Equal("31.02.2031", Input(cut, "meeting-date").GetAttribute("value"));
        Assert.StartsWith("Datoen blev ikke forstået.", HelperText(cut, "Dato"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Required_errors_are_not_shown_on_open_but_after_leaving_an_empty_field_or_saving()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var cut = await ShowDialogAsync(CouncilId("Udsatterådet"));

        // Assert: nothing is wrong before the person did anything
        Assert.Empty(cut.FindAll(".mud-dialog .mud-input-error"));
        Assert.Equal("fx 14.10.2021", HelperText(cut, "Dato"));

        // Act: leave the empty date
        await Input(cut, "meeting-date").BlurAsync(new FocusEventArgs());

        // Assert
        Assert.Equal(Required, HelperText(cut, "Dato"));

        // Act: empty the start time and save
        Input(cut, "meeting-start").Change("");
        await Save(cut).ClickAsync(new MouseEventArgs());

        // Assert
        Assert.Equal(Required, HelperText(cut, "Start"));
        Assert.NotEmpty(cut.FindAll(".mud-dialog"));
    }

    [Fact]
    public async Task A_new_meeting_in_the_past_asks_and_is_then_recorded_as_held_not_as_a_draft()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var councilId = CouncilId("Udsatterådet");
        var cut = await ShowDialogAsync(councilId);
        Field(cut, "Titel").QuerySelector("input")!.Change("Ekstra møde om vinterberedskab");
        Input(cut, "meeting-date").Change("14.10.21");
        Input(cut, "meeting-start").Change("16");
        Input(cut, "meeting-end").Change("18.00");
        Field(cut, "Sted").QuerySelector("input")!.Change("Rådhuset, mødelokale 2A");

        // Act
        var saving = Save(cut).ClickAsync(new MouseEventArgs()); // runs until the question is answered

        // Assert: the question says what follows
        var consequences = cut.WaitForElement("[data-testid=confirm-consequences]").TextContent;
        Assert.Contains("Det oprettes som afholdt, ikke som kladde.", consequences);
        Assert.Contains("Der sendes ingen invitationer", consequences);
        Assert.Equal("Ja, registrér afholdt møde", cut.Find("[data-testid=confirm-step]").TextContent.Trim());

        // Act
        await cut.Find("[data-testid=confirm-step]").ClickAsync(new MouseEventArgs());

        // Assert
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".mud-dialog")));
        await saving;
        await using var db = CreateDbContext();
        var meeting = await db.Meetings.SingleAsync(m => m.CouncilId == councilId && m.Title == "Ekstra møde om vinterberedskab", Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(MeetingStatus.Held, meeting.Status);
        Assert.Null(meeting.PublishedAt);
        Assert.Equal(new DateTimeOffset(2021, 10, 14, 14, 0, 0, TimeSpan.Zero), meeting.StartsAt);
    }

    [Fact]
    public async Task Going_back_from_the_past_question_keeps_the_form_as_typed_and_creates_nothing()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var councilId = CouncilId("Udsatterådet");
        var meetingsBefore = MeetingCount(councilId);
        var cut = await ShowDialogAsync(councilId);
        Input(cut, "meeting-date").Change("14/10/2021");
        Field(cut, "Sted").QuerySelector("input")!.Change("Rådhuset");
        var saving = Save(cut).ClickAsync(new MouseEventArgs()); // runs until the question is answered

        // Act
        await cut.WaitForElement("[data-testid=confirm-back]").ClickAsync(new MouseEventArgs());

        // Assert
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=confirm-consequences]")));
        await saving;
        Assert.Equal("14.10.2021", Input(cut, "meeting-date").GetAttribute("value"));
        Assert.Equal(meetingsBefore, MeetingCount(councilId));
    }

    [Fact]
    public async Task A_date_picked_from_the_calendar_is_shown_the_Danish_way()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var cut = await ShowDialogAsync(CouncilId("Udsatterådet"));
        Input(cut, "meeting-date").Change("1.3.2031");

        // Act
        await cut.Find("[aria-label='Åbn kalenderen for Dato']").ClickAsync(new MouseEventArgs());
        var calendar = _popovers.WaitForElement(".date-field-calendar");
        var month = calendar.TextContent;
        await calendar.QuerySelectorAll("button").First(b => b.TextContent.Trim() == "14").ClickAsync(new MouseEventArgs());

        // Assert
        Assert.Contains("marts 2031", month, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("14.03.2031", Input(cut, "meeting-date").GetAttribute("value"));
    }

    [Fact]
    public async Task Opening_the_form_puts_the_focus_in_the_title_once_and_nothing_takes_it_afterwards()
    {
        // Arrange: on a busy server the dialog's own first focus (its focus trap's container) arrived after the title had
        // the focus and the user had started typing, and the letters typed after it were lost.
        SignInAs("Iben Sørensen");

        // Act
        var cut = await ShowDialogAsync(CouncilId("Udsatterådet"));

        // Assert
        var focusCalls = JSInterop.Invocations.Select(i => i.Identifier)
            .Where(name => name.Contains("focus", StringComparison.OrdinalIgnoreCase) && !name.Contains("saveFocus", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["Blazor._internal.domWrapper.focus"], focusCalls);
        Assert.Equal(DefaultFocus.None, cut.FindComponent<MudFocusTrap>().Instance.DefaultFocus);
    }

    private async Task<IRenderedComponent<MudDialogProvider>> ShowDialogAsync(Guid councilId)
    {
        _popovers = Render<MudPopoverProvider>();
        var cut = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<MeetingFormDialog> { { d => d.CouncilId, councilId } };
        await cut.InvokeAsync(() => dialogs.ShowAsync<MeetingFormDialog>("Nyt møde", parameters));
        cut.WaitForElement("[data-testid=meeting-date]");
        return cut;
    }

    private static IElement Save(IRenderedComponent<MudDialogProvider> cut) =>
        cut.FindAll(".mud-dialog button").First(b => b.TextContent.Trim() == "Gem");

    private static IElement Input(IRenderedComponent<MudDialogProvider> cut, string testId) =>
        cut.Find($"input[data-testid={testId}], [data-testid={testId}] input");

    private static IElement Field(IRenderedComponent<MudDialogProvider> cut, string label) =>
        cut.FindAll(".mud-dialog .mud-input-control").First(c => c.QuerySelector("label")?.TextContent.Trim().TrimEnd('*').TrimEnd() == label);

    private static string? HelperText(IRenderedComponent<MudDialogProvider> cut, string label) =>
        Field(cut, label).QuerySelector(".mud-input-helper-text")?.TextContent.Trim();

    private int MeetingCount(Guid councilId)
    {
        using var db = CreateDbContext();
        return db.Meetings.Count(m => m.CouncilId == councilId);
    }
}
