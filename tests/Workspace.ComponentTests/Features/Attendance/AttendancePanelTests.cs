using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Data.Entities;
using Workspace.Web.Features.Attendance;

namespace Workspace.ComponentTests.Features.Attendance;

/// <summary>The attendance panel of a meeting: a member's answer, and the secretary confirming a substitute.</summary>
public sealed class AttendancePanelTests : ComponentTestContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Member_sends_apologies_from_the_panel_and_the_answer_is_stored()
    {
        // Arrange
        var poul = SignInAs("Poul Skovbo");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        var overview = await Services.GetRequiredService<AttendanceService>().GetOverviewAsync(poul, meetingId, Ct);
        var changed = false;
        var cut = Render<AttendancePanel>(p => p.Add(x => x.Overview, overview).Add(x => x.OnChanged, () => changed = true));

        // Act
        await cut.Find("[data-testid=respond-apologies]").ClickAsync(new MouseEventArgs());

        // Assert
        await using var db = CreateDbContext();
        var answer = await db.Attendances.SingleAsync(a => a.MeetingId == meetingId && a.PersonId == poul.PersonId, Ct);
        Assert.Equal(InvitationResponse.Apologies, answer.Response);
        Assert.True(changed);
    }

    [Fact]
    public async Task Secretary_sees_the_proposed_substitute_and_confirms_the_call()
    {
        // Arrange
        var secretary = SignInAs("Iben Sørensen");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        var attendance = Services.GetRequiredService<AttendanceService>();
        await attendance.RespondAsync(UserFor("Poul Skovbo"), meetingId, InvitationResponse.Apologies, "Ferie", Ct);
        var overview = await attendance.GetOverviewAsync(secretary, meetingId, Ct);

        // Act
        var cut = Render<AttendancePanel>(p => p.Add(x => x.Overview, overview));
        var proposal = cut.Find("[data-testid=proposed-call]");
        await cut.Find("[data-testid=confirm-call]").ClickAsync(new MouseEventArgs());

        // Assert
        Assert.Contains("Carsten Lykke", proposal.TextContent);
        Assert.Contains("Poul Skovbo", proposal.TextContent);
        await using var db = CreateDbContext();
        Assert.Equal(SubstituteCallStatus.Confirmed, (await db.SubstituteCalls.SingleAsync(c => c.MeetingId == meetingId, Ct)).Status);
    }

    [Fact]
    public async Task Member_sees_no_confirm_buttons_and_who_steps_in_for_whom()
    {
        // Arrange
        var mia = SignInAs("Mia Kragh");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        var attendance = Services.GetRequiredService<AttendanceService>();
        await attendance.RespondAsync(UserFor("Poul Skovbo"), meetingId, InvitationResponse.Apologies, null, Ct);
        var proposed = await attendance.GetOverviewAsync(UserFor("Iben Sørensen"), meetingId, Ct);
        await attendance.ConfirmCallAsync(UserFor("Iben Sørensen"), proposed.Calls.Single().Id, Ct);
        var overview = await attendance.GetOverviewAsync(mia, meetingId, Ct);

        // Act
        var cut = Render<AttendancePanel>(p => p.Add(x => x.Overview, overview));

        // Assert
        Assert.Empty(cut.FindAll("[data-testid=confirm-call]"));
        Assert.Contains("Carsten Lykke", cut.Find("[data-testid=attendee][data-person='Poul Skovbo'] [data-testid=stepping-in]").TextContent);
    }
}
