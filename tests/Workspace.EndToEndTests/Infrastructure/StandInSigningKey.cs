using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Workspace.EndToEndTests.Infrastructure;

/// <summary>The RSA key that <see cref="OidcStandIn"/> signs its tokens with, made fresh for each stand-in.</summary>
internal sealed class StandInSigningKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly JsonWebTokenHandler _handler = new();

    public StandInSigningKey()
    {
        var publicKey = _rsa.ExportParameters(includePrivateParameters: false);
        KeyId = Base64UrlEncoder.Encode(SHA256.HashData(publicKey.Modulus!))[..16];
        SigningCredentials = new SigningCredentials(
            new RsaSecurityKey(_rsa)
            {
                KeyId = KeyId,
                // Each stand-in has its own RSA instance; caching providers across disposed keys helps no one.
                CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
            },
            SecurityAlgorithms.RsaSha256);
    }

    public string KeyId { get; }

    public SigningCredentials SigningCredentials { get; }

    /// <summary>The public key as a JSON Web Key Set, like Entra ID's <c>discovery/v2.0/keys</c>.</summary>
    public JsonObject Jwks()
    {
        var publicKey = _rsa.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["alg"] = "RS256",
                ["kid"] = KeyId,
                ["n"] = Base64UrlEncoder.Encode(publicKey.Modulus!),
                ["e"] = Base64UrlEncoder.Encode(publicKey.Exponent!),
            }),
        };
    }

    /// <summary>A signed JWT (RS256) with the registered claims set from the arguments plus <paramref name="claims"/>.</summary>
    public string CreateToken(string issuer, string audience, TimeSpan lifetime, IDictionary<string, object> claims)
    {
        var now = DateTime.UtcNow;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = claims,
            SigningCredentials = SigningCredentials,
        });
    }

    /// <summary>
    /// OpenID Connect's c_hash and at_hash: the left half of the SHA-256 of the value's ASCII, base64url encoded.
    /// </summary>
    public static string HalfHash(string value)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(value));
        return Base64UrlEncoder.Encode(hash[..(hash.Length / 2)]);
    }

    public void Dispose() => _rsa.Dispose();
}
