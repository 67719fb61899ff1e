using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;
using Workspace.Web.Features.Access;
using Workspace.Web.Resources;

namespace Workspace.Web.Extensions;

/// <summary>Turns the feature services' exceptions into problem responses for the JSON API, and bad requests into 400.</summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> localizer) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        // Pages get the error page (Error.razor, 400 for bad requests); only machine clients get problem responses.
        if (!context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/hubs"))
        {
            return false;
        }
        // A malformed request (bad body, missing antiforgery token) is the client's fault, not a server error.
        if (Security.BadRequests.IsBadRequest(exception))
        {
            var badRequest = Security.BadRequests.StatusCodeFor(exception);
            context.Response.StatusCode = badRequest;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = badRequest, Title = localizer["Error.BadRequest"] },
                Exception = exception,
            });
        }
        (int status, string titleKey) = exception switch
        {
            NotFoundException => (StatusCodes.Status404NotFound, "Error.NotFound"),
            AccessDeniedException => (StatusCodes.Status403Forbidden, "Error.AccessDenied"),
            ConcurrencyConflictException => (StatusCodes.Status409Conflict, "Error.Conflict"),
            InputValidationException => (StatusCodes.Status400BadRequest, "Error.Validation"),
            _ => (0, ""),
        };
        if (status == 0)
        {
            return false;
        }
        context.Response.StatusCode = status;
        var problem = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = localizer[titleKey] };
        if (exception is InputValidationException invalid)
        {
            problem.Extensions["errors"] = invalid.Errors
                .GroupBy(e => e.Field)
                .ToDictionary(g => g.Key, g => g.Select(e => localizer[e.MessageKey].Value).ToArray());
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }
}
