using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Data.Entities;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Components.Shared;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Minutes;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Minutes;

/// <summary>Generated, circulated, commented, resolved, approved at the next meeting, locked, corrected as version 2.</summary>
public sealed class MinutesFlowTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    [Fact]
    public async Task The_minutes_go_from_draft_through_circulation_and_approval_to_a_corrected_second_version()
    {
        // Arrange
        var scenario = await MinutesScenario.CreateAsync(factory, status: null);
        var minutes = factory.Service<MinutesService>();
        var secretary = await factory.UserAsync(DevSignIn.Administration);
        var member = await factory.UserAsync(DevSignIn.Member);
        var chair = await factory.UserAsync(DevSignIn.Chair);
        var published = factory.Service<PublicMinutesService>();

        // Act and assert, step by step
        await minutes.StartAsync(secretary, scenario.MeetingId, Ct);
        Assert.Equal(MinutesStatus.Draft, (await minutes.GetAsync(secretary, scenario.MeetingId, ct: Ct)).Status);
        await Assert.ThrowsAsync<MinutesNotReadyException>(() => minutes.GetAsync(member, scenario.MeetingId, ct: Ct));
        var pastDeadline = await Assert.ThrowsAsync<InputValidationException>(() => minutes.CirculateAsync(secretary, scenario.MeetingId, DateTimeOffset.UtcNow.AddDays(-1), Ct));
        Assert.Equal("Minutes.DeadlinePassed", Assert.Single(pastDeadline.Errors).MessageKey);

        await minutes.CirculateAsync(secretary, scenario.MeetingId, DateTimeOffset.UtcNow.AddDays(7), Ct);
        var forMember = await minutes.GetAsync(member, scenario.MeetingId, ct: Ct);
        Assert.True(forMember.Rights.CanComment);
        Assert.Equal(scenario.ApprovalItemId, forMember.ApprovalItemId);
        Assert.Equal(scenario.NextMeetingId, forMember.ApprovedUnderMeetingId);
        var empty = await Assert.ThrowsAsync<InputValidationException>(() => minutes.CommentAsync(member, scenario.MeetingId, scenario.OpenItemId, "  ", Ct));
        Assert.Equal(InputRules.RequiredKey, Assert.Single(empty.Errors).MessageKey);
        var commentId = await minutes.CommentAsync(member, scenario.MeetingId, scenario.OpenItemId, "Jeg sagde vinterberedskab, ikke sommer.", Ct);
        await minutes.ResolveCommentAsync(secretary, commentId, "Rettet i referatet.", Ct);
        var resolved = Assert.Single((await minutes.GetAsync(secretary, scenario.MeetingId, ct: Ct)).Comments);
        Assert.Equal("Rettet i referatet.", resolved.Resolution);
        Assert.Null(await published.MinutesAsync(scenario.MeetingId, Ct));

        Assert.True((await minutes.GetAsync(chair, scenario.MeetingId, ct: Ct)).Rights.CanApprove);
        await minutes.ApproveAsync(chair, scenario.ApprovalItemId, Ct);
        var approved = await minutes.GetAsync(member, scenario.MeetingId, ct: Ct);
        Assert.Equal(MinutesStatus.Approved, approved.Status);
        Assert.Equal(1, approved.ShownVersion);
        Assert.False(approved.Rights.CanComment);
        Assert.Equal(scenario.ApprovalItemId, approved.ApprovedUnderItemId);
        Assert.Equal("Minutes.Locked", Assert.Single((await Assert.ThrowsAsync<InputValidationException>(() => minutes.CirculateAsync(secretary, scenario.MeetingId, DateTimeOffset.UtcNow.AddDays(3), Ct))).Errors).MessageKey);
        await Assert.ThrowsAsync<InputValidationException>(() => minutes.CommentAsync(member, scenario.MeetingId, scenario.OpenItemId, "For sent", Ct));
        await Assert.ThrowsAsync<InputValidationException>(() => minutes.ApproveAsync(chair, scenario.ApprovalItemId, Ct));
        Assert.Equal("Taget til efterretning.", (await published.MinutesAsync(scenario.MeetingId, Ct))!.Entries.Single(e => e.Number == "1").Decision);
        // The approving item's decision got its line through the co-editing, in the chair's name, once.
        var decision = await factory.Service<TextDocumentService>().GetAsync(TextDocumentIds.ForItem(scenario.ApprovalItemId, ItemText.Decision), "", Ct);
        var day = TimeZoneInfo.ConvertTime(scenario.StartsAt, CopenhagenTime.Zone).ToString("d. MMMM yyyy", CultureInfo.GetCultureInfo("da-DK"));
        Assert.Equal($"Referatet fra mødet den {day} blev godkendt.", decision.Text);
        var history = await factory.Service<TextDocumentService>().HistoryAsync(TextDocumentIds.ForItem(scenario.ApprovalItemId, ItemText.Decision), ct: Ct);
        Assert.Contains(history, h => h.AuthorName == DevSignIn.Chair);
        // ... and reaches the item's field, which the meeting page and the API read
        await factory.Services.GetRequiredService<ItemFieldSync>().FlushAsync(Ct);
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.Equal(decision.Text, (await db.AgendaItems.FindAsync([scenario.ApprovalItemId], Ct))!.Decision);
        }

        // A later correction: the item's decision changes, and only a new version with a reason carries it.
        await using (var db = await factory.CreateDbContextAsync())
        {
            var item = await db.AgendaItems.FindAsync([scenario.OpenItemId], Ct);
            item!.Decision = "Taget til efterretning med rådets bemærkninger.";
            await db.SaveChangesAsync(Ct);
        }
        Assert.Equal("Taget til efterretning.", (await minutes.GetAsync(member, scenario.MeetingId, ct: Ct)).Document.Entries.Single(e => e.Number == "1").Decision);
        await Assert.ThrowsAsync<InputValidationException>(() => minutes.CorrectAsync(secretary, scenario.MeetingId, "", Ct));
        Assert.Equal(2, await minutes.CorrectAsync(secretary, scenario.MeetingId, "Beslutningen manglede rådets bemærkninger.", Ct));

        var latest = await minutes.GetAsync(member, scenario.MeetingId, ct: Ct);
        var first = await minutes.GetAsync(member, scenario.MeetingId, version: 1, ct: Ct);
        Assert.Equal(2, latest.ShownVersion);
        Assert.Equal([1, 2], latest.Versions.Select(v => v.Number));
        Assert.Equal("Beslutningen manglede rådets bemærkninger.", latest.Versions[1].Reason);
        Assert.Equal("Taget til efterretning med rådets bemærkninger.", latest.Document.Entries.Single(e => e.Number == "1").Decision);
        Assert.Equal("Taget til efterretning.", first.Document.Entries.Single(e => e.Number == "1").Decision);
        Assert.Equal("Taget til efterretning med rådets bemærkninger.", (await published.MinutesAsync(scenario.MeetingId, Ct))!.Entries.Single(e => e.Number == "1").Decision);
    }
}
