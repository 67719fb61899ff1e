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
        // A hearing made from an agenda item: to the item's council's hearings, with the form open and the item chosen.
        // Only the council's administration gets there; for anyone else the item is not found.
        app.MapGet("/hearings/from-item/{itemId:guid}", async (Guid itemId, ClaimsPrincipal principal, HearingService hearings, CancellationToken ct) =>
        {
            try
            {
                var councilId = await hearings.CouncilOfManagedItemAsync(WorkspaceUser.From(principal), itemId, ct);
                return Results.Redirect($"/councils/{councilId}/hearings?item={itemId}");
            }
            catch (Exception ex) when (ex is NotFoundException or AccessDeniedException)
            {
                return Results.NotFound();
            }
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
