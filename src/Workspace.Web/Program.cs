using Workspace.Web.Collaboration;
using Workspace.Web.Components;
using Workspace.Web.Extensions;
using Workspace.Web.Features.Account;
using Workspace.Web.Features.Attachments;
using Workspace.Web.Features.Calendar;
using Workspace.Web.Features.FollowUps;
using Workspace.Web.Features.Hearings;
using Workspace.Web.Features.Meetings;
using Workspace.Web.Features.RoomScreen;
using Workspace.Web.Features.Running;
using Workspace.Web.Features.TextHistory;

var builder = WebApplication.CreateBuilder(args);

builder.AddWorkspaceData();
builder.AddWorkspaceAuth();
builder.AddWorkspaceSecurity();
builder.AddWorkspaceLocalization();
builder.AddWorkspaceRealtime();
builder.AddWorkspaceFeatures();
builder.AddWorkspaceUi();

var app = builder.Build();

await app.PrepareDatabaseAsync();

// Security headers on every response and the hubs' origin check before anything else can answer.
app.UseWorkspaceSecurity();
// Localization next, so that error pages and API problem texts use the reader's language.
app.UseWorkspaceLocalization();
// Bad requests (a missing antiforgery token, a malformed form) answer 400 with a page in Danish in every environment
// (BadRequestPageHandler), the API's errors are problem responses (ApiExceptionHandler).
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
    app.UseHsts();
}
else
{
    app.UseExceptionHandler();
}

app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
app.UseAuthentication();
// A room display's own cookie, where no person is signed in (Features/RoomScreen/DisplayPrincipal.cs).
app.UseDisplaySignIn();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapAccountEndpoints();
app.MapWorkspaceApi();
app.MapTextHistoryEndpoints();
app.MapCalendarEndpoints();
app.MapHub<Workspace.Web.Hubs.MeetingHub>("/hubs/meeting");
app.MapDevelopmentDiagnostics(app.Environment);
app.MapAttachmentEndpoints();
app.MapFollowUpEndpoints();
app.MapRoomScreenEndpoints();
app.MapMeetingRunApi();
app.MapHearingEndpoints();
Workspace.Web.Features.Minutes.MinutesEndpoints.MapMinutesEndpoints(app);
app.MapRazorComponents<App>()
    // SecurityHeaders sends the whole Content-Security-Policy, frame-ancestors included.
    .AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);

app.Run();

/// <summary>Entry point; public so that WebApplicationFactory&lt;Program&gt; can host the app in tests.</summary>
public partial class Program;
