using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Features.Hearings;
using Workspace.Web.Hubs;

namespace Workspace.IntegrationTests.Hearings;

/// <summary>
/// The joint response over /hubs/meeting: the chair and the administration write it, a member opens it read-only and
/// is refused a submission, another council's chair cannot open it, and once it is sent for approval the chair's next
/// submission is refused: the rights are read on every message.
/// </summary>
public sealed class HearingResponseHubTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    [Fact]
    public async Task Every_message_on_the_response_is_checked_against_the_current_rights()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        var secretary = await factory.UserAsync(DevSignIn.Administration);
        var hearingId = await factory.Service<HearingService>().CreateAsync(secretary, ids.Udsatteraadet, new HearingInput
        {
            Title = $"Hub {Guid.NewGuid():N}",
            Sender = "Udvalget",
            Deadline = DateOnly.FromDateTime(DateTime.Today.AddDays(20)),
            RemarksDeadline = DateOnly.FromDateTime(DateTime.Today.AddDays(10)),
        }, Ct);
        await using var chair = await HubClients.ConnectAsync(factory, DevSignIn.Chair);
        await using var member = await HubClients.ConnectAsync(factory, DevSignIn.Member);
        await using var other = await HubClients.ConnectAsync(factory, DevSignIn.OtherCouncilChair);
        await using var substitute = await HubClients.ConnectAsync(factory, DevSignIn.Substitute);
        await using var administration = await HubClients.ConnectAsync(factory, DevSignIn.Administration);

        // Act
        var chairOpened = await chair.InvokeAsync<OpenTextResult>(nameof(MeetingHub.OpenText), hearingId, "response", Ct);
        var written = await chair.InvokeAsync<TextSubmitResult>(nameof(MeetingHub.SubmitText), chairOpened.DocumentId, chairOpened.Revision,
            TextOperation.Insert(0, "Rådet støtter forslaget."), "chair-tab", 1L, Ct);
        var memberOpened = await member.InvokeAsync<OpenTextResult>(nameof(MeetingHub.OpenText), hearingId, "response", Ct);
        var memberSubmit = await Assert.ThrowsAsync<HubException>(() => member.InvokeAsync<TextSubmitResult>(nameof(MeetingHub.SubmitText),
            memberOpened.DocumentId, memberOpened.Revision, TextOperation.Insert(0, "Mia: "), "member-tab", 1L, Ct));
        var substituteOpened = await substitute.InvokeAsync<OpenTextResult>(nameof(MeetingHub.OpenText), hearingId, "response", Ct);
        var substituteSubmit = await Assert.ThrowsAsync<HubException>(() => substitute.InvokeAsync<TextSubmitResult>(nameof(MeetingHub.SubmitText),
            substituteOpened.DocumentId, substituteOpened.Revision, TextOperation.Insert(0, "Carsten: "), "substitute-tab", 1L, Ct));
        var administrationOpened = await administration.InvokeAsync<OpenTextResult>(nameof(MeetingHub.OpenText), hearingId, "response", Ct);
        var otherOpen = await Assert.ThrowsAsync<HubException>(() => other.InvokeAsync<OpenTextResult>(nameof(MeetingHub.OpenText), hearingId, "response", Ct));
        var otherSubmit = await Assert.ThrowsAsync<HubException>(() => other.InvokeAsync<TextSubmitResult>(nameof(MeetingHub.SubmitText),
            chairOpened.DocumentId, 1L, TextOperation.Insert(0, "x"), "other-tab", 1L, Ct));
        await factory.Service<HearingApprovalService>().SendForApprovalAsync(secretary, hearingId, DateOnly.FromDateTime(DateTime.Today.AddDays(5)), Ct);
        var afterApproval = await Assert.ThrowsAsync<HubException>(() => chair.InvokeAsync<TextSubmitResult>(nameof(MeetingHub.SubmitText),
            chairOpened.DocumentId, written.Committed.Revision, TextOperation.Insert(0, "Sent: "), "chair-tab", 2L, Ct));

        // Assert
        Assert.True(chairOpened.CanEdit);
        Assert.False(memberOpened.CanEdit);
        Assert.Equal("Rådet støtter forslaget.", memberOpened.Text);
        Assert.EndsWith("forbidden", memberSubmit.Message, StringComparison.Ordinal);
        Assert.False(substituteOpened.CanEdit);
        Assert.EndsWith("forbidden", substituteSubmit.Message, StringComparison.Ordinal);
        Assert.True(administrationOpened.CanEdit);
        Assert.EndsWith("not-found", otherOpen.Message, StringComparison.Ordinal);
        Assert.EndsWith("not-found", otherSubmit.Message, StringComparison.Ordinal);
        Assert.EndsWith("forbidden", afterApproval.Message, StringComparison.Ordinal);
        var details = await factory.Service<HearingService>().GetAsync(secretary, hearingId, Ct);
        Assert.Equal("Rådet støtter forslaget.", details.ResponseText);
    }
}
