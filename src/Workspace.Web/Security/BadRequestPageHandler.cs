using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Workspace.Web.Features.Account;

namespace Workspace.Web.Security;

/// <summary>
/// Bad requests to pages and endpoints (not the JSON API, which gets problem responses) answer 400 with a page in the
/// reader's language. Written directly rather than by re-executing /error: a re-executed POST would reach the Razor
/// components endpoint as a form post and fail its antiforgery check a second time.
/// </summary>
public sealed class BadRequestPageHandler : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!BadRequests.IsBadRequest(exception) || context.Response.HasStarted
            || context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hubs"))
        {
            return false;
        }
        context.Response.Clear();
        await new RazorComponentResult<BadRequestPage> { StatusCode = StatusCodes.Status400BadRequest }.ExecuteAsync(context);
        return true;
    }
}
