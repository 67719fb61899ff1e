using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Workspace.IntegrationTests.Infrastructure;

/// <summary>Entra ID configured as in production, with its metadata given up front (no call to login.microsoftonline.com).</summary>
public static class EntraFactory
{
    public const string TenantId = "11111111-2222-3333-4444-555555555555";
    public const string ClientId = "66666666-7777-8888-9999-000000000000";

    public static WebApplicationFactory<Program> WithEntraId(WebApplicationFactory<Program> factory) =>
        factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("AzureAd:Instance", "https://login.microsoftonline.com/");
            builder.UseSetting("AzureAd:TenantId", TenantId);
            builder.UseSetting("AzureAd:ClientId", ClientId);
            builder.UseSetting("AzureAd:ClientSecret", "not-a-real-secret");
            builder.ConfigureTestServices(services =>
                services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
                {
                    var authority = $"https://login.microsoftonline.com/{TenantId}";
                    var configuration = new OpenIdConnectConfiguration
                    {
                        Issuer = $"{authority}/v2.0",
                        AuthorizationEndpoint = $"{authority}/oauth2/v2.0/authorize",
                        TokenEndpoint = $"{authority}/oauth2/v2.0/token",
                        EndSessionEndpoint = $"{authority}/oauth2/v2.0/logout",
                    };
                    options.Configuration = configuration;
                    options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
                }));
        });
}
