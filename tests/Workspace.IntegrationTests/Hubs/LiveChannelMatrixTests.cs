using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Collaboration;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Collaboration.Presence;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Meetings;
using Workspace.Web.Hubs;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Hubs;

public enum LiveRole
{
    Administration,
    Chair,
    Member,
    Substitute,
    SubstituteSteppingIn,
    OtherCouncilMember,
    Anonymous,
}

/// <summary>
/// A meeting of Udsatterådet in each status, each with an open item and a closed item, and a confirmed call-in of the
/// second substitute for an absent member (so that substitute steps in there, the first one does not).
/// </summary>
public sealed class LiveChannelMatrixFixture : WorkspaceFactory, IAsyncLifetime
{
    public const string SteppingInSubstitute = "Martin Rosendahl";
    private const string AbsentMember = "Poul Skovbo";

    public Dictionary<MeetingStatus, (Guid Meeting, Guid OpenItem, Guid ClosedItem)> Meetings { get; } = [];

    public async ValueTask InitializeAsync()
    {
        await using var db = await this.CreateDbContextAsync();
        var council = await db.Councils.Where(c => c.Name == "Udsatterådet").Select(c => c.Id).SingleAsync(Ct);
        var substitute = await db.People.Where(p => p.Name == SteppingInSubstitute).Select(p => p.Id).SingleAsync(Ct);
        var absent = await db.People.Where(p => p.Name == AbsentMember).Select(p => p.Id).SingleAsync(Ct);
        var startsAt = DateTimeOffset.UtcNow.AddDays(60);
        foreach (var status in Enum.GetValues<MeetingStatus>())
        {
            var meeting = new Meeting
            {
                CouncilId = council,
                Title = $"Matrixmøde ({status})",
                StartsAt = startsAt,
                EndsAt = startsAt.AddHours(2),
                Place = "Rådhuset, mødelokale 2",
                Status = status,
                PublishedAt = status == MeetingStatus.Draft ? null : startsAt.AddDays(-30),
                CancellationReason = status == MeetingStatus.Cancelled ? "Matrix" : null,
            };
            var open = new AgendaItem { MeetingId = meeting.Id, Number = 1, Title = "Åbent punkt", Background = "Åben baggrund." };
            var closed = new AgendaItem { MeetingId = meeting.Id, Number = 2, Title = "Lukket punkt", Background = "Fortrolig baggrund.", IsClosed = true };
            db.Meetings.Add(meeting);
            db.AgendaItems.AddRange(open, closed);
            db.SubstituteCalls.Add(new SubstituteCall
            {
                MeetingId = meeting.Id,
                SubstituteId = substitute,
                ForMemberId = absent,
                Status = SubstituteCallStatus.Confirmed,
                ProposedAt = DateTimeOffset.UtcNow,
                DecidedAt = DateTimeOffset.UtcNow,
            });
            Meetings[status] = (meeting.Id, open.Id, closed.Id);
            startsAt = startsAt.AddDays(7);
        }
        await db.SaveChangesAsync(Ct);
    }
}

/// <summary>
/// The live channel's authorization matrix: role x event x open or closed item x meeting status, against the hub and
/// against what a meeting page's circuit uses (its change feed and its presence). Every cell is decided by the rights
/// at that moment; the cells where rights change while a text is open are in <see cref="LiveChannelRevocationTests"/>.
/// </summary>
public sealed class LiveChannelMatrixTests(LiveChannelMatrixFixture factory) : IClassFixture<LiveChannelMatrixFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>What each role may do, as the domain says: the rows of the matrix.</summary>
    private static (bool ReadsDrafts, bool ReadsMeetings, bool SeesClosedItems, bool WritesTexts) Rights(LiveRole role) => role switch
    {
        LiveRole.Administration => (true, true, true, true),
        LiveRole.Chair or LiveRole.Member or LiveRole.SubstituteSteppingIn => (false, true, true, false),
        LiveRole.Substitute => (false, true, false, false),
        _ => (false, false, false, false),
    };

    public static IEnumerable<TheoryDataRow<LiveRole, MeetingStatus, bool>> Cells() =>
        from role in Enum.GetValues<LiveRole>()
        from status in Enum.GetValues<MeetingStatus>()
        from closedItem in new[] { false, true }
        select new TheoryDataRow<LiveRole, MeetingStatus, bool>(role, status, closedItem);

    private static string Expected(LiveRole role, MeetingStatus status, bool closedItem, bool hub)
    {
        var rights = Rights(role);
        var readsMeeting = rights.ReadsMeetings && (status != MeetingStatus.Draft || rights.ReadsDrafts);
        var readsItem = readsMeeting && (!closedItem || rights.SeesClosedItems);
        var writes = readsItem && rights.WritesTexts && status is not (MeetingStatus.Closed or MeetingStatus.Cancelled);
        if (hub && role == LiveRole.Anonymous)
        {
            return "connect=unauthorized";
        }
        var found = (bool ok) => ok ? "ok" : "not-found";
        var delivered = (bool ok) => ok ? "delivered" : "refused";
        return hub
            ? $"join={found(readsMeeting)} open={found(readsItem)} submit={(writes ? "ok" : readsItem ? "forbidden" : "not-found")} " +
              $"since={found(readsItem)} push={delivered(readsItem)} remark={delivered(readsItem)} presence={found(readsItem)}"
            : $"page={found(readsMeeting)} text={found(readsItem)} remark={delivered(readsItem)} presence={delivered(readsItem)}";
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Hub_delivers_each_event_only_where_the_rights_allow(LiveRole role, MeetingStatus status, bool closedItem)
    {
        // Arrange
        var (meetingId, openItem, closed) = factory.Meetings[status];
        var itemId = closedItem ? closed : openItem;

        // Act
        var outcome = await HubOutcomeAsync(role, meetingId, itemId, openItem);

        // Assert
        Assert.Equal(Expected(role, status, closedItem, hub: true), outcome);
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Circuit_feed_and_presence_deliver_each_event_only_where_the_rights_allow(LiveRole role, MeetingStatus status, bool closedItem)
    {
        // Arrange
        var (meetingId, openItem, closed) = factory.Meetings[status];
        var itemId = closedItem ? closed : openItem;
        var user = role == LiveRole.Anonymous ? WorkspaceUser.Anonymous : await factory.UserAsync(PersonOf(role));

        // Act
        var outcome = await CircuitOutcomeAsync(user, meetingId, itemId, openItem);

        // Assert
        Assert.Equal(Expected(role, status, closedItem, hub: false), outcome);
    }

    private async Task<string> HubOutcomeAsync(LiveRole role, Guid meetingId, Guid itemId, Guid openItem)
    {
        HubConnection connection;
        try
        {
            connection = await HubClients.ConnectAsync(factory, role == LiveRole.Anonymous ? null : PersonOf(role));
        }
        catch (HttpRequestException ex) when (ex.StatusCode == HttpStatusCode.Unauthorized)
        {
            return "connect=unauthorized";
        }
        await using var _ = connection;
        var pushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pushClient = "matrix-writer-" + Guid.NewGuid().ToString("N");
        connection.On<TextRevision[]>(nameof(IMeetingClient.TextsChanged), revisions =>
        {
            if (revisions.Any(r => r.ClientId == pushClient))
            {
                pushed.TrySetResult();
            }
        });
        var remarks = RemarkNotices(out var onRemark);
        connection.On(nameof(IMeetingClient.MeetingChanged), onRemark);

        var join = await OutcomeAsync(() => connection.InvokeAsync<MeetingDetails>(nameof(MeetingHub.JoinMeeting), meetingId, Ct));
        OpenTextResult? opened = null;
        var open = await OutcomeAsync(async () => opened = await connection.InvokeAsync<OpenTextResult>(nameof(MeetingHub.OpenText), itemId, "background", Ct));
        var submit = opened is null ? open : await OutcomeAsync(() => connection.InvokeAsync<TextSubmitResult>(nameof(MeetingHub.SubmitText),
            opened.DocumentId, opened.Revision, TextOperation.Create(OpComponent.Retain(opened.Text.Length), OpComponent.Insert(".")),
            Guid.NewGuid().ToString("N"), 1L, Ct));
        var documentId = TextDocumentIds.ForItem(itemId, ItemText.Background);
        var since = opened is null
            ? await OutcomeAsync(() => connection.InvokeAsync<List<TextRevision>>(nameof(MeetingHub.TextSince), documentId, 0L, Ct))
            : await OutcomeAsync(() => connection.InvokeAsync<List<TextRevision>>(nameof(MeetingHub.TextSince), opened.DocumentId, 0L, Ct));
        var push = await PushOutcomeAsync(documentId, pushClient, pushed.Task);
        var remark = await RemarkOutcomeAsync(meetingId, itemId, openItem, remarks, joined: join == "ok");
        var presence = await OutcomeAsync(() => connection.InvokeAsync(nameof(MeetingHub.Typing), itemId, PresenceFields.Background, Ct));
        return $"join={join} open={open} submit={submit} since={since} push={push} remark={remark} presence={presence}";
    }

    private async Task<string> CircuitOutcomeAsync(WorkspaceUser user, Guid meetingId, Guid itemId, Guid openItem)
    {
        var page = await OutcomeAsync(() => factory.Service<MeetingService>().GetMeetingAsync(user, meetingId, Ct));
        var text = await OutcomeAsync(() => factory.Service<ItemTexts>().RightsAsync(user, itemId, ItemText.Background, Ct));
        var remarks = RemarkNotices(out var onRemark);
        using (await factory.Service<MeetingFeed>().SubscribeAsync(meetingId, user, change =>
        {
            onRemark(new MeetingChangeMessage(change.MeetingId, change.Kind.ToString(), change.AgendaItemId, change.ActorId, change.ActorName));
            return Task.CompletedTask;
        }))
        {
            var remark = await RemarkOutcomeAsync(meetingId, itemId, openItem, remarks, joined: page == "ok");
            await using var scope = factory.Services.CreateAsyncScope();
            var circuit = scope.ServiceProvider.GetRequiredService<CircuitPresence>();
            circuit.Join(meetingId, user);
            await circuit.TypingAsync(itemId, PresenceFields.Background);
            var typing = factory.Service<PresenceService>().Who(meetingId).Any(p => p.PersonId == user.PersonId && p.Typing?.ItemId == itemId);
            circuit.Leave(meetingId);
            return $"page={page} text={text} remark={remark} presence={(typing ? "delivered" : "refused")}";
        }
    }

    /// <summary>Another source stores an operation on the text: does the connection's open text get it pushed?</summary>
    private async Task<string> PushOutcomeAsync(string documentId, string clientId, Task pushed)
    {
        var documents = factory.Service<TextDocumentService>();
        var current = await documents.GetAsync(documentId, Ct);
        var writer = await DemoIds.PersonIdAsync(factory, DevSignIn.Administration);
        // Stored operations go to the text's clients (TextBroadcast) as the sequencer stores them.
        await documents.SubmitAsync(documentId, current.Revision,
            TextOperation.Create(OpComponent.Retain(current.Text.Length), OpComponent.Insert("!")), writer, clientId, 1, Ct);
        return await Task.WhenAny(pushed, Task.Delay(TimeSpan.FromMilliseconds(500), Ct)) == pushed ? "delivered" : "refused";
    }

    /// <summary>
    /// A remark notice on the item, then one on the open item as a marker: once the marker is in, the first one would
    /// have been too (the notifier hands them over in order).
    /// </summary>
    private async Task<string> RemarkOutcomeAsync(Guid meetingId, Guid itemId, Guid openItem, RemarkInbox inbox, bool joined)
    {
        if (!joined)
        {
            return "refused";
        }
        var notifier = factory.Service<IMeetingNotifier>();
        notifier.Publish(new MeetingChange(meetingId, MeetingChangeKind.RemarkAdded, itemId, null, "Skribent"));
        notifier.Publish(new MeetingChange(meetingId, MeetingChangeKind.RemarkAdded, openItem, null, "Markør"));
        await inbox.Marker.Task.WaitAsync(Wait, Ct);
        await Task.Delay(100, Ct);
        return inbox.Seen(itemId) ? "delivered" : "refused";
    }

    private static RemarkInbox RemarkNotices(out Action<MeetingChangeMessage> onChange)
    {
        var inbox = new RemarkInbox();
        onChange = inbox.Receive;
        return inbox;
    }

    private sealed class RemarkInbox
    {
        private readonly List<Guid> _items = [];

        public TaskCompletionSource Marker { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Receive(MeetingChangeMessage change)
        {
            if (change.Kind != nameof(MeetingChangeKind.RemarkAdded))
            {
                return;
            }
            if (change.ActorName == "Markør")
            {
                Marker.TrySetResult();
                return;
            }
            lock (_items)
            {
                _items.Add(change.AgendaItemId ?? Guid.Empty);
            }
        }

        public bool Seen(Guid itemId)
        {
            lock (_items)
            {
                return _items.Contains(itemId);
            }
        }
    }

    private static string PersonOf(LiveRole role) => role switch
    {
        LiveRole.Administration => DevSignIn.Administration,
        LiveRole.Chair => DevSignIn.Chair,
        LiveRole.Member => DevSignIn.Member,
        LiveRole.Substitute => DevSignIn.Substitute,
        LiveRole.SubstituteSteppingIn => LiveChannelMatrixFixture.SteppingInSubstitute,
        LiveRole.OtherCouncilMember => DevSignIn.OtherCouncilChair,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    private static async Task<string> OutcomeAsync(Func<Task> action)
    {
        try
        {
            await action();
            return "ok";
        }
        catch (HubException hub) when (hub.Message.EndsWith("forbidden", StringComparison.Ordinal))
        {
            return "forbidden";
        }
        catch (HubException hub) when (hub.Message.EndsWith("not-found", StringComparison.Ordinal))
        {
            return "not-found";
        }
        catch (NotFoundException)
        {
            return "not-found";
        }
        catch (AccessDeniedException)
        {
            return "forbidden";
        }
    }
}
