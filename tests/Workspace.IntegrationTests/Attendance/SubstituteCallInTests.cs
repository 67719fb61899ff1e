using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Attendance;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Attendance;

/// <summary>
/// A member sends apologies, the next substitute is proposed, the administration confirms, and the substitute then has
/// member rights at that meeting only. Each factory has its own database, so the call-in does not leak into other tests.
/// </summary>
public sealed class SubstituteCallInTests : IAsyncLifetime
{
    private const string AbsentMember = "Poul Skovbo";
    private readonly WorkspaceFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task Substitute_can_remark_at_the_meeting_they_step_in_for_but_not_at_another()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        var laterMeetingItem = await LaterMeetingItemAsync(ids);
        using var substitute = await _factory.SignedInClientAsync(DevSignIn.Substitute);
        using var secretary = await _factory.SignedInClientAsync(DevSignIn.Administration);
        var attendance = _factory.Services.GetRequiredService<AttendanceService>();
        var before = await PostRemarkAsync(substitute, ids.OpenItem);

        // Act: apologies propose the first substitute in order (no substitute shares Poul's organisation); the secretary confirms
        await attendance.RespondAsync(await UserAsync(AbsentMember, WorkspaceRoles.Member), ids.NextMeeting, InvitationResponse.Apologies, "På ferie", Ct);
        var overview = await attendance.GetOverviewAsync(await UserAsync(DevSignIn.Administration, WorkspaceRoles.Administration), ids.NextMeeting, Ct);
        var call = Assert.Single(overview.Calls, c => c.Status == SubstituteCallStatus.Proposed);
        var proposedBeforeConfirm = await PostRemarkAsync(substitute, ids.OpenItem);
        await attendance.ConfirmCallAsync(await UserAsync(DevSignIn.Administration, WorkspaceRoles.Administration), call.Id, Ct);

        // Assert
        Assert.Equal(DevSignIn.Substitute, call.SubstituteName);
        Assert.Equal(HttpStatusCode.Forbidden, before);
        Assert.Equal(HttpStatusCode.Forbidden, proposedBeforeConfirm);
        Assert.Equal(HttpStatusCode.Created, await PostRemarkAsync(substitute, ids.OpenItem));
        Assert.Equal(HttpStatusCode.Forbidden, await PostRemarkAsync(substitute, laterMeetingItem));
        Assert.Equal(HttpStatusCode.Forbidden, await PostRemarkAsync(secretary, ids.OpenItem));
        var meeting = await substitute.GetFromJsonAsync<MeetingJson>($"/api/meetings/{ids.NextMeeting}", Ct);
        Assert.Contains(meeting!.Items, i => i.Id == ids.ClosedItem);
        var after = await attendance.GetOverviewAsync(await UserAsync(DevSignIn.Member, WorkspaceRoles.Member), ids.NextMeeting, Ct);
        Assert.Equal(DevSignIn.Substitute, after.Members.Single(m => m.Name == AbsentMember).SteppingInName);
        Assert.Equal(AbsentMember, after.Substitutes.Single(s => s.Name == DevSignIn.Substitute).SteppingInName);
    }

    [Fact]
    public async Task Attending_again_withdraws_the_call_and_the_substitutes_rights()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        using var substitute = await _factory.SignedInClientAsync(DevSignIn.Substitute);
        var attendance = _factory.Services.GetRequiredService<AttendanceService>();
        var absent = await UserAsync(AbsentMember, WorkspaceRoles.Member);
        var secretary = await UserAsync(DevSignIn.Administration, WorkspaceRoles.Administration);
        await attendance.RespondAsync(absent, ids.NextMeeting, InvitationResponse.Apologies, null, Ct);
        var call = (await attendance.GetOverviewAsync(secretary, ids.NextMeeting, Ct)).Calls.Single();
        await attendance.ConfirmCallAsync(secretary, call.Id, Ct);

        // Act
        await attendance.RespondAsync(absent, ids.NextMeeting, InvitationResponse.Attending, null, Ct);

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, await PostRemarkAsync(substitute, ids.OpenItem));
        var overview = await attendance.GetOverviewAsync(secretary, ids.NextMeeting, Ct);
        Assert.Equal(SubstituteCallStatus.Withdrawn, overview.Calls.Single().Status);
    }

    [Fact]
    public async Task Only_the_administration_confirms_a_call()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        var attendance = _factory.Services.GetRequiredService<AttendanceService>();
        await attendance.RespondAsync(await UserAsync(AbsentMember, WorkspaceRoles.Member), ids.NextMeeting, InvitationResponse.Apologies, null, Ct);
        var call = (await attendance.GetOverviewAsync(await UserAsync(DevSignIn.Administration, WorkspaceRoles.Administration), ids.NextMeeting, Ct)).Calls.Single();

        var member = await UserAsync(DevSignIn.Member, WorkspaceRoles.Member);
        var substitute = await UserAsync(DevSignIn.Substitute, WorkspaceRoles.Substitute);
        var otherCouncil = await UserAsync(DevSignIn.OtherCouncilChair, WorkspaceRoles.Member);

        // Act and assert
        await Assert.ThrowsAsync<AccessDeniedException>(() => attendance.ConfirmCallAsync(member, call.Id, Ct));
        await Assert.ThrowsAsync<AccessDeniedException>(() => attendance.ConfirmCallAsync(substitute, call.Id, Ct));
        await Assert.ThrowsAsync<NotFoundException>(() => attendance.ConfirmCallAsync(otherCouncil, call.Id, Ct));
    }

    private async Task<WorkspaceUser> UserAsync(string name, string role) =>
        new(await DemoIds.PersonIdAsync(_factory, name), name, new HashSet<string> { role });

    private async Task<Guid> LaterMeetingItemAsync(DemoIds ids)
    {
        await using var db = await _factory.CreateDbContextAsync();
        var nextStart = await db.Meetings.Where(m => m.Id == ids.NextMeeting).Select(m => m.StartsAt).SingleAsync(Ct);
        var later = (await db.Meetings.Where(m => m.CouncilId == ids.Udsatteraadet && m.Status == MeetingStatus.Published).ToListAsync(Ct))
            .Where(m => m.StartsAt > nextStart).OrderBy(m => m.StartsAt).First();
        return await db.AgendaItems.Where(i => i.MeetingId == later.Id && i.Number == 4 && i.ParentId == null).Select(i => i.Id).SingleAsync(Ct);
    }

    private static async Task<HttpStatusCode> PostRemarkAsync(HttpClient client, Guid itemId)
    {
        using var response = await client.PostAsJsonAsync($"/api/items/{itemId}/remarks", new { text = "Suppleantens bemærkning." }, Ct);
        return response.StatusCode;
    }

    private sealed record MeetingJson(List<ItemJson> Items);

    private sealed record ItemJson(Guid Id);
}
