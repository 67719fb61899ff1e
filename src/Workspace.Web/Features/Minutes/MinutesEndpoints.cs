using System.Security.Claims;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.Minutes;

public static class MinutesEndpoints
{
    private const string WordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static IEndpointRouteBuilder MapMinutesEndpoints(this IEndpointRouteBuilder app)
    {
        // Signed in, with the minutes page's rights; the annex of closed items only for those who see closed items.
        app.MapGet("/meetings/{meetingId:guid}/minutes.docx", async (Guid meetingId, int? version, ClaimsPrincipal principal, MinutesService minutes,
            MinutesWordExport export, CancellationToken ct) =>
        {
            try
            {
                var view = await minutes.GetAsync(WorkspaceUser.From(principal), meetingId, version, ct);
                return Results.File(export.Write(view.Document, withClosedAnnex: view.Rights.CanSeeClosedItems), WordType, "referat.docx");
            }
            catch (Exception ex) when (ex is NotFoundException or MinutesNotReadyException)
            {
                return Results.NotFound();
            }
        });

        var open = app.MapGroup("/public").AllowAnonymous();
        open.MapGet("/councils/{councilId:guid}/feed.atom", async (Guid councilId, HttpContext http, PublicMinutesService published, CancellationToken ct) =>
            await published.FeedAsync(councilId, $"{http.Request.Scheme}://{http.Request.Host}", ct) is { } feed
                ? Results.Text(feed, "application/atom+xml; charset=utf-8")
                : Results.NotFound());
        open.MapGet("/councils/{councilId:guid}/calendar.ics", async (Guid councilId, PublicMinutesService published, CancellationToken ct) =>
            await published.CalendarAsync(councilId, ct) is { } ics
                ? Results.Text(ics, "text/calendar; charset=utf-8")
                : Results.NotFound());
        return app;
    }
}
