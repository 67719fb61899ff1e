using System.Security.Claims;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.Attachments;

public static class AttachmentEndpoints
{
    public static IEndpointRouteBuilder MapAttachmentEndpoints(this IEndpointRouteBuilder app)
    {
        // Signed in (the fallback policy), with the same read rights as the item; anything else is not found.
        app.MapGet("/attachments/{attachmentId:guid}", async (Guid attachmentId, ClaimsPrincipal principal, HttpContext context, AttachmentService attachments, CancellationToken ct) =>
        {
            AttachmentDownload download;
            try
            {
                download = await attachments.OpenAsync(WorkspaceUser.From(principal), attachmentId, ct);
            }
            catch (NotFoundException)
            {
                return Results.NotFound();
            }
            // Always a download, never rendered in the app's origin; the browser must not guess another type.
            context.Response.Headers.XContentTypeOptions = "nosniff";
            // Closed items hold personal data: no shared or lasting caches.
            context.Response.Headers.CacheControl = "private, no-store";
            // Results.Stream closes the stream when done and writes Content-Disposition: attachment with filename and RFC 5987 filename* (æ, ø, å).
            return Results.Stream(download.Content, download.ContentType, download.FileName);
        });
        return app;
    }
}
