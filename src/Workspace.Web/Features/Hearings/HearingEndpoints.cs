using System.Security.Claims;
using Microsoft.Extensions.Localization;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Attachments;
using Workspace.Web.Resources;

namespace Workspace.Web.Features.Hearings;

public static class HearingEndpoints
{
    public static IEndpointRouteBuilder MapHearingEndpoints(this IEndpointRouteBuilder app)
    {
        // Signed in (the fallback policy), with the hearing page's own rights: whoever reads the hearing gets its response.
        app.MapGet("/hearings/{hearingId:guid}/response.docx", async (Guid hearingId, bool? members, ClaimsPrincipal principal, HttpContext context,
            HearingService hearings, IStringLocalizer<SharedResource> L, TimeProvider clock, CancellationToken ct) =>
        {
            HearingDetails hearing;
            try
            {
                hearing = await hearings.GetAsync(WorkspaceUser.From(principal), hearingId, ct);
            }
            catch (NotFoundException)
            {
                return Results.NotFound();
            }
            context.Response.Headers.CacheControl = "private, no-store";
            var date = hearing.SentOn ?? HearingDates.Today(clock);
            var file = HearingExport.Document(hearing, hearing.Approvers, members ?? true, date, L);
            var name = string.Concat($"{L["Hearings.Export.FileName"].Value} {hearing.Title}".Split(Path.GetInvalidFileNameChars()));
            return Results.File(file, HearingExport.ContentType, name.Length > 120 ? name[..120] + ".docx" : name + ".docx");
        });
        // Signed in, with the hearing's read rights; anything else is not found. Always a download (decision 005).
        app.MapGet("/hearings/attachments/{attachmentId:guid}", async (Guid attachmentId, ClaimsPrincipal principal, HttpContext context,
            HearingAttachmentService attachments, CancellationToken ct) =>
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
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.Stream(download.Content, download.ContentType, download.FileName);
        });
        return app;
    }
}
