using Microsoft.AspNetCore.SignalR;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Hubs;

/// <summary>
/// Turns the services' refusals into hub errors the client can read ("not-found", "forbidden", "invalid", "conflict");
/// anything else stays a generic error, so no internals leak.
/// </summary>
public sealed class HubErrorFilter : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(invocationContext);
        }
        catch (NotFoundException)
        {
            throw new HubException("not-found");
        }
        catch (AccessDeniedException)
        {
            throw new HubException("forbidden");
        }
        catch (InputValidationException ex)
        {
            throw new HubException("invalid: " + string.Join(", ", ex.Errors.Select(e => $"{e.Field}={e.MessageKey}")));
        }
        catch (Collaboration.CoEditing.InvalidTextOperationException ex)
        {
            throw new HubException("invalid-operation: " + ex.Error);
        }
        catch (ConcurrencyConflictException)
        {
            throw new HubException("conflict");
        }
    }
}
