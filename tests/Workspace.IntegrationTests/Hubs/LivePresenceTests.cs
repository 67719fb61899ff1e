using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Collaboration.Presence;
using Workspace.Web.Features.Meetings;
using Workspace.Web.Hubs;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Hubs;

/// <summary>Presence takes only items of the joined meeting that the person may read, and only the known field names.</summary>
public sealed class LivePresenceTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    public static TheoryData<string, string, string> Refusals() => new()
    {
        { "another council's item", "other-item", PresenceFields.Background },
        { "a field of a megabyte", "open-item", new string('x', 1_000_000) },
        { "an unknown field", "open-item", "title" },
        { "an empty field", "open-item", "" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Typing_is_refused_for(string what, string item, string field)
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        await using var chair = await HubClients.ConnectAsync(factory, DevSignIn.Chair);
        await chair.InvokeAsync<MeetingDetails>(nameof(MeetingHub.JoinMeeting), ids.NextMeeting, Ct);
        var itemId = item == "other-item" ? ids.OtherCouncilItem : ids.OpenItem;

        // Act
        var thrown = await Record.ExceptionAsync(() => chair.InvokeAsync(nameof(MeetingHub.Typing), itemId, field, Ct));
        var present = await chair.InvokeAsync<List<PresencePerson>>(nameof(MeetingHub.GetPresence), ids.NextMeeting, Ct);

        // Assert
        var refused = Assert.IsType<HubException>(thrown);
        Assert.True(Regex.IsMatch(refused.Message, "(not-found|invalid: field=Validation.UnknownField)$"), $"{what}: {refused.Message}");
        Assert.Null(Assert.Single(present, p => p.Name == DevSignIn.Chair).Typing);
    }

    [Fact]
    public async Task Viewing_another_councils_item_or_a_closed_one_as_substitute_is_refused()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        await using var substitute = await HubClients.ConnectAsync(factory, DevSignIn.Substitute);
        await substitute.InvokeAsync<MeetingDetails>(nameof(MeetingHub.JoinMeeting), ids.NextMeeting, Ct);

        // Act
        var closed = await Record.ExceptionAsync(() => substitute.InvokeAsync(nameof(MeetingHub.Viewing), ids.ClosedItem, Ct));
        var typing = await Record.ExceptionAsync(() => substitute.InvokeAsync(nameof(MeetingHub.Typing), ids.ClosedItem, PresenceFields.Remark, Ct));
        var other = await Record.ExceptionAsync(() => substitute.InvokeAsync(nameof(MeetingHub.Viewing), ids.OtherCouncilItem, Ct));
        await substitute.InvokeAsync(nameof(MeetingHub.Viewing), ids.OpenItem, Ct);

        // Assert
        Assert.All([closed, typing, other], thrown => Assert.EndsWith("not-found", Assert.IsType<HubException>(thrown).Message));
    }

    [Fact]
    public async Task A_substitute_does_not_see_where_a_member_looks_or_types_on_a_closed_item()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        await using var member = await HubClients.ConnectAsync(factory, DevSignIn.Member);
        await using var substitute = await HubClients.ConnectAsync(factory, DevSignIn.Substitute);
        await member.InvokeAsync<MeetingDetails>(nameof(MeetingHub.JoinMeeting), ids.NextMeeting, Ct);
        await substitute.InvokeAsync<MeetingDetails>(nameof(MeetingHub.JoinMeeting), ids.NextMeeting, Ct);

        // Act
        await member.InvokeAsync(nameof(MeetingHub.Viewing), ids.ClosedItem, Ct);
        await member.InvokeAsync(nameof(MeetingHub.Typing), ids.ClosedItem, PresenceFields.Remark, Ct);
        var seenBySubstitute = await substitute.InvokeAsync<List<PresencePerson>>(nameof(MeetingHub.GetPresence), ids.NextMeeting, Ct);
        var seenByMember = await member.InvokeAsync<List<PresencePerson>>(nameof(MeetingHub.GetPresence), ids.NextMeeting, Ct);

        // Assert
        var asSubstituteSees = Assert.Single(seenBySubstitute, p => p.Name == DevSignIn.Member);
        Assert.Equal((null, null), (asSubstituteSees.ViewingItemId, asSubstituteSees.Typing));
        var asMemberSees = Assert.Single(seenByMember, p => p.Name == DevSignIn.Member);
        Assert.Equal((ids.ClosedItem, new PresenceTyping(ids.ClosedItem, PresenceFields.Remark)), (asMemberSees.ViewingItemId, asMemberSees.Typing));
    }
}
