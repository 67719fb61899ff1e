using MudBlazor.Services;
using Workspace.Web.Collaboration;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Account;
using Workspace.Web.Features.Attachments;
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
        builder.AddWorkspaceFileStore();
        builder.Services.AddSingleton<AttachmentService>();
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddSingleton<CopenhagenTime>();
        builder.Services.AddTransient<FormErrors>();
        builder.Services.AddTransient<Seeding.DemoData>();
        return builder;
    }

    /// <summary>Attachments in a local folder (<c>Storage:LocalPath</c>, default App_Data/files under the content root).</summary>
    public static WebApplicationBuilder AddWorkspaceFileStore(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Storage").Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.AddSingleton(options);
        var folder = Path.Combine(builder.Environment.ContentRootPath, options.LocalPath);
        builder.Services.AddSingleton<IFileStore>(new LocalFolderFileStore(folder));
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
