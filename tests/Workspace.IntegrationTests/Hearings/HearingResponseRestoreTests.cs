using Microsoft.AspNetCore.SignalR.Client;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Hearings;
using Workspace.Web.Hubs;

namespace Workspace.IntegrationTests.Hearings;

/// <summary>
/// Restoring an older version of the joint response (#14), as items' texts restore (decision 014): through the co-editing
/// to every open editor, as a version of its own, with the provenance the version had (decision 017); refused once the
/// response is what the members approve.
/// </summary>
public sealed class HearingResponseRestoreTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    [Fact]
    public async Task A_restore_reaches_open_editors_and_brings_back_the_versions_links_to_the_remarks()
    {
        // Arrange: version 1 has Poul's passage; in version 2 the chair replaced it with Mia's
        var (hearingId, poul, mia) = await HearingWithRemarksAsync();
        var secretary = await factory.UserAsync(DevSignIn.Administration);
        var chair = await factory.UserAsync(DevSignIn.Chair);
        var documents = factory.Service<TextDocumentService>();
        var documentId = TextDocumentIds.ForHearingResponse(hearingId);
        var first = "Rådet bakker op.\n\n" + ResponseProvenance.Wrap([ResponseProvenance.TagOf(poul)], "Flere skæve boliger i alle bydele.");
        var second = "Rådet bakker op.\n\n" + ResponseProvenance.Wrap([ResponseProvenance.TagOf(mia)], "Husk de unge hjemløse.");
        await documents.GetAsync(documentId, "", Ct);
        await documents.SubmitAsync(documentId, 0, TextOperation.Insert(0, first), secretary.PersonId!.Value, $"drafting-tab-{Guid.NewGuid():N}", 1, Ct);
        await documents.SubmitAsync(documentId, 1, TextOperation.FromDiff(first, second), chair.PersonId!.Value, $"drafting-tab-{Guid.NewGuid():N}", 1, Ct);
        await using var editor = await HubClients.ConnectAsync(factory, DevSignIn.Chair);
        var pushed = new TaskCompletionSource<TextRevision>(TaskCreationOptions.RunContinuationsAsynchronously);
        editor.On<TextRevision[]>(nameof(IMeetingClient.TextsChanged), revisions =>
        {
            foreach (var revision in revisions.Where(r => r.DocumentId == documentId && r.ClientId.StartsWith("restore-", StringComparison.Ordinal)))
            {
                pushed.TrySetResult(revision);
            }
        });
        var opened = await editor.InvokeAsync<OpenTextResult>(nameof(MeetingHub.OpenText), hearingId, "response", Ct);
        var hearings = factory.Service<HearingService>();

        // Act
        var restored = await hearings.RestoreResponseAsync(secretary, hearingId, 1, Ct);
        var again = await hearings.RestoreResponseAsync(secretary, hearingId, 1, Ct);
        var unknown = await Assert.ThrowsAsync<InputValidationException>(() => hearings.RestoreResponseAsync(secretary, hearingId, 99, Ct));

        // Assert: the chair's open editor got it, as the next revision
        Assert.Equal(2, opened.Revision);
        var received = await pushed.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal((3L, secretary.PersonId), (received.Revision, received.AuthorId));
        Assert.Equal(received.Operation.Apply(second), first);
        Assert.Equal(3, restored);
        Assert.Equal(3, again);
        Assert.Contains(unknown.Errors, e => e.MessageKey == "TextHistory.UnknownRevision");
        // Poul's passage credits him again, Mia's remark reads as not used; readers see the passages as in version 1
        var member = await factory.UserAsync(DevSignIn.Member);
        var details = await hearings.GetAsync(member, hearingId, Ct);
        Assert.Equal(first, details.ResponseText);
        Assert.True(details.Remarks.Single(r => r.Id == poul).IsUsed);
        Assert.False(details.Remarks.Single(r => r.Id == mia).IsUsed);
        var passages = ResponseProvenance.Parse(details.ResponseText);
        Assert.Equal([ResponseProvenance.TagOf(poul)], passages.Single(p => p.Tags.Count > 0).Tags);
        var history = await hearings.ResponseHistoryAsync(member, hearingId, Ct);
        Assert.Equal((TextChangeKind.Restore, 1L, DevSignIn.Administration), (history[0].Kind, history[0].RestoredRevision, history[0].AuthorName));
        Assert.Equal(3, history.Count);
    }

    [Theory]
    [InlineData(DevSignIn.Administration)]
    [InlineData(DevSignIn.Chair)]
    public async Task Once_sent_for_approval_the_response_is_not_restored(string person)
    {
        // Arrange
        var (hearingId, _, _) = await HearingWithRemarksAsync();
        var secretary = await factory.UserAsync(DevSignIn.Administration);
        var documents = factory.Service<TextDocumentService>();
        var documentId = TextDocumentIds.ForHearingResponse(hearingId);
        await documents.GetAsync(documentId, "", Ct);
        await documents.SubmitAsync(documentId, 0, TextOperation.Insert(0, "Første udkast."), secretary.PersonId!.Value, $"drafting-tab-{Guid.NewGuid():N}", 1, Ct);
        await documents.SubmitAsync(documentId, 1, TextOperation.FromDiff("Første udkast.", "Det endelige svar."), secretary.PersonId!.Value, $"drafting-tab-{Guid.NewGuid():N}", 2, Ct);
        await factory.Service<HearingApprovalService>().SendForApprovalAsync(secretary, hearingId, Today.AddDays(7), Ct);

        var user = await factory.UserAsync(person);

        // Act
        var refused = await Record.ExceptionAsync(() => factory.Service<HearingService>().RestoreResponseAsync(user, hearingId, 1, Ct));

        // Assert
        Assert.IsType<AccessDeniedException>(refused);
        Assert.Equal("Det endelige svar.", (await documents.GetAsync(documentId, "", Ct)).Text);
    }

    private async Task<(Guid Hearing, Guid Poul, Guid Mia)> HearingWithRemarksAsync()
    {
        var ids = await DemoIds.LoadAsync(factory);
        var hearings = factory.Service<HearingService>();
        var secretary = await factory.UserAsync(DevSignIn.Administration);
        var hearingId = await hearings.CreateAsync(secretary, ids.Udsatteraadet, new HearingInput
        {
            Title = $"Gendan {Guid.NewGuid():N}",
            Sender = "Beskæftigelses- og Socialudvalget",
            Deadline = Today.AddDays(30),
            RemarksDeadline = Today.AddDays(14),
        }, Ct);
        var poul = await hearings.AddRemarkAsync(await factory.UserAsync("Poul Skovbo"), hearingId, new HearingRemarkInput { Text = "Flere skæve boliger i alle bydele." }, Ct);
        var mia = await hearings.AddRemarkAsync(await factory.UserAsync(DevSignIn.Member), hearingId, new HearingRemarkInput { Text = "Husk de unge hjemløse." }, Ct);
        return (hearingId, poul, mia);
    }

    // The app counts days in Copenhagen; the test machine runs in UTC.
    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen")).DateTime);
}
