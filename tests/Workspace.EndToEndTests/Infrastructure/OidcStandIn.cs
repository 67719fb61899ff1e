using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;

namespace Workspace.EndToEndTests.Infrastructure;

/// <summary>
/// A minimal OpenID Connect provider shaped like Entra ID's v2.0 endpoints for one tenant, on a free loopback port,
/// so that the app's real Microsoft.Identity.Web sign-in can be tested without the internet. It has no login
/// page: every authorization request signs in <see cref="NextUser"/> at once.
/// </summary>
public sealed class OidcStandIn : IAsyncDisposable
{
    public const string TenantId = "4f1c2b9e-7d3a-4e58-9b6c-2a8d0e5f7c31";
    public const string DefaultClientId = "a3e9d1c7-5b2f-4c86-8e4d-6f0b9a2c1d57";
    public const string DefaultClientSecret = "stand-in-client-secret";

    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);
    private static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(5);

    private readonly WebApplication _app;
    private readonly StandInSigningKey _key = new();
    private readonly ConcurrentDictionary<string, AuthorizationGrant> _grants = new();
    private volatile StandInUser? _nextUser;
    private int _signIns;
    private int _signOuts;

    private OidcStandIn(string clientId, string clientSecret)
    {
        ClientId = clientId;
        ClientSecret = clientSecret;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        MapEndpoints(_app);
    }

    /// <summary>Like <c>https://login.microsoftonline.com/</c>: <c>http://127.0.0.1:&lt;port&gt;/</c>.</summary>
    public string Instance { get; private set; } = "";

    /// <summary>The authority and token issuer: <c>{Instance}{TenantId}/v2.0</c>.</summary>
    public string Issuer => $"{Instance}{TenantId}/v2.0";

    public string MetadataAddress => $"{Issuer}/.well-known/openid-configuration";

    public string ClientId { get; }

    public string ClientSecret { get; }

    /// <summary>Who the next authorization request signs in (stays until changed). Null answers access_denied.</summary>
    public StandInUser? NextUser
    {
        get => _nextUser;
        set => _nextUser = value;
    }

    /// <summary>How many authorization requests signed a user in.</summary>
    public int SignInCount => Volatile.Read(ref _signIns);

    /// <summary>How many times the end-session (logout) endpoint was called.</summary>
    public int SignOutCount => Volatile.Read(ref _signOuts);

    public static async Task<OidcStandIn> StartAsync(
        string clientId = DefaultClientId,
        string clientSecret = DefaultClientSecret,
        CancellationToken cancellationToken = default)
    {
        var standIn = new OidcStandIn(clientId, clientSecret);
        await standIn._app.StartAsync(cancellationToken);
        var address = standIn._app.Services.GetRequiredService<IServer>().Features
            .GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        standIn.Instance = address.TrimEnd('/') + "/";
        return standIn;
    }

    /// <summary>
    /// Environment variables that point the app's <c>AzureAd</c> section (Microsoft.Identity.Web) at this stand-in.
    /// Metadata over plain http has to be allowed explicitly.
    /// </summary>
    public IReadOnlyDictionary<string, string?> AzureAdEnvironment() => new Dictionary<string, string?>
    {
        ["AzureAd__Instance"] = Instance,
        ["AzureAd__TenantId"] = TenantId,
        ["AzureAd__ClientId"] = ClientId,
        ["AzureAd__ClientSecret"] = ClientSecret,
        ["AzureAd__RequireHttpsMetadata"] = "false",
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key.Dispose();
    }

    private void MapEndpoints(WebApplication app)
    {
        var tenant = "/" + TenantId;
        app.MapGet(tenant + "/v2.0/.well-known/openid-configuration", () => Results.Json(Discovery()));
        app.MapGet(tenant + "/discovery/v2.0/keys", () => Results.Json(_key.Jwks()));
        app.MapGet(tenant + "/oauth2/v2.0/authorize", (HttpRequest request) => Authorize(request.Query));
        app.MapPost(tenant + "/oauth2/v2.0/token", async (HttpRequest request) => Token(request, await request.ReadFormAsync()));
        app.MapGet(tenant + "/oauth2/v2.0/logout", (HttpRequest request) => Logout(request.Query));
        app.MapPost(tenant + "/oauth2/v2.0/logout", async (HttpRequest request) => Logout(await request.ReadFormAsync()));
    }

    private JsonObject Discovery()
    {
        var endpoints = $"{Instance}{TenantId}/oauth2/v2.0";
        return new JsonObject
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = $"{endpoints}/authorize",
            ["token_endpoint"] = $"{endpoints}/token",
            ["end_session_endpoint"] = $"{endpoints}/logout",
            ["jwks_uri"] = $"{Instance}{TenantId}/discovery/v2.0/keys",
            ["response_types_supported"] = Array("code", "id_token", "code id_token"),
            ["response_modes_supported"] = Array("query", "fragment", "form_post"),
            ["subject_types_supported"] = Array("pairwise"),
            ["id_token_signing_alg_values_supported"] = Array("RS256"),
            ["token_endpoint_auth_methods_supported"] = Array("client_secret_post", "client_secret_basic"),
            ["code_challenge_methods_supported"] = Array("S256", "plain"),
            ["scopes_supported"] = Array("openid", "profile", "email", "offline_access"),
            ["claims_supported"] = Array(
                "sub", "iss", "aud", "exp", "iat", "nbf", "nonce", "name", "preferred_username", "oid", "tid", "roles", "ver",
                "c_hash", "at_hash"),
            ["frontchannel_logout_supported"] = true,
            ["http_logout_supported"] = true,
            ["request_uri_parameter_supported"] = false,
        };

        static JsonArray Array(params string[] values) => new([.. values.Select(value => JsonValue.Create(value))]);
    }

    private IResult Authorize(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var parameters = query.ToDictionary(pair => pair.Key, pair => pair.Value.ToString());
        var redirectUri = parameters.GetValueOrDefault("redirect_uri");
        if (parameters.GetValueOrDefault("client_id") != ClientId || string.IsNullOrEmpty(redirectUri))
        {
            // Like Entra ID: an unknown client or a missing redirect URI is shown to the user, not redirected.
            return Results.BadRequest($"Unknown client_id or missing redirect_uri: {string.Join('&', parameters.Select(p => p.Key + "=" + p.Value))}");
        }

        var responseTypes = (parameters.GetValueOrDefault("response_type") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var wantsCode = responseTypes.Contains("code");
        var wantsIdToken = responseTypes.Contains("id_token");
        var responseMode = parameters.GetValueOrDefault("response_mode") ?? (wantsIdToken ? "fragment" : "query");
        var state = parameters.GetValueOrDefault("state");
        var nonce = parameters.GetValueOrDefault("nonce");

        var answer = new List<KeyValuePair<string, string>>();
        var user = NextUser;
        if (responseTypes.Length == 0 || responseTypes.Any(type => type is not ("code" or "id_token")))
        {
            answer.Add(new("error", "unsupported_response_type"));
        }
        else if (user is null)
        {
            answer.Add(new("error", "access_denied"));
            answer.Add(new("error_description", "The OIDC stand-in has no NextUser to sign in."));
        }
        else
        {
            Interlocked.Increment(ref _signIns);
            string? code = null;
            if (wantsCode)
            {
                code = RandomValue();
                _grants[code] = new AuthorizationGrant(
                    user,
                    redirectUri,
                    nonce,
                    parameters.GetValueOrDefault("code_challenge"),
                    parameters.GetValueOrDefault("code_challenge_method") ?? "plain",
                    parameters.GetValueOrDefault("scope") ?? "openid",
                    DateTimeOffset.UtcNow + CodeLifetime);
                answer.Add(new("code", code));
            }
            if (wantsIdToken)
            {
                answer.Add(new("id_token", IdToken(user, nonce, code: code, accessToken: null)));
            }
            if (parameters.GetValueOrDefault("client_info") == "1")
            {
                answer.Add(new("client_info", ClientInfo(user)));
            }
        }
        if (state is not null)
        {
            answer.Add(new("state", state));
        }
        return Respond(redirectUri, responseMode, answer);
    }

    private IResult Token(HttpRequest request, IFormCollection form)
    {
        if (form["grant_type"] != "authorization_code")
        {
            return TokenError("unsupported_grant_type", "Only authorization_code is supported.");
        }
        var (clientId, clientSecret) = ClientCredentials(request, form);
        if (clientId != ClientId)
        {
            return TokenError("invalid_client", $"Unknown client_id '{clientId}'.", StatusCodes.Status401Unauthorized);
        }
        // Codes are single use, like Entra ID's.
        if (!_grants.TryRemove(form["code"].ToString(), out var grant) || grant.ExpiresAt < DateTimeOffset.UtcNow)
        {
            return TokenError("invalid_grant", "Unknown, used or expired code.");
        }
        if (form["redirect_uri"] != grant.RedirectUri)
        {
            return TokenError("invalid_grant", "redirect_uri differs from the authorization request's.");
        }
        if (clientSecret is not null && clientSecret != ClientSecret)
        {
            return TokenError("invalid_client", "Wrong client_secret.", StatusCodes.Status401Unauthorized);
        }
        if (grant.CodeChallenge is not null && !PkceMatches(grant, form["code_verifier"].ToString()))
        {
            return TokenError("invalid_grant", "code_verifier does not match the code_challenge.");
        }
        if (clientSecret is null && grant.CodeChallenge is null)
        {
            return TokenError("invalid_client", "Send a client_secret or use PKCE.", StatusCodes.Status401Unauthorized);
        }

        var accessToken = AccessToken(grant.User);
        var response = new JsonObject
        {
            ["token_type"] = "Bearer",
            ["scope"] = grant.Scope,
            ["expires_in"] = (int)TokenLifetime.TotalSeconds,
            ["ext_expires_in"] = (int)TokenLifetime.TotalSeconds,
            ["access_token"] = accessToken,
            ["id_token"] = IdToken(grant.User, grant.Nonce, code: null, accessToken),
            ["client_info"] = ClientInfo(grant.User),
        };
        return Results.Json(response, statusCode: StatusCodes.Status200OK);
    }

    private IResult Logout(IEnumerable<KeyValuePair<string, StringValues>> values)
    {
        Interlocked.Increment(ref _signOuts);
        var parameters = values.ToDictionary(pair => pair.Key, pair => pair.Value.ToString());
        var postLogoutRedirectUri = parameters.GetValueOrDefault("post_logout_redirect_uri");
        if (string.IsNullOrEmpty(postLogoutRedirectUri))
        {
            return Results.Text("Signed out of the OIDC stand-in.");
        }
        // The app's signed-out callback needs its state back to find where to go next.
        var target = parameters.TryGetValue("state", out var state)
            ? QueryHelpers.AddQueryString(postLogoutRedirectUri, "state", state)
            : postLogoutRedirectUri;
        return Results.Redirect(target);
    }

    private string IdToken(StandInUser user, string? nonce, string? code, string? accessToken)
    {
        var claims = UserClaims(user);
        claims["sub"] = PairwiseSubject(user);
        claims["ver"] = "2.0";
        claims["uti"] = RandomValue()[..22];
        if (user.Roles.Length > 0)
        {
            claims["roles"] = user.Roles;
        }
        if (nonce is not null)
        {
            claims["nonce"] = nonce;
        }
        if (code is not null)
        {
            claims["c_hash"] = StandInSigningKey.HalfHash(code);
        }
        if (accessToken is not null)
        {
            claims["at_hash"] = StandInSigningKey.HalfHash(accessToken);
        }
        return _key.CreateToken(Issuer, ClientId, TokenLifetime, claims);
    }

    /// <summary>Entra ID hands web apps a Microsoft Graph token for the openid scopes; nothing here reads it.</summary>
    private string AccessToken(StandInUser user)
    {
        var claims = UserClaims(user);
        claims["sub"] = PairwiseSubject(user);
        claims["scp"] = "openid profile email User.Read";
        claims["ver"] = "2.0";
        return _key.CreateToken(Issuer, "00000003-0000-0000-c000-000000000000", TokenLifetime, claims);
    }

    private static Dictionary<string, object> UserClaims(StandInUser user) => new()
    {
        ["tid"] = TenantId,
        ["oid"] = user.ObjectId,
        ["name"] = user.Name,
        ["preferred_username"] = user.Email,
    };

    /// <summary>Entra ID's sub is unique per user and app, unlike oid which is the same for every app.</summary>
    private string PairwiseSubject(StandInUser user) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes($"{ClientId}:{user.ObjectId}")));

    /// <summary>MSAL's client_info: base64url JSON with the user's object id (uid) and tenant id (utid).</summary>
    private static string ClientInfo(StandInUser user) =>
        Base64UrlEncoder.Encode(new JsonObject { ["uid"] = user.ObjectId, ["utid"] = TenantId }.ToJsonString());

    private static bool PkceMatches(AuthorizationGrant grant, string verifier)
    {
        if (string.IsNullOrEmpty(verifier))
        {
            return false;
        }
        var expected = grant.CodeChallengeMethod == "S256"
            ? Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)))
            : verifier;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(grant.CodeChallenge!));
    }

    /// <summary>client_id and client_secret from HTTP Basic authentication (client_secret_basic) or the form (client_secret_post).</summary>
    private static (string? ClientId, string? ClientSecret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim()));
            var separator = decoded.IndexOf(':');
            if (separator > 0)
            {
                return (Uri.UnescapeDataString(decoded[..separator]), Uri.UnescapeDataString(decoded[(separator + 1)..]));
            }
        }
        return (NullIfEmpty(form["client_id"]), NullIfEmpty(form["client_secret"]));

        static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
    }

    private static IResult TokenError(string error, string description, int status = StatusCodes.Status400BadRequest) =>
        Results.Json(new JsonObject { ["error"] = error, ["error_description"] = description }, statusCode: status);

    /// <summary>Sends the authorization response to the app as the request's response_mode asks.</summary>
    private static IResult Respond(string redirectUri, string responseMode, List<KeyValuePair<string, string>> answer)
    {
        switch (responseMode)
        {
            case "form_post":
                var inputs = string.Concat(answer.Select(pair =>
                    $"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(pair.Key)}\" value=\"{WebUtility.HtmlEncode(pair.Value)}\">"));
                var html = $"""
                    <!DOCTYPE html>
                    <html><head><title>Signing in</title></head>
                    <body onload="document.forms[0].submit()">
                    <form method="post" action="{WebUtility.HtmlEncode(redirectUri)}">{inputs}<noscript><button type="submit">Continue</button></noscript></form>
                    </body></html>
                    """;
                return Results.Content(html, "text/html; charset=utf-8");
            case "fragment":
                return Results.Redirect(redirectUri + "#" + FormUrlEncode(answer));
            default:
                return Results.Redirect(QueryHelpers.AddQueryString(redirectUri, answer.Select(
                    pair => new KeyValuePair<string, string?>(pair.Key, pair.Value))));
        }
    }

    private static string FormUrlEncode(IEnumerable<KeyValuePair<string, string>> values) =>
        string.Join('&', values.Select(pair => $"{Uri.EscapeDataString(pair.Key)}={Uri.EscapeDataString(pair.Value)}"));

    private static string RandomValue() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    private sealed record AuthorizationGrant(
        StandInUser User,
        string RedirectUri,
        string? Nonce,
        string? CodeChallenge,
        string CodeChallengeMethod,
        string Scope,
        DateTimeOffset ExpiresAt);
}
