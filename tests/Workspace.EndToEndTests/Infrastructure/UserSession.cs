using System.Text.Json;
using Microsoft.Playwright;

namespace Workspace.EndToEndTests.Infrastructure;

/// <summary>
/// A browser context (its own cookies) with one page, signed in through the app's development sign-in as a demo
/// person. Disposing closes the context.
/// </summary>
public sealed class UserSession : IAsyncDisposable
{
    /// <summary>How long anything may take to appear: the pages render interactively after the circuit starts.</summary>
    public const float AppearTimeout = 10_000;

    private UserSession(AppHost host, IBrowserContext context, IPage page, ConsoleErrors errors)
    {
        Host = host;
        Context = context;
        Page = page;
        Errors = errors;
    }

    public AppHost Host { get; }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public ConsoleErrors Errors { get; }

    /// <summary>A fresh context that is not signed in.</summary>
    public static async Task<UserSession> AnonymousAsync(BrowserFixture browser, AppHost host)
    {
        var context = await browser.NewContextAsync(host.BaseUrl);
        context.SetDefaultTimeout(AppearTimeout);
        var page = await context.NewPageAsync();
        return new UserSession(host, context, page, ConsoleErrors.Record(page));
    }

    /// <summary>
    /// Signs in with the development sign-in as <paramref name="person"/> and waits for the home page; a node that was
    /// just started (its first circuit compiles and warms up) may be given longer.
    /// </summary>
    public static async Task<UserSession> SignInAsync(BrowserFixture browser, AppHost host, string person, float homeTimeout = AppearTimeout)
    {
        var session = await AnonymousAsync(browser, host);
        try
        {
            await session.Page.GotoAsync("/account/dev-signin");
            await session.Page.Locator($"button[data-person='{person}']").ClickAsync();
            await session.ExpectHomeAsync(person, homeTimeout);
            return session;
        }
        catch (PlaywrightException ex) when (host.HasExited)
        {
            await session.DisposeAsync();
            throw new InvalidOperationException($"The app has exited. Its output:\n{host.Output}", ex);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until the home page greets <paramref name="person"/>.</summary>
    public async Task ExpectHomeAsync(string person, float timeout = AppearTimeout)
    {
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 }))
            .ToHaveTextAsync($"Velkommen, {person}", new() { Timeout = timeout });
    }

    /// <summary>The card of a council on the home page.</summary>
    public ILocator CouncilCard(string council) =>
        Page.Locator(".mud-card").Filter(new() { Has = Page.GetByRole(AriaRole.Link, new() { Name = council, Exact = true }) });

    /// <summary>From the home page, opens a council's page by the link in the page's content (the menu has one too).</summary>
    public async Task OpenCouncilAsync(string council)
    {
        await Page.Locator("#main").GetByRole(AriaRole.Link, new() { Name = council, Exact = true }).ClickAsync();
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(council);
    }

    /// <summary>
    /// From the home page, opens the next meeting of Udsatterådet (the first upcoming meeting listed) and waits for
    /// its agenda; returns the meeting's id from the URL.
    /// </summary>
    public async Task<Guid> OpenNextMeetingAsync()
    {
        await CouncilCard(DemoPeople.Council).Locator("ul.meeting-list a").First.ClickAsync();
        await Page.WaitForURLAsync("**/meetings/*");
        await Assertions.Expect(AgendaItem("1")).ToBeVisibleAsync(new() { Timeout = AppearTimeout });
        return MeetingIdFromUrl();
    }

    /// <summary>Opens a meeting by id and waits for its agenda.</summary>
    public async Task OpenMeetingAsync(Guid meetingId)
    {
        await Page.GotoAsync($"/meetings/{meetingId}");
        await Assertions.Expect(AgendaItem("1")).ToBeVisibleAsync(new() { Timeout = AppearTimeout });
    }

    public Guid MeetingIdFromUrl() => Guid.Parse(new Uri(Page.Url).Segments[^1].TrimEnd('/'));

    /// <summary>The agenda item shown with number <paramref name="number"/> on the meeting page.</summary>
    public ILocator AgendaItem(string number) =>
        Page.Locator($"[data-testid=agenda-item][data-item-number='{number}']");

    /// <summary>The remark composer's text area under an item (MudTextField puts the test id on the wrapper or the textarea).</summary>
    public ILocator RemarkInput(ILocator item) =>
        item.Locator("textarea[data-testid=remark-input], [data-testid=remark-input] textarea").First;

    /// <summary>The app's JSON for a meeting, fetched with this session's cookie.</summary>
    public async Task<JsonElement> GetMeetingJsonAsync(Guid meetingId)
    {
        var response = await Context.APIRequest.GetAsync($"/api/meetings/{meetingId}");
        var body = await response.TextAsync();
        Assert.True(response.Ok, $"GET /api/meetings/{meetingId} answered {response.Status}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The id of the item shown as <paramref name="number"/> in the meeting's JSON.</summary>
    public async Task<Guid> ItemIdAsync(Guid meetingId, string number)
    {
        var meeting = await GetMeetingJsonAsync(meetingId);
        var item = meeting.GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("number").GetString() == number);
        return item.GetProperty("id").GetGuid();
    }

    /// <summary>POST /api/items/{itemId}/remarks with this session's cookie.</summary>
    public Task<IAPIResponse> PostRemarkAsync(Guid itemId, string text) =>
        Context.APIRequest.PostAsync($"/api/items/{itemId}/remarks", new() { DataObject = new { text } });

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
