using System.Security.Claims;
using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.Calendar;

public static class CalendarEndpoints
{
    private const string ContentType = "text/calendar; charset=utf-8";

    public static IEndpointRouteBuilder MapCalendarEndpoints(this IEndpointRouteBuilder app)
    {
        // Signed in: the same rights as the meeting page (NotFoundException becomes the not-found page).
        app.MapGet("/meetings/{meetingId:guid}/calendar.ics", async (Guid meetingId, ClaimsPrincipal principal, CalendarService calendar, CancellationToken ct) =>
        {
            try
            {
                var ics = await calendar.MeetingAsync(WorkspaceUser.From(principal), meetingId, ct);
                return Results.File(System.Text.Encoding.UTF8.GetBytes(ics), ContentType, "moede.ics");
            }
            catch (NotFoundException)
            {
                return Results.NotFound();
            }
        });

        // Calendar apps cannot sign in: the long random token in the address is the key.
        app.MapGet("/calendar/{token}.ics", async (string token, CalendarService calendar, CancellationToken ct) =>
            await calendar.FeedAsync(token, ct) is { } ics
                ? Results.Text(ics, ContentType)
                : Results.NotFound())
            .AllowAnonymous();
        return app;
    }
}
