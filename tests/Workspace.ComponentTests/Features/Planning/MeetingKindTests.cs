using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Data.Entities;
using Workspace.Web.Features.Councils;
using Workspace.Web.Features.Meetings;

namespace Workspace.ComponentTests.Features.Planning;

public sealed class MeetingKindTests : ComponentTestContext
{
    [Fact]
    public async Task Theme_day_is_marked_in_words_on_the_council_page_and_ordinary_meetings_are_not()
    {
        // Arrange
        var secretary = SignInAs("Iben Sørensen");
        var councilId = CouncilId("Udsatterådet");
        await Services.GetRequiredService<MeetingService>().CreateMeetingAsync(secretary, councilId, new MeetingInput
        {
            Title = "Temadag om hjemløshed",
            Kind = MeetingKind.ThemeDay,
            Date = new DateTime(2030, 5, 23),
            StartTime = new TimeSpan(9, 0, 0),
            EndTime = new TimeSpan(15, 0, 0),
            Place = "Bøgeby Værested",
        }, Xunit.TestContext.Current.CancellationToken);

        // Act
        var cut = Render<CouncilPage>(p => p.Add(x => x.CouncilId, councilId));
        cut.WaitForElement("h1");

        // Assert
        var chip = Assert.Single(cut.FindAll("[data-testid=meeting-kind]"));
        Assert.Equal("Temadag", chip.TextContent.Trim());
        Assert.Contains("Temadag om hjemløshed", cut.FindAll(".mud-list-item").Single(i => i.QuerySelector("[data-testid=meeting-kind]") is not null).TextContent);
    }

    [Fact]
    public async Task New_meeting_dialog_offers_the_kinds_in_Danish_and_the_standard_agenda_ticked()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        Render<MudPopoverProvider>();
        var cut = Render<MudDialogProvider>();
        var parameters = new DialogParameters<MeetingFormDialog>
        {
            { d => d.CouncilId, CouncilId("Udsatterådet") },
            { d => d.Kind, MeetingKind.Extra },
        };

        // Act
        await cut.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<MeetingFormDialog>("Nyt møde", parameters));
        cut.WaitForElement("[data-testid=use-template]");

        // Assert
        Assert.Equal("Ekstraordinært møde", cut.Find("[data-testid=meeting-kind-select]").TextContent.Trim());
        Assert.True(cut.Find("input[type=checkbox][data-testid=use-template]").HasAttribute("checked"));
        Assert.Contains("Brug standarddagsordenen", cut.Find(".mud-dialog").TextContent);
    }
}
