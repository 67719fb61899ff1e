using Workspace.Web.Collaboration;
using Workspace.Web.Components;
using Workspace.Web.Extensions;
using Workspace.Web.Features.Account;
using Workspace.Web.Features.Attachments;
using Workspace.Web.Features.Calendar;
using Workspace.Web.Features.Meetings;

var builder = WebApplication.CreateBuilder(args);

builder.AddWorkspaceData();
builder.AddWorkspaceAuth();
builder.AddWorkspaceLocalization();
builder.AddWorkspaceRealtime();
builder.AddWorkspaceFeatures();
builder.AddWorkspaceUi();

var app = builder.Build();

await app.PrepareDatabaseAsync();

// Localization first, so that error pages and API problem texts use the reader's language.
app.UseWorkspaceLocalization();
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
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapAccountEndpoints();
app.MapWorkspaceApi();
app.MapCalendarEndpoints();
app.MapHub<Workspace.Web.Hubs.MeetingHub>("/hubs/meeting");
app.MapDevelopmentDiagnostics(app.Environment);
app.MapAttachmentEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();

/// <summary>Entry point; public so that WebApplicationFactory&lt;Program&gt; can host the app in tests.</summary>
public partial class Program;
