using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;

namespace Workspace.IntegrationTests.Api;

public sealed class MeetingVisibilityTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private static readonly object DraftMeeting = new
    {
        title = "Ekstraordinært møde",
        date = "2026-12-10T00:00:00",
        startTime = "16:00:00",
        endTime = "18:00:00",
        place = "Rådhuset",
    };

    private async Task<Guid> CreateDraftAsync(HttpClient administration, Guid councilId)
    {
        using var response = await administration.PostAsJsonAsync($"/api/councils/{councilId}/meetings", DraftMeeting);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/meetings/{id}", response.Headers.Location?.OriginalString);
        return id;
    }

    [Fact]
    public async Task Draft_meeting_is_not_found_for_a_member_and_readable_for_the_administration()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        using var administration = await factory.SignedInClientAsync(DevSignIn.Administration);
        using var member = await factory.SignedInClientAsync(DevSignIn.Member);
        var draftId = await CreateDraftAsync(administration, ids.Udsatteraadet);

        // Act
        using var asMember = await member.GetAsync($"/api/meetings/{draftId}", Ct);
        using var asAdministration = await administration.GetAsync($"/api/meetings/{draftId}", Ct);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, asMember.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asAdministration.StatusCode);
        var meeting = await asAdministration.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Ekstraordinært møde", meeting.GetProperty("title").GetString());
        Assert.Equal(0, meeting.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Draft_meeting_is_stored_in_copenhagen_time_as_utc()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        using var administration = await factory.SignedInClientAsync(DevSignIn.Administration);

        // Act
        var draftId = await CreateDraftAsync(administration, ids.Udsatteraadet);

        // Assert: 10 December is winter time, UTC+1
        var meeting = await administration.GetFromJsonAsync<JsonElement>($"/api/meetings/{draftId}", Ct);
        Assert.Equal(new DateTimeOffset(2026, 12, 10, 15, 0, 0, TimeSpan.Zero), meeting.GetProperty("startsAt").GetDateTimeOffset());
        Assert.Equal(new DateTimeOffset(2026, 12, 10, 17, 0, 0, TimeSpan.Zero), meeting.GetProperty("endsAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Member_cannot_remark_on_an_item_of_a_draft_meeting()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        using var administration = await factory.SignedInClientAsync(DevSignIn.Administration);
        using var member = await factory.SignedInClientAsync(DevSignIn.Member);
        var draftId = await CreateDraftAsync(administration, ids.Udsatteraadet);
        using var created = await administration.PostAsJsonAsync($"/api/meetings/{draftId}/items", new { title = "Godkendelse af dagsorden", kind = 1 }, Ct);
        var itemId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();

        // Act
        using var response = await member.PostAsJsonAsync($"/api/items/{itemId}/remarks", new { text = "For tidligt." }, Ct);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Member_cannot_create_a_meeting()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        using var member = await factory.SignedInClientAsync(DevSignIn.Member);

        // Act
        using var response = await member.PostAsJsonAsync($"/api/councils/{ids.Udsatteraadet}/meetings", DraftMeeting, Ct);

        // Assert
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Closed_item_is_absent_for_a_substitute_and_present_for_a_member()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        using var substitute = await factory.SignedInClientAsync(DevSignIn.Substitute);
        using var member = await factory.SignedInClientAsync(DevSignIn.Member);

        // Act
        var asSubstitute = await substitute.GetFromJsonAsync<JsonElement>($"/api/meetings/{ids.NextMeeting}", Ct);
        var asMember = await member.GetFromJsonAsync<JsonElement>($"/api/meetings/{ids.NextMeeting}", Ct);

        // Assert
        Assert.DoesNotContain(ids.ClosedItem, ItemIds(asSubstitute));
        Assert.Contains(ids.OpenItem, ItemIds(asSubstitute));
        Assert.Contains(ids.ClosedItem, ItemIds(asMember));
        Assert.True(Item(asMember, ids.ClosedItem).GetProperty("isClosed").GetBoolean());
    }

    [Fact]
    public async Task Items_keep_their_numbers_when_a_closed_item_is_hidden()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        using var substitute = await factory.SignedInClientAsync(DevSignIn.Substitute);

        // Act
        var asSubstitute = await substitute.GetFromJsonAsync<JsonElement>($"/api/meetings/{ids.NextMeeting}", Ct);

        // Assert: item 7 is the closed one, so the substitute's agenda goes from 6 to 8
        var numbers = asSubstitute.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()).ToList();
        Assert.Equal(["1", "2", "3", "4", "5", "6", "8", "9", "10"], numbers);
    }

    [Fact]
    public async Task Substitute_gets_not_found_when_remarking_on_a_closed_item()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        using var substitute = await factory.SignedInClientAsync(DevSignIn.Substitute);

        // Act
        using var response = await substitute.PostAsJsonAsync($"/api/items/{ids.ClosedItem}/remarks", new { text = "Hej" }, Ct);

        // Assert: 404, not 403, so the closed item's existence is not confirmed
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Meeting_rights_in_the_response_follow_the_viewer()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        using var member = await factory.SignedInClientAsync(DevSignIn.Member);
        using var administration = await factory.SignedInClientAsync(DevSignIn.Administration);

        // Act
        var asMember = await member.GetFromJsonAsync<JsonElement>($"/api/meetings/{ids.NextMeeting}", Ct);
        var asAdministration = await administration.GetFromJsonAsync<JsonElement>($"/api/meetings/{ids.NextMeeting}", Ct);

        // Assert
        Assert.True(asMember.GetProperty("rights").GetProperty("canRemark").GetBoolean());
        Assert.False(asMember.GetProperty("rights").GetProperty("canManage").GetBoolean());
        Assert.False(asAdministration.GetProperty("rights").GetProperty("canRemark").GetBoolean());
        Assert.True(asAdministration.GetProperty("rights").GetProperty("canManage").GetBoolean());
    }

    [Fact]
    public async Task Agenda_is_numbered_with_sub_items_in_the_past_meeting()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        Guid pastMeeting;
        await using (var db = await factory.CreateDbContextAsync())
        {
            pastMeeting = db.Meetings.Single(m => m.CouncilId == ids.Udsatteraadet && m.Status == MeetingStatus.Held).Id;
        }
        using var member = await factory.SignedInClientAsync(DevSignIn.Member);

        // Act
        var meeting = await member.GetFromJsonAsync<JsonElement>($"/api/meetings/{pastMeeting}", Ct);

        // Assert
        var numbers = meeting.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()).ToList();
        Assert.Equal(["1", "2", "3", "4", "5", "5a", "5b", "5c", "6"], numbers);
    }

    private static List<Guid> ItemIds(JsonElement meeting) =>
        meeting.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

    private static JsonElement Item(JsonElement meeting, Guid id) =>
        meeting.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id);
}
