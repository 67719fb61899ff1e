using System.Net;
using System.Text.RegularExpressions;

namespace Workspace.EndToEndTests.Infrastructure;

/// <summary>Signs in through the development sign-in form without a browser, for tests that talk HTTP and SignalR.</summary>
public static partial class HttpSignIn
{
    /// <summary>A cookie container signed in as the demo person <paramref name="person"/> on the app at <paramref name="baseUrl"/>.</summary>
    public static async Task<CookieContainer> AsAsync(string baseUrl, string person, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var html = await http.GetStringAsync("/account/dev-signin", ct);
        var form = FormElement().Matches(html).Select(m => m.Value)
            .First(f => WebUtility.HtmlDecode(Regex.Match(f, "data-person=\"([^\"]*)\"").Groups[1].Value) == person);
        string Input(string name) => WebUtility.HtmlDecode(Regex.Match(form, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"").Groups[1].Value);
        using var response = await http.PostAsync("/account/dev-signin/submit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["personId"] = Input("personId"),
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = Input("__RequestVerificationToken"),
        }), ct);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {person} answered {(int)response.StatusCode}.");
        }
        return cookies;
    }

    public static HttpClient Client(string baseUrl, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(baseUrl) };

    [GeneratedRegex("""<form\b.*?</form>""", RegexOptions.Singleline)]
    private static partial Regex FormElement();
}
