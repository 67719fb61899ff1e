using MudBlazor.Services;
using Workspace.Web.Collaboration;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Account;
using Workspace.Web.Features.Attendance;
using Workspace.Web.Features.Councils;
using Workspace.Web.Features.Meetings;
using Workspace.Web.Features.Remarks;

namespace Workspace.Web.Extensions;

public static class FeatureExtensions
{
    public static WebApplicationBuilder AddWorkspaceFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DevelopmentSignIn>();
        builder.Services.AddSingleton<CouncilService>();
        builder.Services.AddSingleton<MeetingService>();
        builder.Services.AddSingleton<RemarkService>();
        builder.Services.AddSingleton<AttendanceService>();
        builder.Services.AddSingleton<Features.Calendar.CalendarService>();
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddSingleton<CopenhagenTime>();
        builder.Services.AddTransient<FormErrors>();
        builder.Services.AddTransient<Seeding.DemoData>();
        builder.Services.AddCoEditing(builder.Configuration);
        return builder;
    }

    /// <summary>In-process meeting events; Redis comes when several nodes are configured.</summary>
    public static WebApplicationBuilder AddWorkspaceRealtime(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IMeetingNotifier, InProcessMeetingNotifier>();
        return builder;
    }

    public static WebApplicationBuilder AddWorkspaceUi(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        return builder;
    }
}
