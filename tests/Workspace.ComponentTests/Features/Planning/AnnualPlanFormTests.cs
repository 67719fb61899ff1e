using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Web.Features.Planning;

namespace Workspace.ComponentTests.Features.Planning;

public sealed class AnnualPlanFormTests : ComponentTestContext
{
    private const int Year = 2030;

    [Fact]
    public async Task Missing_place_and_link_shows_a_Danish_error_next_to_the_place_and_keeps_the_dates()
    {
        // Arrange: eleven dates from "first Tuesday of each month except July", no place and no link
        SignInAs("Iben Sørensen");
        var councilId = CouncilId("Udsatterådet");
        var meetingsBefore = MeetingCount(councilId);
        var cut = RenderPage(councilId);
        await FillFirstTuesdaysAsync(cut);
        Assert.Equal(11, cut.FindAll("[data-testid=plan-date-row]").Count);

        // Act
        await cut.Find("[data-testid=plan-create]").ClickAsync(new MouseEventArgs());

        // Assert
        Assert.Equal("Angiv et sted, et link til onlinemøde eller begge.", Field(cut, "Sted").QuerySelector(".mud-input-helper-text")?.TextContent.Trim());
        var rows = cut.FindAll("[data-testid=plan-date-row]");
        Assert.Equal(11, rows.Count);
        Assert.StartsWith("tirsdag den 1. januar 2030", rows[0].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(meetingsBefore, MeetingCount(councilId));
    }

    [Fact]
    public async Task With_a_place_the_dates_become_draft_meetings_and_the_plan_lists_them()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var councilId = CouncilId("Udsatterådet");
        var meetingsBefore = MeetingCount(councilId);
        var cut = RenderPage(councilId);
        await FillFirstTuesdaysAsync(cut);
        cut.Find("input[data-testid=plan-place], [data-testid=plan-place] input").Change("Rådhuset, mødelokale 2A");

        // Act
        await cut.Find("[data-testid=plan-create]").ClickAsync(new MouseEventArgs());

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(11, cut.FindAll("[data-testid=plan-meeting]").Count));
        Assert.Equal(meetingsBefore + 11, MeetingCount(councilId));
        Assert.All(cut.FindAll("[data-testid=plan-meeting]"), row => Assert.Contains("Kladde", row.TextContent));
        Assert.Contains("Møde i Udsatterådet", cut.Find("[data-testid=plan-meeting]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=plan-date-row]"));
    }

    [Fact]
    public async Task A_date_typed_as_3_3_30_is_added_to_the_list_and_an_empty_one_is_said_next_to_the_field()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var cut = RenderPage(CouncilId("Udsatterådet"));

        // Act: add with nothing typed
        await cut.Find("[data-testid=plan-add-date]").ClickAsync(new MouseEventArgs());

        // Assert
        Assert.Equal("Skriv en dato først.", Field(cut, "Dato").QuerySelector(".mud-input-helper-text")?.TextContent.Trim());

        // Act
        cut.Find("input[data-testid=plan-date], [data-testid=plan-date] input").Change("3.3.30");
        await cut.Find("[data-testid=plan-add-date]").ClickAsync(new MouseEventArgs());

        // Assert
        Assert.StartsWith("søndag den 3. marts 2030", cut.Find("[data-testid=plan-date-row]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("", cut.Find("input[data-testid=plan-date], [data-testid=plan-date] input").GetAttribute("value") ?? "");
    }

    [Fact]
    public void A_shared_start_typed_as_kl_17_is_understood()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var cut = RenderPage(CouncilId("Udsatterådet"));

        // Act
        cut.Find("input[data-testid=plan-start], [data-testid=plan-start] input").Change("kl. 17");

        // Assert
        Assert.Equal("17.00", cut.Find("input[data-testid=plan-start], [data-testid=plan-start] input").GetAttribute("value"));
    }

    private IRenderedComponent<AnnualPlanPage> RenderPage(Guid councilId)
    {
        Render<MudPopoverProvider>();
        var cut = Render<AnnualPlanPage>(p => p.Add(x => x.CouncilId, councilId).Add(x => x.Year, Year));
        cut.WaitForElement("[data-testid=plan-create]");
        return cut;
    }

    private static async Task FillFirstTuesdaysAsync(IRenderedComponent<AnnualPlanPage> cut)
    {
        var header = cut.FindAll(".mud-expand-panel-header").Single(h => h.TextContent.Contains("Første ugedag i hver måned", StringComparison.Ordinal));
        await header.ClickAsync(new MouseEventArgs());
        await cut.WaitForElement("[data-testid=plan-fill-months]").ClickAsync(new MouseEventArgs());
    }

    /// <summary>A text field's control: its input and the helper text where errors go.</summary>
    private static AngleSharp.Dom.IElement Field(IRenderedComponent<AnnualPlanPage> cut, string label) =>
        cut.FindAll(".mud-input-control").First(c => c.QuerySelector("label")?.TextContent.Trim() == label);

    private int MeetingCount(Guid councilId)
    {
        using var db = CreateDbContext();
        return db.Meetings.Count(m => m.CouncilId == councilId);
    }
}
