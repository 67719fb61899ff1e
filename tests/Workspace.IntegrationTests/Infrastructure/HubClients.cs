using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Workspace.IntegrationTests.Infrastructure;

/// <summary>A SignalR client of /hubs/meeting on the test server, signed in through the development sign-in (its cookie).</summary>
public static class HubClients
{
    public static async Task<HubConnection> ConnectAsync(WorkspaceFactory factory, string? personName)
    {
        var cookies = new CookieContainer();
        if (personName is not null)
        {
            using var client = new HttpClient(new CookieHandler(cookies, factory.Server.CreateHandler())) { BaseAddress = factory.Server.BaseAddress };
            var response = await client.SubmitSignInAsync(personName, returnUrl: "/");
            if (response.StatusCode != HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Signing in as {personName} answered {(int)response.StatusCode}.");
            }
        }
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "/hubs/meeting"), options =>
            {
                // The test server has no sockets: long polling over its in-memory handler, with the sign-in cookie.
                options.Transports = HttpTransportType.LongPolling;
                options.HttpMessageHandlerFactory = _ => new CookieHandler(cookies, factory.Server.CreateHandler());
            })
            .Build();
        await connection.StartAsync(TestCancellation.Ct);
        return connection;
    }

    /// <summary>Keeps cookies for a handler chain that has no cookie support of its own.</summary>
    private sealed class CookieHandler(CookieContainer cookies, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var header = cookies.GetCookieHeader(request.RequestUri!);
            if (!string.IsNullOrEmpty(header))
            {
                request.Headers.Remove("Cookie");
                request.Headers.Add("Cookie", header);
            }
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var setCookie in setCookies)
                {
                    cookies.SetCookies(request.RequestUri!, setCookie);
                }
            }
            return response;
        }
    }
}
