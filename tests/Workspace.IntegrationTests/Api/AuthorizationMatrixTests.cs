using System.Net;
using System.Net.Http.Json;
using Workspace.IntegrationTests.Infrastructure;

namespace Workspace.IntegrationTests.Api;

public enum ApiAction
{
    ReadMeeting,
    AddRemark,
    CreateItem,
    ReadOtherCouncilMeeting,
    AddRemarkInOtherCouncil,
    CreateItemInOtherCouncil,
    ReadTextHistory,
    ReadClosedItemTextHistory,
    RestoreText,
}

/// <summary>
/// Who may do what through the JSON API, in Udsatterådet ("own") and in Handicaprådet ("other"): the same
/// rules as the pages, because the endpoints call the same services.
/// </summary>
public sealed class AuthorizationMatrixTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    private const HttpStatusCode Ok = HttpStatusCode.OK;
    private const HttpStatusCode Created = HttpStatusCode.Created;
    private const HttpStatusCode Forbidden = HttpStatusCode.Forbidden;
    private const HttpStatusCode NotFound = HttpStatusCode.NotFound;
    private const HttpStatusCode Unauthorized = HttpStatusCode.Unauthorized;

    /// <summary>Person (null = not signed in), action, expected status.</summary>
    public static IEnumerable<TheoryDataRow<string?, ApiAction, HttpStatusCode>> Matrix()
    {
        var rows = new List<TheoryDataRow<string?, ApiAction, HttpStatusCode>>();
        void Person(string? name, params HttpStatusCode[] expected)
        {
            foreach (var (action, status) in Enum.GetValues<ApiAction>().Zip(expected))
            {
                rows.Add(new TheoryDataRow<string?, ApiAction, HttpStatusCode>(name, action, status));
            }
        }

        // Own council (Udsatterådet) x3, then Handicaprådet x3, then the history of an open and a closed item's text and a restore.
        Person(DevSignIn.Administration, Ok, Forbidden, Created, NotFound, NotFound, NotFound, Ok, Ok, Ok);
        Person(DevSignIn.Member, Ok, Created, Forbidden, NotFound, NotFound, NotFound, Ok, Ok, Forbidden);
        Person(DevSignIn.Chair, Ok, Created, Forbidden, NotFound, NotFound, NotFound, Ok, Ok, Forbidden);
        Person(DevSignIn.Substitute, Ok, Forbidden, Forbidden, NotFound, NotFound, NotFound, Ok, NotFound, Forbidden);
        // A member of another council sees nothing of Udsatterådet, and acts as a member in her own.
        Person(DevSignIn.OtherCouncilChair, NotFound, NotFound, NotFound, Ok, Created, Forbidden, NotFound, NotFound, NotFound);
        Person(null, Unauthorized, Unauthorized, Unauthorized, Unauthorized, Unauthorized, Unauthorized, Unauthorized, Unauthorized, Unauthorized);
        return rows;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Api_answers_each_role_according_to_its_rights(string? person, ApiAction action, HttpStatusCode expected)
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        using var client = person is null ? factory.AnonymousClient() : await factory.SignedInClientAsync(person);

        // Act
        using var response = action switch
        {
            ApiAction.ReadMeeting => await client.GetAsync($"/api/meetings/{ids.NextMeeting}", Ct),
            ApiAction.AddRemark => await client.PostAsJsonAsync($"/api/items/{ids.OpenItem}/remarks", new { text = "En bemærkning fra matrixtesten." }, Ct),
            ApiAction.CreateItem => await client.PostAsJsonAsync($"/api/meetings/{ids.NextMeeting}/items", new { title = "Nyt punkt fra matrixtesten", kind = 0 }, Ct),
            ApiAction.ReadOtherCouncilMeeting => await client.GetAsync($"/api/meetings/{ids.OtherCouncilMeeting}", Ct),
            ApiAction.AddRemarkInOtherCouncil => await client.PostAsJsonAsync($"/api/items/{ids.OtherCouncilItem}/remarks", new { text = "En bemærkning fra matrixtesten." }, Ct),
            ApiAction.CreateItemInOtherCouncil => await client.PostAsJsonAsync($"/api/meetings/{ids.OtherCouncilMeeting}/items", new { title = "Nyt punkt fra matrixtesten", kind = 0 }, Ct),
            ApiAction.ReadTextHistory => await client.GetAsync($"/api/items/{ids.OpenItem}/texts/background/history", Ct),
            ApiAction.ReadClosedItemTextHistory => await client.GetAsync($"/api/items/{ids.ClosedItem}/texts/background/history", Ct),
            ApiAction.RestoreText => await client.PostAsJsonAsync($"/api/items/{ids.OpenItem}/texts/decision/restore", new { revision = 0 }, Ct),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };

        // Assert
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Council_is_readable_by_its_administration_and_not_found_for_another_council()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        using var administration = await factory.SignedInClientAsync(DevSignIn.Administration);
        using var other = await factory.SignedInClientAsync(DevSignIn.OtherCouncilChair);

        // Act
        using var own = await administration.GetAsync($"/api/councils/{ids.Udsatteraadet}", Ct);
        using var foreign = await other.GetAsync($"/api/councils/{ids.Udsatteraadet}", Ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task Unknown_meeting_is_not_found()
    {
        // Arrange
        using var client = await factory.SignedInClientAsync(DevSignIn.Member);

        // Act
        using var response = await client.GetAsync($"/api/meetings/{Guid.NewGuid()}", Ct);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
