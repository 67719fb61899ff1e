using AngleSharp.Dom;
using Microsoft.AspNetCore.Components.Web;
using MudBlazor;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Data.Entities;
using Workspace.Web.Features.Meetings;

namespace Workspace.ComponentTests.Features.Meetings;

/// <summary>Publish, close and cancel ask first and say what follows; a closed meeting is reopened with a reason.</summary>
public sealed class MeetingStatusActionsTests : ComponentTestContext
{
    [Fact]
    public async Task Publishing_asks_first_says_who_sees_it_and_going_back_leaves_the_draft()
    {
        // Arrange
        var user = SignInAs("Iben Sørensen");
        var meetingId = await DraftAsync(user);
        var (provider, cut) = await RenderAsync(meetingId, user);

        // Act
        var opening = cut.Find("[data-testid=publish]").ClickAsync(new MouseEventArgs()); // runs until the dialog closes

        // Assert
        var consequences = provider.WaitForElement("[data-testid=confirm-consequences]").TextContent;
        Assert.Contains("Medlemmer og suppleanter kan derefter se mødet og dagsordenen", consequences);
        Assert.Contains("kalenderabonnementer", consequences);
        Assert.Contains("Offentliggør mødet?", provider.Find(".mud-dialog-title").TextContent);

        // Act
        await provider.Find("[data-testid=confirm-back]").ClickAsync(new MouseEventArgs());

        // Assert
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll(".mud-dialog")));
        await opening;
        Assert.Equal(MeetingStatus.Draft, await StatusAsync(meetingId));
    }

    [Fact]
    public async Task Confirming_publishes_the_meeting()
    {
        // Arrange
        var user = SignInAs("Iben Sørensen");
        var meetingId = await DraftAsync(user);
        var (provider, cut) = await RenderAsync(meetingId, user);
        var opening = cut.Find("[data-testid=publish]").ClickAsync(new MouseEventArgs()); // runs until the dialog closes

        // Act
        await provider.WaitForElement("[data-testid=confirm-step]").ClickAsync(new MouseEventArgs());

        // Assert
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll(".mud-dialog")));
        await opening;
        Assert.Equal(MeetingStatus.Published, await StatusAsync(meetingId));
    }

    [Fact]
    public async Task Closing_asks_first_and_says_what_becomes_read_only_and_that_it_can_be_reopened()
    {
        // Arrange
        var user = SignInAs("Iben Sørensen");
        var meetingId = await DraftAsync(user);
        var meetings = Services.GetRequiredService<MeetingService>();
        await meetings.PublishAsync(user, meetingId, Xunit.TestContext.Current.CancellationToken);
        await meetings.MarkHeldAsync(user, meetingId, Xunit.TestContext.Current.CancellationToken);
        var (provider, cut) = await RenderAsync(meetingId, user);

        // Act
        var opening = cut.Find("[data-testid=close-meeting]").ClickAsync(new MouseEventArgs()); // runs until the dialog closes

        // Assert
        var consequences = provider.WaitForElement("[data-testid=confirm-consequences]").TextContent;
        Assert.Contains("skrivebeskyttet for medlemmerne", consequences);
        Assert.Contains("kan genåbne mødet med en begrundelse", consequences);

        // Act
        await provider.Find("[data-testid=confirm-step]").ClickAsync(new MouseEventArgs());

        // Assert
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll(".mud-dialog")));
        await opening;
        Assert.Equal(MeetingStatus.Closed, await StatusAsync(meetingId));
    }

    [Fact]
    public async Task Cancelling_says_what_members_see()
    {
        // Arrange
        var user = SignInAs("Iben Sørensen");
        var (provider, cut) = await RenderAsync(await DraftAsync(user), user);

        // Act
        var opening = cut.Find("[data-testid=cancel-meeting]").ClickAsync(new MouseEventArgs()); // runs until the dialog closes

        // Assert
        Assert.Equal("Medlemmer og suppleanter ser mødet som aflyst med begrundelsen, og der kan ikke længere skrives bemærkninger.",
            provider.WaitForElement("[data-testid=cancel-consequences]").TextContent.Trim());
        await provider.FindAll(".mud-dialog button").First(b => b.TextContent.Trim() == "Tilbage").ClickAsync(new MouseEventArgs());
        await opening;
    }

    [Fact]
    public async Task Reopening_needs_a_reason_and_then_makes_the_meeting_held_again()
    {
        // Arrange
        var user = SignInAs("Iben Sørensen");
        var meetingId = await ClosedAsync(user);
        var (provider, cut) = await RenderAsync(meetingId, user);
        var opening = cut.Find("[data-testid=reopen-meeting]").ClickAsync(new MouseEventArgs()); // runs until the dialog closes
        var confirm = provider.WaitForElement("[data-testid=confirm-reopen]");

        // Act: no reason
        await confirm.ClickAsync(new MouseEventArgs());

        // Assert
        Assert.Contains("Feltet skal udfyldes.", provider.Find(".mud-dialog .mud-input-helper-text").TextContent);
        Assert.Equal(MeetingStatus.Closed, await StatusAsync(meetingId));

        // Act
        provider.Find("textarea[data-testid=reopen-reason], [data-testid=reopen-reason] textarea").Change("Fremmødet skal rettes.");
        await provider.Find("[data-testid=confirm-reopen]").ClickAsync(new MouseEventArgs());

        // Assert
        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll(".mud-dialog")));
        await opening;
        Assert.Equal(MeetingStatus.Held, await StatusAsync(meetingId));
        await using var db = CreateDbContext();
        Assert.Equal("Fremmødet skal rettes.", db.Meetings.Single(m => m.Id == meetingId).ReopenReason);
    }

    private async Task<Guid> DraftAsync(Workspace.Web.Features.Access.WorkspaceUser user) =>
        await Services.GetRequiredService<MeetingService>().CreateMeetingAsync(user, CouncilId("Udsatterådet"), new MeetingInput
        {
            Title = "Temamøde om boligsocial indsats",
            Date = DateTime.Today.AddDays(60),
            StartTime = new TimeSpan(16, 0, 0),
            EndTime = new TimeSpan(18, 0, 0),
            Place = "Rådhuset",
            UseAgendaTemplate = false,
        }, Xunit.TestContext.Current.CancellationToken);

    private async Task<Guid> ClosedAsync(Workspace.Web.Features.Access.WorkspaceUser user)
    {
        var meetings = Services.GetRequiredService<MeetingService>();
        var id = await DraftAsync(user);
        await meetings.PublishAsync(user, id, Xunit.TestContext.Current.CancellationToken);
        await meetings.MarkHeldAsync(user, id, Xunit.TestContext.Current.CancellationToken);
        await meetings.CloseAsync(user, id, Xunit.TestContext.Current.CancellationToken);
        return id;
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IRenderedComponent<MeetingStatusActions> Actions)> RenderAsync(
        Guid meetingId, Workspace.Web.Features.Access.WorkspaceUser user)
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var meeting = await Services.GetRequiredService<MeetingService>().GetMeetingAsync(user, meetingId, Xunit.TestContext.Current.CancellationToken);
        var actions = Render<MeetingStatusActions>(p => p.Add(x => x.Meeting, meeting));
        return (provider, actions);
    }

    private async Task<MeetingStatus> StatusAsync(Guid meetingId)
    {
        await using var db = CreateDbContext();
        return db.Meetings.Single(m => m.Id == meetingId).Status;
    }
}
