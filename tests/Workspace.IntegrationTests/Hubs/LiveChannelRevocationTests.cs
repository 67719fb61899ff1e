using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Attendance;
using Workspace.Web.Features.Meetings;
using Workspace.Web.Features.Members;
using Workspace.Web.Features.Remarks;
using Workspace.Web.Hubs;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Hubs;

/// <summary>
/// An open text follows the rights as they change: when its item is closed, the meeting is cancelled, a call-in is
/// withdrawn or a membership ends, the connections that lost it are told at once, get no more of it and cannot ask for
/// it. Each test changes the demo data, so each has a database of its own.
/// </summary>
public sealed class LiveChannelRevocationTests : IAsyncLifetime
{
    private const string AbsentMember = "Poul Skovbo";
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly WorkspaceFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task A_substitute_loses_an_open_text_the_moment_its_item_is_closed_and_gets_none_of_what_follows()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        await using var substitute = await LiveClient.ConnectAsync(_factory, DevSignIn.Substitute);
        var opened = await substitute.OpenAsync(ids.OpenItem, "background");
        await using var secretary = await LiveClient.ConnectAsync(_factory, DevSignIn.Administration);

        // Act: the secretary closes the item, then writes confidential text in it
        await CloseItemAsync(ids.NextMeeting, ids.OpenItem);
        var notice = await substitute.Notice(opened.DocumentId).WaitAsync(Wait, Ct);
        var mine = await secretary.OpenAsync(ids.OpenItem, "background");
        await secretary.AppendAsync(mine, " Fortroligt: navnet på borgeren.", "secretary-tab");
        await secretary.Revision("secretary-tab").WaitAsync(Wait, Ct);
        var since = await Record.ExceptionAsync(() => substitute.Connection.InvokeAsync<List<TextRevision>>(nameof(MeetingHub.TextSince), opened.DocumentId, 0L, Ct));

        // Assert
        Assert.Equal(new TextAccessNotice(opened.DocumentId, false, false, TextAccessReasons.ItemClosed), notice);
        Assert.DoesNotContain(substitute.Revisions, r => r.ClientId == "secretary-tab");
        Assert.EndsWith("not-found", Assert.IsType<HubException>(since).Message);
    }

    [Fact]
    public async Task The_secretarys_open_text_turns_read_only_when_the_meeting_is_cancelled_and_a_later_submit_is_refused()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        await using var secretary = await LiveClient.ConnectAsync(_factory, DevSignIn.Administration);
        var opened = await secretary.OpenAsync(ids.OpenItem, "decision");
        await secretary.AppendAsync(opened, " Udsat.", "tab", 1);

        // Act
        await _factory.Service<MeetingService>().CancelAsync(await _factory.UserAsync(DevSignIn.Administration), ids.NextMeeting, "Sygdom", Ct);
        var notice = await secretary.Notice(opened.DocumentId).WaitAsync(Wait, Ct);
        var refused = await Record.ExceptionAsync(() => secretary.AppendAsync(opened with { Text = opened.Text + " Udsat.", Revision = opened.Revision + 1 }, " Mere.", "tab", 2));
        var stored = await _factory.Service<TextDocumentService>().GetAsync(opened.DocumentId, Ct);

        // Assert
        Assert.Equal(new TextAccessNotice(opened.DocumentId, true, false, TextAccessReasons.MeetingCancelled), notice);
        Assert.EndsWith("forbidden", Assert.IsType<HubException>(refused).Message);
        Assert.Equal(opened.Text + " Udsat.", stored.Text);
    }

    [Fact]
    public async Task A_substitute_whose_call_in_is_withdrawn_loses_the_closed_items_text()
    {
        // Arrange: Poul sends apologies and the secretary confirms Carsten in his place, who then opens the closed item
        var ids = await DemoIds.LoadAsync(_factory);
        var attendance = _factory.Service<AttendanceService>();
        var absent = await _factory.UserAsync(AbsentMember);
        var secretaryUser = await _factory.UserAsync(DevSignIn.Administration);
        await attendance.RespondAsync(absent, ids.NextMeeting, InvitationResponse.Apologies, null, Ct);
        var call = (await attendance.GetOverviewAsync(secretaryUser, ids.NextMeeting, Ct)).Calls.Single();
        await attendance.ConfirmCallAsync(secretaryUser, call.Id, Ct);
        await using var substitute = await LiveClient.ConnectAsync(_factory, DevSignIn.Substitute);
        var opened = await substitute.OpenAsync(ids.ClosedItem, "minutes");

        // Act: Poul comes after all, which withdraws the call
        await attendance.RespondAsync(absent, ids.NextMeeting, InvitationResponse.Attending, null, Ct);
        var notice = await substitute.Notice(opened.DocumentId).WaitAsync(Wait, Ct);
        var since = await Record.ExceptionAsync(() => substitute.Connection.InvokeAsync<List<TextRevision>>(nameof(MeetingHub.TextSince), opened.DocumentId, 0L, Ct));

        // Assert
        Assert.Equal(new TextAccessNotice(opened.DocumentId, false, false, TextAccessReasons.ItemClosed), notice);
        Assert.EndsWith("not-found", Assert.IsType<HubException>(since).Message);
    }

    [Fact]
    public async Task A_member_whose_seat_ends_loses_the_meeting_and_its_open_text_at_once()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        await using var member = await LiveClient.ConnectAsync(_factory, DevSignIn.Member);
        await member.Connection.InvokeAsync<MeetingDetails>(nameof(MeetingHub.JoinMeeting), ids.NextMeeting, Ct);
        var opened = await member.OpenAsync(ids.OpenItem, "background");
        (Guid Id, Guid Stamp) seat;
        await using (var db = await _factory.CreateDbContextAsync())
        {
            seat = await db.Memberships
                .Where(m => m.CouncilId == ids.Udsatteraadet && m.Person!.Name == DevSignIn.Member)
                .Select(m => new ValueTuple<Guid, Guid>(m.Id, m.ConcurrencyStamp))
                .SingleAsync(Ct);
        }

        // Act
        await _factory.Service<MembershipService>().RemoveAsync(await _factory.UserAsync(DevSignIn.Administration), seat.Id, seat.Stamp, Ct);
        var notice = await member.Notice(opened.DocumentId).WaitAsync(Wait, Ct);
        var ended = await member.Change("AccessEnded").WaitAsync(Wait, Ct);
        var since = await Record.ExceptionAsync(() => member.Connection.InvokeAsync<List<TextRevision>>(nameof(MeetingHub.TextSince), opened.DocumentId, 0L, Ct));
        var remark = await Record.ExceptionAsync(() => member.Connection.InvokeAsync<RemarkView>(nameof(MeetingHub.AddRemark), ids.OpenItem, "Stadig her?", Ct));

        // Assert
        Assert.Equal(new TextAccessNotice(opened.DocumentId, false, false, TextAccessReasons.NoAccess), notice);
        Assert.Equal((ids.NextMeeting, (Guid?)null), (ended.MeetingId, ended.ActorId));
        Assert.EndsWith("not-found", Assert.IsType<HubException>(since).Message);
        Assert.EndsWith("not-found", Assert.IsType<HubException>(remark).Message);
    }

    [Fact]
    public async Task A_remark_on_a_closed_item_does_not_reach_a_substitute_but_one_on_an_open_item_does()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        await using var substitute = await LiveClient.ConnectAsync(_factory, DevSignIn.Substitute);
        await substitute.Connection.InvokeAsync<MeetingDetails>(nameof(MeetingHub.JoinMeeting), ids.NextMeeting, Ct);
        var remarks = _factory.Service<RemarkService>();
        var member = await _factory.UserAsync(DevSignIn.Member);

        // Act
        await remarks.AddAsync(member, ids.ClosedItem, new RemarkInput { Text = "Om borgerens sag." }, Ct);
        await remarks.AddAsync(member, ids.OpenItem, new RemarkInput { Text = "Om budgettet." }, Ct);
        var open = await substitute.Change("RemarkAdded").WaitAsync(Wait, Ct);
        await Task.Delay(200, Ct);

        // Assert
        Assert.Equal(ids.OpenItem, open.AgendaItemId);
        Assert.DoesNotContain(substitute.Changes, c => c.AgendaItemId == ids.ClosedItem || c.ActorName == DevSignIn.Member && c.AgendaItemId is null && c.Kind == "RemarkAdded");
    }

    private async Task CloseItemAsync(Guid meetingId, Guid itemId)
    {
        var secretary = await _factory.UserAsync(DevSignIn.Administration);
        var meetings = _factory.Service<MeetingService>();
        var item = (await meetings.GetMeetingAsync(secretary, meetingId, Ct)).Items.Single(i => i.Id == itemId);
        var input = AgendaItemInput.From(item);
        input.IsClosed = true;
        await meetings.UpdateItemAsync(secretary, itemId, input, AgendaItemInput.From(item), Ct);
    }
}

/// <summary>A hub connection that records what it is sent: operations, access notices and meeting changes.</summary>
internal sealed class LiveClient : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<TextAccessNotice>> _notices = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<TextRevision>> _revisions = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<MeetingChangeMessage>> _changes = new();

    private LiveClient(HubConnection connection)
    {
        Connection = connection;
        connection.On<TextRevision[]>(nameof(IMeetingClient.TextsChanged), revisions =>
        {
            foreach (var revision in revisions)
            {
                Revisions.Add(revision);
                Completion(_revisions, revision.ClientId).TrySetResult(revision);
            }
        });
        connection.On<TextAccessNotice>(nameof(IMeetingClient.TextAccessChanged), notice => Completion(_notices, notice.DocumentId).TrySetResult(notice));
        connection.On<MeetingChangeMessage>(nameof(IMeetingClient.MeetingChanged), change =>
        {
            Changes.Add(change);
            Completion(_changes, change.Kind).TrySetResult(change);
        });
    }

    public HubConnection Connection { get; }

    public ConcurrentBag<TextRevision> Revisions { get; } = [];

    public ConcurrentBag<MeetingChangeMessage> Changes { get; } = [];

    public static async Task<LiveClient> ConnectAsync(WorkspaceFactory factory, string person) =>
        new(await HubClients.ConnectAsync(factory, person));

    public Task<TextAccessNotice> Notice(string documentId) => Completion(_notices, documentId).Task;

    public Task<TextRevision> Revision(string clientId) => Completion(_revisions, clientId).Task;

    public Task<MeetingChangeMessage> Change(string kind) => Completion(_changes, kind).Task;

    public Task<OpenTextResult> OpenAsync(Guid itemId, string field) =>
        Connection.InvokeAsync<OpenTextResult>(nameof(MeetingHub.OpenText), itemId, field, Ct);

    /// <summary>Appends <paramref name="text"/> to the text as it was opened.</summary>
    public Task<TextSubmitResult> AppendAsync(OpenTextResult opened, string text, string clientId, long clientSeq = 1) =>
        Connection.InvokeAsync<TextSubmitResult>(nameof(MeetingHub.SubmitText), opened.DocumentId, opened.Revision,
            TextOperation.Create(OpComponent.Retain(opened.Text.Length), OpComponent.Insert(text)), clientId, clientSeq, Ct);

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    private static TaskCompletionSource<T> Completion<T>(ConcurrentDictionary<string, TaskCompletionSource<T>> sources, string key) =>
        sources.GetOrAdd(key, _ => new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously));
}
