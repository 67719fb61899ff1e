using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests;

/// <summary>
/// Proves the OIDC stand-in on its own, by hand over HTTP, so that a failing sign-in test points at the app.
/// These tests need neither the app nor a browser.
/// </summary>
public sealed class OidcStandInTests : IAsyncLifetime
{
    private const string RedirectUri = "http://127.0.0.1:5999/signin-oidc";

    private static readonly StandInUser Chair = new(
        "0b8f6c2e-3a41-4d7e-9c15-7e2a4b6d8f90", "Karen Holm", "karen.holm@example.dk", ["Workspace.Member"]);

    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false });
    private OidcStandIn _standIn = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _standIn = await OidcStandIn.StartAsync(cancellationToken: Cancel);
        _standIn.NextUser = Chair;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _standIn.DisposeAsync();
    }

    [Fact]
    public async Task Discovery_names_the_tenant_issuer_and_publishes_one_rsa_key()
    {
        var discovery = await GetJsonAsync(_standIn.MetadataAddress);

        Assert.Equal($"{_standIn.Instance}{OidcStandIn.TenantId}/v2.0", (string?)discovery["issuer"]);
        Assert.StartsWith("http://127.0.0.1:", _standIn.Instance);
        Assert.Contains("code", discovery["response_types_supported"]!.AsArray().Select(node => (string?)node));
        var keys = await GetKeysAsync(discovery);
        var key = Assert.Single(keys.Keys);
        Assert.Equal("RSA", key.Kty);
        Assert.False(string.IsNullOrEmpty(key.Kid));
    }

    [Fact]
    public async Task Code_flow_with_pkce_and_secret_returns_a_signed_entra_shaped_id_token()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

        var authorization = await AuthorizeAsync("query", nonce: "nonce-1", state: "state-1", challenge);
        Assert.Equal("state-1", authorization["state"]);
        var tokens = await RedeemAsync(authorization["code"], verifier, _standIn.ClientSecret);

        Assert.Equal("Bearer", (string?)tokens["token_type"]);
        var result = await ValidateAsync((string)tokens["id_token"]!);
        Assert.True(result.IsValid, result.Exception?.ToString());
        var idToken = (JsonWebToken)result.SecurityToken;
        Assert.Equal(OidcStandIn.TenantId, idToken.GetClaim("tid").Value);
        Assert.Equal(Chair.ObjectId, idToken.GetClaim("oid").Value);
        Assert.Equal(Chair.Name, idToken.GetClaim("name").Value);
        Assert.Equal(Chair.Email, idToken.GetClaim("preferred_username").Value);
        Assert.Equal("nonce-1", idToken.GetClaim("nonce").Value);
        Assert.Equal("2.0", idToken.GetClaim("ver").Value);
        Assert.Equal(Chair.Roles, idToken.Claims.Where(claim => claim.Type == "roles").Select(claim => claim.Value));
        Assert.Equal(1, _standIn.SignInCount);
    }

    [Fact]
    public async Task A_user_without_roles_gets_no_roles_claim()
    {
        _standIn.NextUser = Chair with { Roles = [] };

        var authorization = await AuthorizeAsync("query", nonce: "n", state: "s", codeChallenge: null);
        var tokens = await RedeemAsync(authorization["code"], verifier: null, _standIn.ClientSecret);

        var result = await ValidateAsync((string)tokens["id_token"]!);
        Assert.True(result.IsValid, result.Exception?.ToString());
        Assert.False(((JsonWebToken)result.SecurityToken).TryGetPayloadValue<object>("roles", out _));
    }

    [Fact]
    public async Task Form_post_answers_with_a_self_submitting_form_to_the_redirect_uri()
    {
        using var response = await _http.GetAsync(AuthorizeUrl("form_post", "n", "s&<state>", null), Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"action=\"{RedirectUri}\"", html);
        Assert.Contains("document.forms[0].submit()", html);
        Assert.Contains("name=\"code\"", html);
        Assert.Contains("value=\"s&amp;&lt;state&gt;\"", html);
    }

    [Fact]
    public async Task The_token_endpoint_refuses_a_wrong_verifier_and_a_reused_code()
    {
        var challenge = Base64UrlEncoder.Encode(SHA256.HashData("right-verifier"u8.ToArray()));
        var first = await AuthorizeAsync("query", "n", "s", challenge);
        using var wrongVerifier = await PostTokenAsync(first["code"], "wrong-verifier", _standIn.ClientSecret);
        Assert.Equal(HttpStatusCode.BadRequest, wrongVerifier.StatusCode);

        var second = await AuthorizeAsync("query", "n", "s", codeChallenge: null);
        using var redeemed = await PostTokenAsync(second["code"], null, _standIn.ClientSecret);
        using var reused = await PostTokenAsync(second["code"], null, _standIn.ClientSecret);
        Assert.Equal(HttpStatusCode.OK, redeemed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
    }

    [Fact]
    public async Task Without_a_next_user_the_app_gets_access_denied()
    {
        _standIn.NextUser = null;

        var authorization = await AuthorizeAsync("query", "n", "s", codeChallenge: null);

        Assert.Equal("access_denied", authorization["error"]);
        Assert.Equal("s", authorization["state"]);
    }

    [Fact]
    public async Task Logout_returns_to_the_post_logout_redirect_uri_with_the_state()
    {
        var url = QueryHelpers.AddQueryString($"{_standIn.Issuer.Replace("/v2.0", "")}/oauth2/v2.0/logout", new Dictionary<string, string?>
        {
            ["post_logout_redirect_uri"] = "http://127.0.0.1:5999/signout-callback-oidc",
            ["state"] = "bye",
        });

        using var response = await _http.GetAsync(url, Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://127.0.0.1:5999/signout-callback-oidc?state=bye", response.Headers.Location?.ToString());
        Assert.Equal(1, _standIn.SignOutCount);
    }

    private string AuthorizeUrl(string responseMode, string nonce, string state, string? codeChallenge)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = _standIn.ClientId,
            ["redirect_uri"] = RedirectUri,
            ["response_type"] = "code",
            ["response_mode"] = responseMode,
            ["scope"] = "openid profile offline_access",
            ["nonce"] = nonce,
            ["state"] = state,
        };
        if (codeChallenge is not null)
        {
            parameters["code_challenge"] = codeChallenge;
            parameters["code_challenge_method"] = "S256";
        }
        return QueryHelpers.AddQueryString($"{_standIn.Instance}{OidcStandIn.TenantId}/oauth2/v2.0/authorize", parameters);
    }

    /// <summary>The authorize request, answered by a redirect to the redirect URI; returns that redirect's query.</summary>
    private async Task<Dictionary<string, string>> AuthorizeAsync(string responseMode, string nonce, string state, string? codeChallenge)
    {
        using var response = await _http.GetAsync(AuthorizeUrl(responseMode, nonce, state, codeChallenge), Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(RedirectUri + "?", location.ToString());
        return QueryHelpers.ParseQuery(location.Query).ToDictionary(pair => pair.Key, pair => pair.Value.ToString());
    }

    private Task<HttpResponseMessage> PostTokenAsync(string code, string? verifier, string? secret)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["client_id"] = _standIn.ClientId,
        };
        if (verifier is not null)
        {
            form["code_verifier"] = verifier;
        }
        if (secret is not null)
        {
            form["client_secret"] = secret;
        }
        return _http.PostAsync($"{_standIn.Instance}{OidcStandIn.TenantId}/oauth2/v2.0/token", new FormUrlEncodedContent(form), Cancel);
    }

    private async Task<JsonObject> RedeemAsync(string code, string? verifier, string? secret)
    {
        using var response = await PostTokenAsync(code, verifier, secret);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonNode.Parse(body)!.AsObject();
    }

    private async Task<TokenValidationResult> ValidateAsync(string token)
    {
        var keys = await GetKeysAsync(await GetJsonAsync(_standIn.MetadataAddress));
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = _standIn.Issuer,
            ValidAudience = _standIn.ClientId,
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });
    }

    private async Task<JsonWebKeySet> GetKeysAsync(JsonObject discovery) =>
        new(await _http.GetStringAsync((string)discovery["jwks_uri"]!, Cancel));

    private async Task<JsonObject> GetJsonAsync(string url) =>
        JsonNode.Parse(await _http.GetStringAsync(url, Cancel))!.AsObject();
}
