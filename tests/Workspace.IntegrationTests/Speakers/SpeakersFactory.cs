using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Attendance;
using Workspace.Web.Features.Running;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Speakers;

/// <summary>The demo meeting as the speakers' tests need it: running, at the open item 4, with a substitute stepping in.</summary>
public sealed record SpeakersScene(DemoIds Ids, Guid Meeting, Guid Item, Guid ClosedItem);

/// <summary>
/// The app with the next meeting of Udsatterådet started (through MeetingRunService, as the chair would) and moved to item 4;
/// Poul Skovbo sent apologies and Carsten Lykke, the first substitute, steps in for him. Martin Rosendahl is a substitute
/// who is not called in.
/// </summary>
public sealed class SpeakersFactory : WorkspaceFactory
{
    public const string SteppingIn = DevSignIn.Substitute;
    public const string NotCalledIn = "Martin Rosendahl";
    public const string Replaced = "Poul Skovbo";

    private readonly SemaphoreSlim _arranging = new(1, 1);
    private SpeakersScene? _scene;

    public async Task<SpeakersScene> SceneAsync()
    {
        await _arranging.WaitAsync(Ct);
        try
        {
            return _scene ??= await ArrangeAsync();
        }
        finally
        {
            _arranging.Release();
        }
    }

    /// <summary>Empties every list of speakers, so each test starts from none.</summary>
    public async Task ClearListsAsync()
    {
        await using var db = await this.CreateDbContextAsync();
        await db.SpeakerRequests.ExecuteDeleteAsync(Ct);
        await db.SpeakerLists.ExecuteDeleteAsync(Ct);
    }

    /// <summary>Makes another item current (the chair moved on), as the run service does.</summary>
    public async Task MoveToAsync(Guid itemId)
    {
        var scene = await SceneAsync();
        var run = this.Service<MeetingRunService>();
        var secretary = await this.UserAsync(DevSignIn.Administration);
        var state = await run.StateAsync(secretary, scene.Meeting, Ct);
        await run.SetCurrentAsync(secretary, scene.Meeting, state.Current?.ItemId, itemId, Ct);
    }

    private async Task<SpeakersScene> ArrangeAsync()
    {
        var ids = await DemoIds.LoadAsync(this);
        var secretary = await this.UserAsync(DevSignIn.Administration);
        var attendance = this.Service<AttendanceService>();
        await attendance.RespondAsync(await this.UserAsync(Replaced), ids.NextMeeting, InvitationResponse.Apologies, "Syg", Ct);
        var call = (await attendance.GetOverviewAsync(secretary, ids.NextMeeting, Ct)).Calls.Single(c => c.Status == SubstituteCallStatus.Proposed);
        await attendance.ConfirmCallAsync(secretary, call.Id, Ct);
        var run = this.Service<MeetingRunService>();
        await run.StartAsync(await this.UserAsync(DevSignIn.Chair), ids.NextMeeting, Ct);
        var state = await run.StateAsync(secretary, ids.NextMeeting, Ct);
        await run.SetCurrentAsync(secretary, ids.NextMeeting, state.Current?.ItemId, ids.OpenItem, Ct);
        return new SpeakersScene(ids, ids.NextMeeting, ids.OpenItem, ids.ClosedItem);
    }

    public static async Task<SpeakerOutcome> OutcomeOfAsync(Func<Task> action)
    {
        try
        {
            await action();
            return SpeakerOutcome.Allowed;
        }
        catch (AccessDeniedException)
        {
            return SpeakerOutcome.AccessDenied;
        }
        catch (NotFoundException)
        {
            return SpeakerOutcome.NotFound;
        }
    }
}

public enum SpeakerOutcome
{
    Allowed,
    AccessDenied,
    NotFound,
}
