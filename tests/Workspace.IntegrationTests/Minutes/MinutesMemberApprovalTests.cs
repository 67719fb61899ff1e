using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Minutes;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Minutes;

/// <summary>
/// Approval by each member's "Godkend": chosen by the administration (new minutes take the council's latest choice), given
/// by the members present, seen by everyone, and locking the minutes as version 1 when the last one approves; the next
/// meeting's "Godkendelse af referat" records it in its decision.
/// </summary>
public sealed class MinutesMemberApprovalTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    [Fact]
    public async Task The_minutes_lock_when_every_member_present_has_approved_and_the_next_meeting_records_it()
    {
        // Arrange: circulated minutes the members approve; the chair, the member and Leni were present
        var scenario = await MinutesScenario.CreateAsync(factory, MinutesStatus.InCirculation, byMembers: true);
        var minutes = factory.Service<MinutesService>();
        var published = factory.Service<PublicMinutesService>();
        var users = new List<WorkspaceUser>();
        foreach (var name in MinutesScenario.Present)
        {
            users.Add(await factory.UserAsync(name));
        }
        var secretary = await factory.UserAsync(DevSignIn.Administration);

        // Act and assert: two of three approve (one of them twice); nothing locks, everyone sees who approved
        await minutes.ApproveAsMemberAsync(users[0], scenario.MeetingId, Ct);
        await minutes.ApproveAsMemberAsync(users[0], scenario.MeetingId, Ct);
        await minutes.ApproveAsMemberAsync(users[1], scenario.MeetingId, Ct);
        var forSecretary = await minutes.GetAsync(secretary, scenario.MeetingId, ct: Ct);
        Assert.Equal(MinutesStatus.InCirculation, forSecretary.Status);
        Assert.True(forSecretary.MemberApproval.Enabled);
        Assert.Equal(2, forSecretary.MemberApproval.ApprovedCount);
        Assert.Equal(3, forSecretary.MemberApproval.Approvers.Count);
        Assert.Null(Assert.Single(forSecretary.MemberApproval.Approvers, a => a.Name == "Leni Dahlgaard").ApprovedAt);
        Assert.False((await minutes.GetAsync(users[0], scenario.MeetingId, ct: Ct)).Rights.CanApproveAsMember);
        Assert.True((await minutes.GetAsync(users[2], scenario.MeetingId, ct: Ct)).Rights.CanApproveAsMember);
        Assert.Null(await published.MinutesAsync(scenario.MeetingId, Ct));

        // The last one approves: locked as version 1, not under an item, public
        await minutes.ApproveAsMemberAsync(users[2], scenario.MeetingId, Ct);
        var approved = await minutes.GetAsync(users[1], scenario.MeetingId, ct: Ct);
        Assert.Equal(MinutesStatus.Approved, approved.Status);
        Assert.Equal(1, approved.ShownVersion);
        Assert.Null(approved.ApprovedUnderItemId);
        Assert.False(approved.Rights.CanApprove);
        Assert.False(approved.Rights.CanChooseApproval);
        Assert.NotNull(await published.MinutesAsync(scenario.MeetingId, Ct));
        Assert.Equal("Minutes.Locked", Assert.Single((await Assert.ThrowsAsync<InputValidationException>(
            () => minutes.ApproveAsMemberAsync(users[2], scenario.MeetingId, Ct))).Errors).MessageKey);
        Assert.Equal("Minutes.Locked", Assert.Single((await Assert.ThrowsAsync<InputValidationException>(
            () => minutes.SetApprovalByMembersAsync(secretary, scenario.MeetingId, false, Ct))).Errors).MessageKey);
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(1, await db.Set<MinutesVersion>().CountAsync(v => v.MeetingMinutesId == scenario.MinutesId, Ct));
        Assert.Equal(3, await db.Set<MinutesApproval>().CountAsync(a => a.MeetingMinutesId == scenario.MinutesId, Ct));

        var decision = await factory.Service<TextDocumentService>().GetAsync(TextDocumentIds.ForItem(scenario.ApprovalItemId, ItemText.Decision), "", Ct);
        var danish = CultureInfo.GetCultureInfo("da-DK");
        var day = TimeZoneInfo.ConvertTime(scenario.StartsAt, CopenhagenTime.Zone).ToString("d. MMMM yyyy", danish);
        var today = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, CopenhagenTime.Zone).ToString("d. MMMM yyyy", danish);
        Assert.Equal($"Referatet fra mødet den {day} blev godkendt af medlemmerne den {today}.", decision.Text);
    }

    [Fact]
    public async Task Members_cannot_approve_minutes_the_council_approves_at_the_next_meeting_nor_a_draft()
    {
        // Arrange
        var atNextMeeting = await MinutesScenario.CreateAsync(factory, MinutesStatus.InCirculation);
        var draft = await MinutesScenario.CreateAsync(factory, MinutesStatus.Draft, byMembers: true);
        var minutes = factory.Service<MinutesService>();
        var member = await factory.UserAsync(DevSignIn.Member);

        // Act
        var off = await Assert.ThrowsAsync<InputValidationException>(() => minutes.ApproveAsMemberAsync(member, atNextMeeting.MeetingId, Ct));
        var view = await minutes.GetAsync(member, atNextMeeting.MeetingId, ct: Ct);

        // Assert
        Assert.Equal("Minutes.NotByMembers", Assert.Single(off.Errors).MessageKey);
        Assert.False(view.MemberApproval.Enabled);
        Assert.Empty(view.MemberApproval.Approvers);
        Assert.False(view.Rights.CanApproveAsMember);
        await Assert.ThrowsAsync<MinutesNotReadyException>(() => minutes.ApproveAsMemberAsync(member, draft.MeetingId, Ct));
    }

    [Fact]
    public async Task Someone_not_signed_in_learns_nothing_and_changes_nothing()
    {
        // Arrange
        var scenario = await MinutesScenario.CreateAsync(factory, MinutesStatus.InCirculation, byMembers: true);
        var minutes = factory.Service<MinutesService>();

        // Act and assert: the meeting is not found for the anonymous user (the pages redirect to sign-in before this)
        await Assert.ThrowsAsync<NotFoundException>(() => minutes.ApproveAsMemberAsync(WorkspaceUser.Anonymous, scenario.MeetingId, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => minutes.SetApprovalByMembersAsync(WorkspaceUser.Anonymous, scenario.MeetingId, false, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => minutes.GetAsync(WorkspaceUser.Anonymous, scenario.MeetingId, ct: Ct));
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(0, await db.Set<MinutesApproval>().CountAsync(a => a.MeetingMinutesId == scenario.MinutesId, Ct));
        Assert.True((await db.Set<MeetingMinutes>().SingleAsync(m => m.Id == scenario.MinutesId, Ct)).ApprovalByMembers);
    }

    [Fact]
    public async Task New_minutes_take_the_councils_latest_choice_and_without_registered_attendance_the_members_in_term_approve()
    {
        // Arrange
        var first = await MinutesScenario.CreateAsync(factory, status: null);
        var second = await MinutesScenario.CreateAsync(factory, status: null);
        var third = await MinutesScenario.CreateAsync(factory, status: null);
        var minutes = factory.Service<MinutesService>();
        var secretary = await factory.UserAsync(DevSignIn.Administration);

        // Act: the council chooses approval by the members for one meeting's minutes, then drops it again
        await minutes.SetApprovalByMembersAsync(secretary, first.MeetingId, true, Ct);
        await minutes.StartAsync(secretary, second.MeetingId, Ct);
        var secondView = await minutes.GetAsync(secretary, second.MeetingId, ct: Ct);
        await minutes.SetApprovalByMembersAsync(secretary, second.MeetingId, false, Ct);
        await minutes.CirculateAsync(secretary, third.MeetingId, DateTimeOffset.UtcNow.AddDays(5), Ct);
        var thirdView = await minutes.GetAsync(secretary, third.MeetingId, ct: Ct);

        // Assert: the second followed the first; the third followed the second's change back
        Assert.True(secondView.MemberApproval.Enabled);
        Assert.False(thirdView.MemberApproval.Enabled);
        // Nobody was registered present at these meetings: every member in term approves, no substitute, no staff.
        var names = secondView.MemberApproval.Approvers.Select(a => a.Name).ToList();
        Assert.Contains(DevSignIn.Chair, names);
        Assert.Contains(DevSignIn.Member, names);
        Assert.DoesNotContain(DevSignIn.Substitute, names);
        Assert.DoesNotContain(DevSignIn.Administration, names);
        Assert.Equal(10, names.Count);
    }
}
