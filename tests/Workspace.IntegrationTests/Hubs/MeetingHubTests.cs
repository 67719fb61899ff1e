using System.Net;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Collaboration.Presence;
using Workspace.Web.Features.Meetings;
using Workspace.Web.Features.Remarks;
using Workspace.Web.Hubs;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Hubs;

public enum HubAction
{
    JoinMeeting,
    AddRemark,
    JoinOtherCouncilMeeting,
    OpenDecisionText,
    WriteDecisionText,
    OpenClosedItemText,
}

/// <summary>/hubs/meeting applies the same rights as the pages and the JSON API, because it calls the same services.</summary>
public sealed class MeetingHubTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    public static IEnumerable<TheoryDataRow<string, HubAction, string>> Matrix()
    {
        const string ok = "ok", forbidden = "forbidden", notFound = "not-found";
        (string Person, string Join, string Remark, string Other, string OpenText, string WriteText, string ClosedText)[] rows =
        [
            (DevSignIn.Administration, ok, forbidden, notFound, ok, ok, ok),
            (DevSignIn.Member, ok, ok, notFound, ok, forbidden, ok),
            (DevSignIn.Chair, ok, ok, notFound, ok, forbidden, ok),
            (DevSignIn.Substitute, ok, forbidden, notFound, ok, forbidden, notFound),
            (DevSignIn.OtherCouncilChair, notFound, notFound, ok, notFound, notFound, notFound),
        ];
        foreach (var row in rows)
        {
            yield return new(row.Person, HubAction.JoinMeeting, row.Join);
            yield return new(row.Person, HubAction.AddRemark, row.Remark);
            yield return new(row.Person, HubAction.JoinOtherCouncilMeeting, row.Other);
            yield return new(row.Person, HubAction.OpenDecisionText, row.OpenText);
            yield return new(row.Person, HubAction.WriteDecisionText, row.WriteText);
            yield return new(row.Person, HubAction.OpenClosedItemText, row.ClosedText);
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Hub_answers_each_role_according_to_its_rights(string person, HubAction action, string expected)
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        await using var connection = await HubClients.ConnectAsync(factory, person);

        // Act
        var thrown = await Record.ExceptionAsync(() => action switch
        {
            HubAction.JoinMeeting => connection.InvokeAsync<MeetingDetails>(nameof(MeetingHub.JoinMeeting), ids.NextMeeting, Ct),
            HubAction.AddRemark => connection.InvokeAsync<RemarkView>(nameof(MeetingHub.AddRemark), ids.OpenItem, "Skrevet gennem hubben.", Ct),
            HubAction.JoinOtherCouncilMeeting => connection.InvokeAsync<MeetingDetails>(nameof(MeetingHub.JoinMeeting), ids.OtherCouncilMeeting, Ct),
            HubAction.OpenDecisionText => connection.InvokeAsync<OpenTextResult>(nameof(MeetingHub.OpenText), ids.OpenItem, "decision", Ct),
            HubAction.WriteDecisionText => WriteAsync(connection, ids.OpenItem),
            HubAction.OpenClosedItemText => connection.InvokeAsync<OpenTextResult>(nameof(MeetingHub.OpenText), ids.ClosedItem, "minutes", Ct),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        });

        // Assert
        var outcome = thrown switch
        {
            null => "ok",
            HubException hub when hub.Message.EndsWith("forbidden", StringComparison.Ordinal) => "forbidden",
            HubException hub when hub.Message.EndsWith("not-found", StringComparison.Ordinal) => "not-found",
            _ => thrown.ToString(),
        };
        Assert.Equal(expected, outcome);
    }

    /// <summary>Opens the item's decision text and appends one character at the end.</summary>
    private static async Task WriteAsync(HubConnection connection, Guid itemId)
    {
        var opened = await connection.InvokeAsync<OpenTextResult>(nameof(MeetingHub.OpenText), itemId, "decision", Ct);
        var append = TextOperation.Create(OpComponent.Retain(opened.Text.Length), OpComponent.Insert("."));
        await connection.InvokeAsync<TextSubmitResult>(nameof(MeetingHub.SubmitText), opened.DocumentId, opened.Revision, append,
            Guid.NewGuid().ToString("N"), 1L, Ct);
    }

    [Fact]
    public async Task Hub_refuses_a_client_that_is_not_signed_in()
    {
        // Act
        var thrown = await Record.ExceptionAsync(() => HubClients.ConnectAsync(factory, null));

        // Assert
        var http = Assert.IsType<HttpRequestException>(thrown);
        Assert.Equal(HttpStatusCode.Unauthorized, http.StatusCode);
    }

    [Fact]
    public async Task Joined_client_gets_a_remark_made_on_the_page_side_and_sees_who_is_present()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        await using var display = await HubClients.ConnectAsync(factory, DevSignIn.Chair);
        var received = new TaskCompletionSource<MeetingChangeMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        display.On<MeetingChangeMessage>(nameof(IMeetingClient.MeetingChanged), change =>
        {
            if (change.Kind == "RemarkAdded")
            {
                received.TrySetResult(change);
            }
        });
        var meeting = await display.InvokeAsync<MeetingDetails>(nameof(MeetingHub.JoinMeeting), ids.NextMeeting, Ct);

        // Act
        await factory.Service<RemarkService>().AddAsync(await factory.UserAsync(DevSignIn.Member), ids.OpenItem, new RemarkInput { Text = "Fra siden til skærmen." }, Ct);
        var change = await received.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        var present = await display.InvokeAsync<List<PresencePerson>>(nameof(MeetingHub.GetPresence), ids.NextMeeting, Ct);

        // Assert
        Assert.Equal(ids.NextMeeting, meeting.Id);
        Assert.Equal((ids.OpenItem, DevSignIn.Member), (change.AgendaItemId!.Value, change.ActorName));
        Assert.Contains(present, p => p.Name == DevSignIn.Chair);
    }

    [Fact]
    public async Task A_reader_of_a_text_gets_the_secretarys_operation_as_stored()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        await using var reader = await HubClients.ConnectAsync(factory, DevSignIn.Member);
        await using var secretary = await HubClients.ConnectAsync(factory, DevSignIn.Administration);
        var received = new TaskCompletionSource<TextRevision>(TaskCreationOptions.RunContinuationsAsynchronously);
        reader.On<TextRevision[]>(nameof(IMeetingClient.TextsChanged), revisions =>
        {
            foreach (var revision in revisions.Where(r => r.ClientId == "secretary-tab"))
            {
                received.TrySetResult(revision);
            }
        });
        var seen = await reader.InvokeAsync<OpenTextResult>(nameof(MeetingHub.OpenText), ids.OpenItem, "decision", Ct);
        var opened = await secretary.InvokeAsync<OpenTextResult>(nameof(MeetingHub.OpenText), ids.OpenItem, "decision", Ct);

        // Act
        var append = TextOperation.Create(OpComponent.Retain(opened.Text.Length), OpComponent.Insert(" Vedtaget."));
        var stored = await secretary.InvokeAsync<TextSubmitResult>(nameof(MeetingHub.SubmitText), opened.DocumentId, opened.Revision, append,
            "secretary-tab", 1L, Ct);
        var revision = await received.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        // Assert
        Assert.Equal(stored.Committed.Revision, revision.Revision);
        Assert.Equal(seen.Text + " Vedtaget.", revision.Operation.Apply(seen.Text));
    }

    [Fact]
    public async Task A_malformed_operation_sent_with_sixty_valid_ones_from_ten_connections_fails_alone()
    {
        // Arrange: ten tabs of the secretary's on one text, and one more that sends an operation whose counts overflow.
        var ids = await DemoIds.LoadAsync(factory);
        var connections = new List<HubConnection>();
        try
        {
            for (var i = 0; i < 11; i++)
            {
                connections.Add(await HubClients.ConnectAsync(factory, DevSignIn.Administration));
            }
            var opened = new List<OpenTextResult>();
            foreach (var connection in connections)
            {
                opened.Add(await connection.InvokeAsync<OpenTextResult>(nameof(MeetingHub.OpenText), ids.OpenItem, "minutes", Ct));
            }
            var malformed = TextOperation.Parse("[2147483647, -2147483647]");

            // Act: every tab sends six edits on the text it opened, all at the same moment as the malformed one.
            var valid = connections.Take(10).Select((connection, tab) => Task.Run(async () =>
            {
                var sent = Enumerable.Range(0, 6).Select(edit => connection.InvokeAsync<TextSubmitResult>(nameof(MeetingHub.SubmitText),
                    opened[tab].DocumentId, opened[tab].Revision, TextOperation.Insert(0, $"<{tab}.{edit}>"), $"tab-{tab}", (long)edit, Ct));
                return await Task.WhenAll(sent);
            }, Ct)).ToList();
            var refused = Record.ExceptionAsync(() => connections[10].InvokeAsync<TextSubmitResult>(nameof(MeetingHub.SubmitText),
                opened[10].DocumentId, opened[10].Revision, malformed, "tab-malformed", 1L, Ct));
            var results = (await Task.WhenAll(valid)).SelectMany(r => r).ToList();
            var thrown = await refused;

            // Assert
            var hub = Assert.IsType<HubException>(thrown);
            Assert.EndsWith("invalid-operation: DoesNotFitText", hub.Message, StringComparison.Ordinal);
            Assert.Equal(60, results.Count);
            Assert.Equal(60, results.Select(r => r.Committed.Revision).Distinct().Count());
            var after = await connections[0].InvokeAsync<OpenTextResult>(nameof(MeetingHub.OpenText), ids.OpenItem, "minutes", Ct);
            for (var tab = 0; tab < 10; tab++)
            {
                for (var edit = 0; edit < 6; edit++)
                {
                    Assert.Contains($"<{tab}.{edit}>", after.Text, StringComparison.Ordinal);
                }
            }
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }
}
