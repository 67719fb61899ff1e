using System.Net;
using System.Net.Http.Json;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Hubs;
using Workspace.IntegrationTests.Infrastructure;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.TextHistory;

public enum HistoryAction
{
    History,
    Compare,
    Revision,
    Restore,
}

/// <summary>
/// Who may read and restore the history of an item's text through <c>/api/items/{id}/texts/{field}/...</c>: role x
/// meeting status x open or closed item x action. Reading follows reading the text (closed items not for substitutes who
/// are not called in; drafts only for the administration); restoring follows writing it (the administration, while the
/// meeting is neither closed nor cancelled).
/// </summary>
public sealed class TextHistoryMatrixTests(LiveChannelMatrixFixture factory) : IClassFixture<LiveChannelMatrixFixture>
{
    public static IEnumerable<TheoryDataRow<LiveRole, MeetingStatus, bool, HistoryAction>> Cells() =>
        from role in Enum.GetValues<LiveRole>()
        from status in Enum.GetValues<MeetingStatus>()
        from closedItem in new[] { false, true }
        from action in Enum.GetValues<HistoryAction>()
        select new TheoryDataRow<LiveRole, MeetingStatus, bool, HistoryAction>(role, status, closedItem, action);

    private static HttpStatusCode Expected(LiveRole role, MeetingStatus status, bool closedItem, HistoryAction action)
    {
        if (role == LiveRole.Anonymous)
        {
            return HttpStatusCode.Unauthorized;
        }
        var (readsDrafts, readsMeetings, seesClosed, writes) = role switch
        {
            LiveRole.Administration => (true, true, true, true),
            LiveRole.Chair or LiveRole.Member or LiveRole.SubstituteSteppingIn => (false, true, true, false),
            LiveRole.Substitute => (false, true, false, false),
            _ => (false, false, false, false),
        };
        var readsItem = readsMeetings && (status != MeetingStatus.Draft || readsDrafts) && (!closedItem || seesClosed);
        if (!readsItem)
        {
            return HttpStatusCode.NotFound;
        }
        if (action != HistoryAction.Restore)
        {
            return HttpStatusCode.OK;
        }
        return writes && status is not (MeetingStatus.Closed or MeetingStatus.Cancelled) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task History_endpoints_answer_each_role_according_to_its_rights_on_the_text(LiveRole role, MeetingStatus status, bool closedItem, HistoryAction action)
    {
        // Arrange
        var (_, openItem, closed) = factory.Meetings[status];
        var itemId = closedItem ? closed : openItem;
        using var client = role switch
        {
            LiveRole.Anonymous => factory.AnonymousClient(),
            _ => await factory.SignedInClientAsync(PersonOf(role)),
        };
        var texts = $"/api/items/{itemId}/texts/background";

        // Act
        using var response = action switch
        {
            HistoryAction.History => await client.GetAsync($"{texts}/history", Ct),
            HistoryAction.Compare => await client.GetAsync($"{texts}/compare?from=0&to=0", Ct),
            HistoryAction.Revision => await client.GetAsync($"{texts}/revisions/0", Ct),
            _ => await client.PostAsJsonAsync($"{texts}/restore", new { revision = 0 }, Ct),
        };

        // Assert
        Assert.Equal(Expected(role, status, closedItem, action), response.StatusCode);
    }

    private static string PersonOf(LiveRole role) => role switch
    {
        LiveRole.Administration => DevSignIn.Administration,
        LiveRole.Chair => DevSignIn.Chair,
        LiveRole.Member => DevSignIn.Member,
        LiveRole.Substitute => DevSignIn.Substitute,
        LiveRole.SubstituteSteppingIn => LiveChannelMatrixFixture.SteppingInSubstitute,
        _ => DevSignIn.OtherCouncilChair,
    };
}
