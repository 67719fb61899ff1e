using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Workspace.IntegrationTests.Infrastructure;

/// <summary>Signs in through the real development sign-in page: the person's form, its antiforgery token and cookie.</summary>
public static partial class DevSignIn
{
    public const string Administration = "Iben Sørensen";
    public const string Member = "Mia Kragh";
    public const string Chair = "Gitte Holmgaard";
    public const string Substitute = "Carsten Lykke";

    /// <summary>Chair of Handicaprådet, with no seat in Udsatterådet.</summary>
    public const string OtherCouncilChair = "Hanne Winther";

    public const string PageUrl = "/account/dev-signin";
    public const string SubmitUrl = "/account/dev-signin/submit";

    public sealed record PersonForm(string Name, string PersonId, string Token);

    /// <summary>A client that keeps cookies and does not follow redirects, not signed in.</summary>
    public static HttpClient AnonymousClient(this WebApplicationFactory<Program> factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> SignedInClientAsync(this WebApplicationFactory<Program> factory, string personName)
    {
        var client = factory.AnonymousClient();
        var response = await client.SubmitSignInAsync(personName, returnUrl: "/");
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
        {
            throw new InvalidOperationException($"Signing in as {personName} answered {(int)response.StatusCode} {response.Headers.Location}.");
        }
        return client;
    }

    /// <summary>Opens the sign-in page and posts the form of the named person.</summary>
    public static async Task<HttpResponseMessage> SubmitSignInAsync(this HttpClient client, string personName, string? returnUrl)
    {
        var form = (await client.GetFormsAsync()).SingleOrDefault(f => f.Name == personName)
            ?? throw new InvalidOperationException($"No sign-in button for {personName}.");
        return await client.PostAsync(SubmitUrl, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["personId"] = form.PersonId,
            ["returnUrl"] = returnUrl ?? "",
            ["__RequestVerificationToken"] = form.Token,
        }));
    }

    public static async Task<IReadOnlyList<PersonForm>> GetFormsAsync(this HttpClient client)
    {
        var response = await client.GetAsync(PageUrl);
        response.EnsureSuccessStatusCode();
        return ParseForms(await response.Content.ReadAsStringAsync());
    }

    public static IReadOnlyList<PersonForm> ParseForms(string html) =>
        FormElement().Matches(html)
            .Select(m => m.Value)
            .Where(form => form.Contains("data-person=", StringComparison.Ordinal))
            .Select(form => new PersonForm(
                Name: WebUtility.HtmlDecode(Attribute(DataPerson(), form)),
                PersonId: InputValue(form, "personId"),
                Token: InputValue(form, "__RequestVerificationToken")))
            .ToList();

    private static string InputValue(string form, string name)
    {
        var input = InputElement().Matches(form)
            .Select(m => m.Value)
            .SingleOrDefault(i => Regex.IsMatch(i, "\\bname=\"" + Regex.Escape(name) + "\""))
            ?? throw new InvalidOperationException($"No input named {name} in the sign-in form.");
        return WebUtility.HtmlDecode(Attribute(ValueAttribute(), input));
    }

    private static string Attribute(Regex pattern, string element) =>
        pattern.Match(element) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"Attribute {pattern} not found in {element}.");

    [GeneratedRegex("""<form\b.*?</form>""", RegexOptions.Singleline)]
    private static partial Regex FormElement();

    [GeneratedRegex("""<input\b[^>]*>""")]
    private static partial Regex InputElement();

    [GeneratedRegex(""""\bdata-person="([^"]*)"""")]
    private static partial Regex DataPerson();

    [GeneratedRegex(""""\bvalue="([^"]*)"""")]
    private static partial Regex ValueAttribute();
}
