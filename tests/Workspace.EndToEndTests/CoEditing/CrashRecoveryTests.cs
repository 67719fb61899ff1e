using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests.CoEditing;

/// <summary>
/// The app process is killed (SIGKILL) while the secretary types in an item's text, and started again on the same
/// database: the item field that pages and the API read has every character the server acknowledged.
/// </summary>
public sealed class CrashRecoveryTests
{
    private const int Keystrokes = 248;
    private const string Typed = "Rådet drøftede budgettet og anbefaler forslaget med de bemærkninger, der kom frem på mødet. ";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task After_a_kill_during_co_editing_the_api_shows_every_acknowledged_character()
    {
        // Arrange: a fresh item, so its text starts empty.
        await using var first = await AppHost.StartAsync(cancellationToken: Ct);
        var cookies = await HttpSignIn.AsAsync(first.BaseUrl, DemoPeople.Secretary, Ct);
        var (meetingId, itemId) = await NewItemAsync(first.BaseUrl, cookies);
        var connection = new HubConnectionBuilder()
            .WithUrl(first.BaseUrl + "/hubs/meeting", options =>
            {
                options.Cookies = cookies;
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
        await connection.StartAsync(Ct);
        var opened = await connection.InvokeAsync<JsonElement>("OpenText", itemId, "background", Ct);
        var documentId = opened.GetProperty("documentId").GetString()!;
        var revision = opened.GetProperty("revision").GetInt64();
        var acknowledged = opened.GetProperty("text").GetString()!;

        // Act: type one character at a time, each acknowledged before the next (as the browser does), then kill the
        // process at once after the last acknowledgement: within the second before the field is written.
        for (var i = 0; i < Keystrokes; i++)
        {
            var character = Typed[i % Typed.Length].ToString();
            object[] append = acknowledged.Length == 0 ? [character] : [acknowledged.Length, character];
            var result = await connection.InvokeAsync<JsonElement>("SubmitText", documentId, revision, append, "crash-tab", (long)i + 1, Ct);
            revision = result.GetProperty("committed").GetProperty("revision").GetInt64();
            acknowledged += character;
        }
        await first.StopAsync();
        await connection.DisposeAsync();
        await using var second = await AppHost.StartAsync(new Dictionary<string, string?> { ["Database__SqliteFile"] = first.DatabaseFile }, cancellationToken: Ct);

        // Assert
        var again = await HttpSignIn.AsAsync(second.BaseUrl, DemoPeople.Secretary, Ct);
        using var http = HttpSignIn.Client(second.BaseUrl, again);
        var meeting = await http.GetFromJsonAsync<JsonElement>($"/api/meetings/{meetingId}", Ct);
        var item = meeting.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == itemId);
        Assert.Equal(acknowledged, item.GetProperty("background").GetString());
    }

    private static async Task<(Guid MeetingId, Guid ItemId)> NewItemAsync(string baseUrl, System.Net.CookieContainer cookies)
    {
        using var http = HttpSignIn.Client(baseUrl, cookies);
        var councils = await http.GetFromJsonAsync<JsonElement>("/api/councils", Ct);
        var councilId = councils.EnumerateArray().First(c => c.GetProperty("name").GetString() == DemoPeople.Council).GetProperty("id").GetGuid();
        var meeting = await http.PostAsJsonAsync($"/api/councils/{councilId}/meetings", new
        {
            title = "Møde der går ned undervejs",
            date = DateTime.Today.AddYears(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            startTime = "16:00:00",
            endTime = "18:00:00",
            place = "Rådhuset",
            useAgendaTemplate = false,
        }, Ct);
        meeting.EnsureSuccessStatusCode();
        var meetingId = (await meeting.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var item = await http.PostAsJsonAsync($"/api/meetings/{meetingId}/items", new { title = "Budget 2027", allottedMinutes = 30 }, Ct);
        item.EnsureSuccessStatusCode();
        return (meetingId, (await item.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid());
    }
}
