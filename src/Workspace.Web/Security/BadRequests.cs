using Microsoft.AspNetCore.Antiforgery;

namespace Workspace.Web.Security;

/// <summary>Exceptions that are the client's fault (a malformed form, a missing or stale antiforgery token): 400, never 500.</summary>
public static class BadRequests
{
    public static bool IsBadRequest(Exception? exception) =>
        exception is BadHttpRequestException { StatusCode: StatusCodes.Status400BadRequest } or AntiforgeryValidationException
        || exception?.InnerException is AntiforgeryValidationException;

    public static int StatusCodeFor(Exception exception) => exception switch
    {
        BadHttpRequestException badRequest => badRequest.StatusCode,
        _ when IsBadRequest(exception) => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>For POST endpoints without form binding (sign-out), where minimal APIs do not check the token themselves.</summary>
    public static RouteHandlerBuilder RequireAntiforgeryToken(this RouteHandlerBuilder endpoint) =>
        endpoint.AddEndpointFilter(async (invocation, next) =>
        {
            var context = invocation.HttpContext;
            // Throws AntiforgeryValidationException: BadRequestPageHandler answers with the 400 page.
            await context.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(context);
            return await next(invocation);
        });
}
