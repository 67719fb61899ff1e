using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Features.Access;
using DevelopmentSignIn = Workspace.Web.Features.Account.DevelopmentSignIn;
using Workspace.Web.Features.RoomScreen;

namespace Workspace.IntegrationTests.RoomScreen;

/// <summary>
/// Who sees the room screen and with what, who manages display links, and that a display's cookie opens nothing but
/// its own meeting's screen. The audience is decided by <see cref="RoomScreenService.AudienceAsync"/> (the page asks it
/// at every render and change); pages, endpoints and the hub are asked over HTTP.
/// </summary>
public sealed class RoomScreenAuthorizationMatrixTests(RoomScreenFactory factory) : IClassFixture<RoomScreenFactory>
{
    public const string SteppingIn = "Carsten Lykke (stepping in)";
    public const string Anonymous = "anonymous";

    public static TheoryData<string, ScreenAccess, bool> PersonRows() => new()
    {
        { DevSignIn.Administration, ScreenAccess.Allowed, true },
        { DevSignIn.Chair, ScreenAccess.Allowed, true },
        { DevSignIn.Member, ScreenAccess.Allowed, true },
        { DevSignIn.Substitute, ScreenAccess.Allowed, false },
        { SteppingIn, ScreenAccess.Allowed, true },
        { DevSignIn.OtherCouncilChair, ScreenAccess.NotFound, false },
        { Anonymous, ScreenAccess.SignIn, false },
    };

    [Theory]
    [MemberData(nameof(PersonRows))]
    public async Task Each_person_sees_the_screen_with_the_closed_items_their_rights_allow(string person, ScreenAccess access, bool closedItems)
    {
        // Arrange
        var (meetingId, principal) = await PrincipalAtMeetingAsync(person);
        var screens = factory.Service<RoomScreenService>();

        // Act
        var audience = await screens.AudienceAsync(principal, meetingId, Ct);

        // Assert
        Assert.Equal(access, audience.Access);
        Assert.Equal(closedItems, audience.ShowClosedItems);
        if (audience.IsAllowed && meetingId == (await DemoIds.LoadAsync(factory)).NextMeeting)
        {
            var view = await screens.ReadAsync(meetingId, audience.ShowClosedItems, Ct);
            Assert.Equal(closedItems, view!.Agenda.Any(e => e.Title == ClosedItemTitle));
            Assert.Equal(!closedItems, view.Agenda.Any(e => e.Title is null));
        }
    }

    public enum LinkCase { Valid, ValidWithClosedItems, OtherMeeting, Revoked, Expired }

    [Theory]
    [InlineData(LinkCase.Valid, ScreenAccess.Allowed, false)]
    [InlineData(LinkCase.ValidWithClosedItems, ScreenAccess.Allowed, true)]
    [InlineData(LinkCase.OtherMeeting, ScreenAccess.LinkInvalid, false)]
    [InlineData(LinkCase.Revoked, ScreenAccess.LinkInvalid, false)]
    [InlineData(LinkCase.Expired, ScreenAccess.LinkInvalid, false)]
    public async Task A_display_sees_only_its_own_meeting_while_its_link_holds(LinkCase linkCase, ScreenAccess access, bool closedItems)
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        var links = factory.Service<DisplayLinkService>();
        var iben = await factory.UserAsync(DevSignIn.Administration);
        var issued = await links.IssueAsync(iben, ids.NextMeeting, Input(showClosed: linkCase == LinkCase.ValidWithClosedItems), Ct);
        var screenOf = linkCase == LinkCase.OtherMeeting ? await LaterMeetingAsync(ids.Udsatteraadet) : ids.NextMeeting;
        if (linkCase == LinkCase.Revoked)
        {
            await links.RevokeAsync(iben, ids.NextMeeting, issued.Link.Id, Ct);
        }
        if (linkCase == LinkCase.Expired)
        {
            await using var db = await factory.CreateDbContextAsync();
            await db.DisplayLinks.Where(l => l.Id == issued.Link.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, DateTimeOffset.UtcNow.AddSeconds(-1)), Ct);
        }

        // Act
        var audience = await factory.Service<RoomScreenService>()
            .AudienceAsync(DisplayPrincipal.Create(issued.Link.Id, ids.NextMeeting), screenOf, Ct);
        var opened = await links.OpenAsync(issued.Token, Ct);

        // Assert
        Assert.Equal(access, audience.Access);
        Assert.Equal(closedItems, audience.ShowClosedItems);
        Assert.Equal(linkCase is LinkCase.Valid or LinkCase.ValidWithClosedItems or LinkCase.OtherMeeting, opened is not null);
    }

    [Fact]
    public async Task A_display_principal_is_nobody_to_the_feature_services()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        var user = WorkspaceUser.From(DisplayPrincipal.Create(Guid.NewGuid(), ids.NextMeeting));

        // Act
        var rights = await factory.Service<Workspace.Web.Collaboration.LiveAccess>().ReaderAsync(user, ids.NextMeeting, Ct);

        // Assert: no person, no role, no rights
        Assert.Null(user.PersonId);
        Assert.Empty(user.Roles);
        Assert.False(rights.CanRead);
        await Assert.ThrowsAsync<NotFoundException>(() => factory.Service<Workspace.Web.Features.Meetings.MeetingService>().GetMeetingAsync(user, ids.NextMeeting, Ct));
    }

    public static TheoryData<string, string> ManageRows() => new()
    {
        { DevSignIn.Administration, "allowed" },
        { DevSignIn.Chair, "denied" },
        { DevSignIn.Member, "denied" },
        { DevSignIn.Substitute, "denied" },
        { SteppingIn, "denied" },
        { DevSignIn.OtherCouncilChair, "not found" },
        { Anonymous, "not found" },
    };

    [Theory]
    [MemberData(nameof(ManageRows))]
    public async Task Only_the_administration_issues_lists_and_revokes_display_links(string person, string expected)
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        var links = factory.Service<DisplayLinkService>();
        var existing = await links.IssueAsync(await factory.UserAsync(DevSignIn.Administration), ids.NextMeeting, Input(), Ct);
        var (_, principal) = await PrincipalAtMeetingAsync(person);
        var user = WorkspaceUser.From(principal);

        // Act
        var issue = await OutcomeAsync(() => links.IssueAsync(user, ids.NextMeeting, Input(), Ct));
        var list = await OutcomeAsync(() => links.ListAsync(user, ids.NextMeeting, Ct));
        var revoke = await OutcomeAsync(() => links.RevokeAsync(user, ids.NextMeeting, existing.Link.Id, Ct));

        // Assert: the same answer for all three, and the link revoked only when allowed
        Assert.Equal([expected, expected, expected], new[] { issue, list, revoke });
        await using var db = await factory.CreateDbContextAsync();
        var revokedAt = await db.DisplayLinks.Where(l => l.Id == existing.Link.Id).Select(l => l.RevokedAt).SingleAsync(Ct);
        Assert.Equal(expected == "allowed", revokedAt is not null);
    }

    [Fact]
    public async Task Only_the_hash_of_a_token_is_stored()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);

        // Act
        var issued = await factory.Service<DisplayLinkService>().IssueAsync(await factory.UserAsync(DevSignIn.Administration), ids.NextMeeting, Input(), Ct);

        // Assert
        await using var db = await factory.CreateDbContextAsync();
        var row = await db.DisplayLinks.SingleAsync(l => l.Id == issued.Link.Id, Ct);
        Assert.Equal(DisplayLinkService.HashOf(issued.Token), row.TokenHash);
        Assert.DoesNotContain(issued.Token, row.TokenHash, StringComparison.Ordinal);
        Assert.True(issued.Token.Length >= 43);
        var audit = await db.AuditEntries.Where(a => a.EntityId == issued.Link.Id.ToString()).Select(a => a.Changes).ToListAsync(Ct);
        Assert.All(audit, changes => Assert.DoesNotContain(issued.Token, changes ?? "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Issuing_refuses_a_missing_label_and_a_past_expiry_in_Danish_terms()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        var iben = await factory.UserAsync(DevSignIn.Administration);

        // Act
        var invalid = await Assert.ThrowsAsync<InputValidationException>(() => factory.Service<DisplayLinkService>()
            .IssueAsync(iben, ids.NextMeeting, new DisplayLinkInput { Label = " ", ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1) }, Ct));

        // Assert
        Assert.Contains(invalid.Errors, e => e is { Field: nameof(DisplayLinkInput.Label), MessageKey: "DisplayLink.LabelRequired" });
        Assert.Contains(invalid.Errors, e => e is { Field: nameof(DisplayLinkInput.ExpiresAt), MessageKey: "DisplayLink.ExpiresInPast" });
    }

    [Fact]
    public async Task The_screen_page_asks_anonymous_visitors_to_sign_in_and_opens_for_members_and_displays()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        var path = $"/meetings/{ids.NextMeeting}/screen";
        using var anonymous = factory.AnonymousClient();
        using var member = await factory.SignedInClientAsync(DevSignIn.Member);
        using var display = await DisplayClientAsync(ids.NextMeeting);

        // Act
        using var anonymousAnswer = await anonymous.GetAsync(path, Ct);
        using var memberAnswer = await member.GetAsync(path, Ct);
        using var displayAnswer = await display.GetAsync(path, Ct);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, anonymousAnswer.StatusCode);
        Assert.Equal("/account/signin", anonymousAnswer.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.OK, memberAnswer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, displayAnswer.StatusCode);
    }

    [Fact]
    public async Task A_display_link_signs_the_device_in_and_sends_it_to_its_screen_and_a_bad_one_says_so()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        var issued = await factory.Service<DisplayLinkService>().IssueAsync(await factory.UserAsync(DevSignIn.Administration), ids.NextMeeting, Input(), Ct);
        using var device = factory.AnonymousClient();
        using var other = factory.AnonymousClient();

        // Act
        using var opened = await device.GetAsync(issued.Path, Ct);
        using var refused = await other.GetAsync("/display/not-a-real-token-at-all", Ct);

        // Assert
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"/meetings/{ids.NextMeeting}/screen", opened.Headers.Location!.OriginalString);
        Assert.Contains(opened.Headers.GetValues("Set-Cookie"), c => c.StartsWith(DisplayPrincipal.CookieName + "=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        Assert.True(opened.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(DisplayLinkEndpoints.InvalidPath, refused.Headers.Location!.OriginalString);
        using var invalidPage = await other.GetAsync(DisplayLinkEndpoints.InvalidPath, Ct);
        Assert.Contains("Visningslinket er ikke længere gyldigt", WebUtility.HtmlDecode(await invalidPage.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/meetings/{meeting}")]
    [InlineData("/")]
    [InlineData("/councils/{council}")]
    [InlineData("/meetings/{meeting}/calendar.ics")]
    [InlineData("/m/{code}")]
    public async Task A_display_cookie_opens_no_other_page(string template)
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        var code = await factory.Service<RoomScreenService>().ShortCodeAsync(ids.NextMeeting, Ct);
        using var display = await DisplayClientAsync(ids.NextMeeting);
        var path = template.Replace("{meeting}", ids.NextMeeting.ToString()).Replace("{council}", ids.Udsatteraadet.ToString()).Replace("{code}", code);

        // Act
        using var answer = await display.GetAsync(path, Ct);

        // Assert: refused (the no-access page), never the page itself
        Assert.True(answer.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized, $"{path} answered {(int)answer.StatusCode}");
        if (answer.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Equal("/no-access", answer.Headers.Location!.AbsolutePath);
        }
    }

    [Theory]
    [InlineData("GET", "/api/meetings/{meeting}")]
    [InlineData("GET", "/api/councils")]
    [InlineData("POST", "/api/meetings/{meeting}/run/start")]
    [InlineData("POST", "/hubs/meeting/negotiate?negotiateVersion=1")]
    public async Task A_display_cookie_opens_no_endpoint_or_hub(string method, string template)
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        using var display = await DisplayClientAsync(ids.NextMeeting);
        using var request = new HttpRequestMessage(new HttpMethod(method), template.Replace("{meeting}", ids.NextMeeting.ToString()));

        // Act
        using var answer = await display.SendAsync(request, Ct);

        // Assert
        Assert.True(answer.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{template} answered {(int)answer.StatusCode}");
        await using var db = await factory.CreateDbContextAsync();
        Assert.NotEqual(MeetingStatus.InProgress, await db.Meetings.Where(m => m.Id == ids.NextMeeting).Select(m => m.Status).SingleAsync(Ct));
    }

    public static TheoryData<string, HttpStatusCode> ShortLinkRows() => new()
    {
        { DevSignIn.Member, HttpStatusCode.Redirect },
        { DevSignIn.Substitute, HttpStatusCode.Redirect },
        { DevSignIn.OtherCouncilChair, HttpStatusCode.NotFound },
    };

    [Theory]
    [MemberData(nameof(ShortLinkRows))]
    public async Task The_short_link_leads_readers_of_the_meeting_to_it_and_is_no_credential(string person, HttpStatusCode expected)
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        var screens = factory.Service<RoomScreenService>();
        var code = await screens.ShortCodeAsync(ids.NextMeeting, Ct);
        using var client = await factory.SignedInClientAsync(person);
        using var anonymous = factory.AnonymousClient();

        // Act
        using var answer = await client.GetAsync($"/m/{code.ToUpperInvariant()}", Ct);
        using var anonymousAnswer = await anonymous.GetAsync($"/m/{code}", Ct);

        // Assert
        Assert.Equal(code, await screens.ShortCodeAsync(ids.NextMeeting, Ct));
        Assert.True(RoomScreenService.IsWellFormedCode(code));
        Assert.Equal(expected, answer.StatusCode);
        if (expected == HttpStatusCode.Redirect)
        {
            Assert.Equal($"/meetings/{ids.NextMeeting}", answer.Headers.Location!.OriginalString);
        }
        Assert.Equal(HttpStatusCode.Redirect, anonymousAnswer.StatusCode);
        Assert.Equal("/account/signin", anonymousAnswer.Headers.Location!.AbsolutePath);
    }

    public static TheoryData<string, HttpStatusCode> RunApiRows() => new()
    {
        { DevSignIn.Member, HttpStatusCode.Forbidden },
        { DevSignIn.Substitute, HttpStatusCode.Forbidden },
        { SteppingIn, HttpStatusCode.Forbidden },
        { DevSignIn.OtherCouncilChair, HttpStatusCode.NotFound },
        { Anonymous, HttpStatusCode.Unauthorized },
    };

    [Theory]
    [MemberData(nameof(RunApiRows))]
    public async Task The_run_api_refuses_everyone_but_the_administration_and_the_chair(string person, HttpStatusCode expected)
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        var meetingId = await LaterMeetingAsync(ids.Udsatteraadet);
        if (person == SteppingIn)
        {
            await StepInAsync(meetingId);
        }
        using var client = person == Anonymous ? factory.AnonymousClient() : await factory.SignedInClientAsync(person == SteppingIn ? DevSignIn.Substitute : person);

        // Act
        using var start = await client.PostAsync($"/api/meetings/{meetingId}/run/start", null, Ct);
        using var step = await client.PostAsJsonAsync($"/api/meetings/{meetingId}/run/step", new { expectedCurrentId = (Guid?)null, direction = 1 }, Ct);
        using var end = await client.PostAsync($"/api/meetings/{meetingId}/run/end", null, Ct);

        // Assert
        Assert.Equal([expected, expected, expected], new[] { start.StatusCode, step.StatusCode, end.StatusCode });
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(MeetingStatus.Published, await db.Meetings.Where(m => m.Id == meetingId).Select(m => m.Status).SingleAsync(Ct));
    }

    [Fact]
    public async Task The_chair_and_the_administration_run_the_meeting_through_the_api()
    {
        // Arrange: a meeting of its own, so the other rows keep theirs published
        var meeting = await ExtraMeetingAsync();
        using var chair = await factory.SignedInClientAsync(DevSignIn.Chair);
        using var secretary = await factory.SignedInClientAsync(DevSignIn.Administration);

        // Act
        using var start = await chair.PostAsync($"/api/meetings/{meeting}/run/start", null, Ct);
        var state = await secretary.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/meetings/{meeting}/run", Ct);
        var first = state.GetProperty("current").GetProperty("itemId").GetGuid();
        using var step = await secretary.PostAsJsonAsync($"/api/meetings/{meeting}/run/step", new { expectedCurrentId = first, direction = 1 }, Ct);
        using var stale = await chair.PostAsJsonAsync($"/api/meetings/{meeting}/run/step", new { expectedCurrentId = first, direction = 1 }, Ct);
        using var badStep = await chair.PostAsJsonAsync($"/api/meetings/{meeting}/run/step", new { expectedCurrentId = (Guid?)null, direction = 3 }, Ct);
        using var end = await chair.PostAsync($"/api/meetings/{meeting}/run/end", null, Ct);

        // Assert
        Assert.Equal(HttpStatusCode.NoContent, start.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, step.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badStep.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, end.StatusCode);
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(MeetingStatus.Held, await db.Meetings.Where(m => m.Id == meeting).Select(m => m.Status).SingleAsync(Ct));
    }

    private const string ClosedItemTitle = "Henvendelse fra en borger om husleje og bostøtte";

    private static CancellationToken Ct => TestCancellation.Ct;

    private static DisplayLinkInput Input(bool showClosed = false) =>
        new() { Label = "Tv i mødelokale 2", ExpiresAt = DateTimeOffset.UtcNow.AddHours(6), ShowClosedItems = showClosed };

    private async Task<(Guid MeetingId, ClaimsPrincipal Principal)> PrincipalAtMeetingAsync(string person)
    {
        var ids = await DemoIds.LoadAsync(factory);
        if (person == Anonymous)
        {
            return (ids.NextMeeting, new ClaimsPrincipal(new ClaimsIdentity()));
        }
        var name = person == SteppingIn ? DevSignIn.Substitute : person;
        var meetingId = ids.NextMeeting;
        if (person == SteppingIn)
        {
            // Stepping in at the later meeting only, so the rows of the next meeting keep a substitute who is not.
            meetingId = await LaterMeetingAsync(ids.Udsatteraadet);
            await StepInAsync(meetingId);
        }
        var personId = await DemoIds.PersonIdAsync(factory, name);
        var principal = await factory.Services.GetRequiredService<DevelopmentSignIn>().CreatePrincipalAsync(personId, Ct);
        return (meetingId, principal!);
    }

    private async Task StepInAsync(Guid meetingId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var carsten = await db.People.Where(p => p.Name == DevSignIn.Substitute).Select(p => p.Id).SingleAsync(Ct);
        if (await db.SubstituteCalls.AnyAsync(c => c.MeetingId == meetingId && c.SubstituteId == carsten && c.Status == SubstituteCallStatus.Confirmed, Ct))
        {
            return;
        }
        var poul = await db.People.Where(p => p.Name == "Poul Skovbo").Select(p => p.Id).SingleAsync(Ct);
        db.SubstituteCalls.Add(new SubstituteCall
        {
            MeetingId = meetingId, SubstituteId = carsten, ForMemberId = poul, Status = SubstituteCallStatus.Confirmed,
            ProposedAt = DateTimeOffset.UtcNow, DecidedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync(Ct);
        factory.Service<Workspace.Web.Collaboration.IMeetingNotifier>()
            .Publish(new Workspace.Web.Collaboration.MeetingChange(meetingId, Workspace.Web.Collaboration.MeetingChangeKind.AttendanceChanged, null, null, null));
    }

    private async Task<Guid> LaterMeetingAsync(Guid councilId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var published = await db.Meetings.Where(m => m.CouncilId == councilId && m.Status == MeetingStatus.Published)
            .OrderBy(m => m.StartsAt).Select(m => m.Id).ToListAsync(Ct);
        return published[1];
    }

    /// <summary>A third published meeting of Udsatterådet with one item, for the run that changes its status.</summary>
    private async Task<Guid> ExtraMeetingAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        var council = await db.Councils.Where(c => c.Name == "Udsatterådet").Select(c => c.Id).SingleAsync(Ct);
        var meeting = new Meeting
        {
            CouncilId = council, Title = "Ekstraordinært møde", Status = MeetingStatus.Published,
            StartsAt = DateTimeOffset.UtcNow.AddDays(100), EndsAt = DateTimeOffset.UtcNow.AddDays(100).AddHours(2),
        };
        meeting.AgendaItems.Add(new AgendaItem { Meeting = meeting, Number = 1, Title = "Godkendelse af dagsorden", AllottedMinutes = 5 });
        meeting.AgendaItems.Add(new AgendaItem { Meeting = meeting, Number = 2, Title = "Eventuelt", AllottedMinutes = 10 });
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(Ct);
        return meeting.Id;
    }

    private async Task<HttpClient> DisplayClientAsync(Guid meetingId)
    {
        var issued = await factory.Service<DisplayLinkService>().IssueAsync(await factory.UserAsync(DevSignIn.Administration), meetingId, Input(), Ct);
        var client = factory.AnonymousClient();
        using var opened = await client.GetAsync(issued.Path, Ct);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        return client;
    }

    private static async Task<string> OutcomeAsync(Func<Task> action)
    {
        try
        {
            await action();
            return "allowed";
        }
        catch (AccessDeniedException)
        {
            return "denied";
        }
        catch (NotFoundException)
        {
            return "not found";
        }
    }
}
