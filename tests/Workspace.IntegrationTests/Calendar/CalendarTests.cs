using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Calendar;
using Workspace.Web.Features.Meetings;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Calendar;

/// <summary>Own database per test class: one test cancels a meeting.</summary>
public sealed class CalendarTests : IAsyncLifetime
{
    private readonly WorkspaceFactory _factory = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task Member_downloads_the_meeting_as_icalendar_with_a_stable_uid()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        using var member = await _factory.SignedInClientAsync(DevSignIn.Member);

        // Act
        using var response = await member.GetAsync($"/meetings/{ids.NextMeeting}/calendar.ics", Ct);
        var ics = await response.Content.ReadAsStringAsync(Ct);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"UID:{ids.NextMeeting:D}@radsrum", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Udsatterådets møde (Udsatterådet)", ics, StringComparison.Ordinal);
        Assert.Matches(@"DTSTART:\d{8}T\d{6}Z", ics);
    }

    [Fact]
    public async Task Another_councils_member_cannot_download_the_meeting()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        using var other = await _factory.SignedInClientAsync(DevSignIn.OtherCouncilChair);

        // Act
        using var response = await other.GetAsync($"/meetings/{ids.NextMeeting}/calendar.ics", Ct);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Personal_feed_holds_only_the_persons_councils_and_shows_a_cancellation_under_the_same_uid()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(_factory);
        var calendar = _factory.Services.GetRequiredService<CalendarService>();
        var mia = new WorkspaceUser(await DemoIds.PersonIdAsync(_factory, DevSignIn.Member), DevSignIn.Member, new HashSet<string> { WorkspaceRoles.Member });
        var iben = new WorkspaceUser(await DemoIds.PersonIdAsync(_factory, DevSignIn.Administration), DevSignIn.Administration, new HashSet<string> { WorkspaceRoles.Administration });
        var token = await calendar.FeedTokenAsync(mia, Ct);
        using var anonymous = _factory.AnonymousClient();
        var before = await anonymous.GetStringAsync($"/calendar/{token}.ics", Ct);

        // Act
        await _factory.Services.GetRequiredService<MeetingService>().CancelAsync(iben, ids.NextMeeting, "Formanden er syg.", Ct);
        var after = await anonymous.GetStringAsync($"/calendar/{token}.ics", Ct);

        // Assert
        Assert.Equal(token, await calendar.FeedTokenAsync(mia, Ct));
        Assert.Contains($"UID:{ids.NextMeeting:D}@radsrum", before, StringComparison.Ordinal);
        Assert.DoesNotContain($"UID:{ids.OtherCouncilMeeting:D}@radsrum", before, StringComparison.Ordinal);
        var cancelledEvent = Event(after, ids.NextMeeting);
        Assert.Contains("STATUS:CANCELLED", cancelledEvent, StringComparison.Ordinal);
        Assert.True(Sequence(cancelledEvent) > Sequence(Event(before, ids.NextMeeting)));
    }

    [Fact]
    public async Task Unknown_feed_token_is_not_found()
    {
        // Arrange
        using var anonymous = _factory.AnonymousClient();

        // Act
        using var response = await anonymous.GetAsync("/calendar/0123456789abcdef.ics", Ct);

        // Assert
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static string Event(string ics, Guid meetingId)
    {
        var uid = ics.IndexOf($"UID:{meetingId:D}@radsrum", StringComparison.Ordinal);
        var start = ics.LastIndexOf("BEGIN:VEVENT", uid, StringComparison.Ordinal);
        var end = ics.IndexOf("END:VEVENT", uid, StringComparison.Ordinal);
        return ics[start..end];
    }

    private static int Sequence(string calendarEvent)
    {
        var line = calendarEvent.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("SEQUENCE:", StringComparison.Ordinal));
        return line is null ? 0 : int.Parse(line["SEQUENCE:".Length..], System.Globalization.CultureInfo.InvariantCulture);
    }
}
