using Workspace.ComponentTests.Infrastructure;
using Workspace.Data.Entities;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Attendance;
using Workspace.Web.Features.Meetings;

namespace Workspace.ComponentTests.Features.Remarks;

/// <summary>A substitute who is not called in sees, where members write remarks, why they cannot (and when they can).</summary>
public sealed class SubstituteRemarkHintTests : ComponentTestContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private const string Hint = "Du kan skrive bemærkninger, når du er indkaldt som suppleant for et medlem med afbud.";

    [Fact]
    public async Task Substitute_not_called_in_sees_why_there_is_no_remark_field()
    {
        // Arrange
        var carsten = SignInAs("Carsten Lykke");

        // Act
        var cut = await RenderHearingAsync(carsten);

        // Assert
        Assert.Equal(Hint, cut.Find("[data-testid=remark-substitute-hint]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=remark-open]"));
    }

    [Fact]
    public async Task Substitute_called_in_gets_the_remark_button_instead_of_the_hint()
    {
        // Arrange
        var carsten = SignInAs("Carsten Lykke");
        var attendance = Services.GetRequiredService<AttendanceService>();
        var secretary = UserFor("Iben Sørensen");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        await attendance.RespondAsync(UserFor("Poul Skovbo"), meetingId, InvitationResponse.Apologies, null, Ct);
        await attendance.ConfirmCallAsync(secretary, (await attendance.GetOverviewAsync(secretary, meetingId, Ct)).Calls.Single().Id, Ct);

        // Act
        var cut = await RenderHearingAsync(carsten);

        // Assert
        Assert.Empty(cut.FindAll("[data-testid=remark-substitute-hint]"));
        Assert.Single(cut.FindAll("[data-testid=remark-open]"));
    }

    [Theory]
    [InlineData("Mia Kragh")]
    [InlineData("Iben Sørensen")]
    public async Task Members_and_administration_see_no_substitute_hint(string person)
    {
        // Arrange
        var user = SignInAs(person);

        // Act
        var cut = await RenderHearingAsync(user);

        // Assert
        Assert.Empty(cut.FindAll("[data-testid=remark-substitute-hint]"));
    }

    private async Task<IRenderedComponent<AgendaItemCard>> RenderHearingAsync(WorkspaceUser user)
    {
        var hearing = Item(DemoItems.Hearing);
        var meeting = await Services.GetRequiredService<MeetingService>().GetMeetingAsync(user, hearing.MeetingId, Ct);
        return Render<AgendaItemCard>(p => p.Add(x => x.Item, meeting.Items.Single(i => i.Id == hearing.Id)).Add(x => x.Page, new AgendaCardPage(meeting.Rights)));
    }
}
