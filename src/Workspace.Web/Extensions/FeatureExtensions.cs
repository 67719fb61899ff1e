using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.SignalR;
using MudBlazor.Services;
using StackExchange.Redis;
using Workspace.Web.Collaboration;
using Workspace.Web.Collaboration.Presence;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Account;
using Workspace.Web.Features.Attachments;
using Workspace.Web.Features.Attendance;
using Workspace.Web.Features.Councils;
using Workspace.Web.Features.FollowUps;
using Workspace.Web.Features.Meetings;
using Workspace.Web.Features.Members;
using Workspace.Web.Features.Planning;
using Workspace.Web.Features.Remarks;

namespace Workspace.Web.Extensions;

public static class FeatureExtensions
{
    public static WebApplicationBuilder AddWorkspaceFeatures(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DevelopmentSignIn>();
        builder.Services.AddSingleton<CouncilService>();
        builder.Services.AddSingleton<MeetingService>();
        builder.Services.AddSingleton<LiveItemReads>();
        builder.Services.AddSingleton<Features.Agenda.AgendaService>();
        builder.Services.AddSingleton<RemarkService>();
        builder.Services.AddSingleton<AttendanceService>();
        builder.Services.AddSingleton<AgendaTemplateService>();
        builder.Services.AddSingleton<AnnualPlanService>();
        builder.Services.AddSingleton<Features.Calendar.CalendarService>();
        builder.Services.AddSingleton<MembershipService>();
        builder.Services.AddSingleton<Features.Running.MeetingRunService>();
        builder.Services.AddSingleton<Features.Votes.PollService>();
        builder.Services.AddSingleton<Features.Running.ArrivalService>();
        builder.Services.AddSingleton<Features.Running.LiveRunReads>();
        builder.Services.AddSingleton<Features.RoomScreen.DisplayLinkService>();
        builder.Services.AddSingleton<Features.RoomScreen.RoomScreenService>();
        builder.Services.AddSingleton<Features.Speakers.SpeakerListService>();
        builder.AddFollowUps();
        Features.Hearings.HearingExtensions.AddHearings(builder);
        Features.Minutes.MinutesExtensions.AddMinutes(builder);
        builder.AddWorkspaceEmail();
        builder.AddWorkspaceFileStore();
        builder.Services.AddSingleton<AttachmentService>();
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddSingleton<StaticHtml>();
        builder.Services.AddSingleton<AgendaCardHtml>();
        builder.Services.AddSingleton<MeetingPageHtml>();
        builder.Services.AddSingleton<AttendanceHtml>();
        builder.Services.AddSingleton<CopenhagenTime>();
        builder.Services.AddTransient<FormErrors>();
        builder.Services.AddTransient<Seeding.DemoData>();
        builder.Services.AddCoEditing(builder.Configuration);
        return builder;
    }

    /// <summary>Email through SMTP when <c>Email:Smtp:Host</c> is set, else .eml files in <c>Email:PickupDirectory</c>.</summary>
    private static void AddWorkspaceEmail(this WebApplicationBuilder builder)
    {
        var options = EmailOptions.From(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(options);
        if (options.UsesSmtp)
        {
            builder.Services.AddSingleton<IEmailSender, SmtpEmailSender>();
        }
        else
        {
            builder.Services.AddSingleton<IEmailSender, PickupFolderEmailSender>();
        }
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

    /// <summary>
    /// Meeting events and presence. With <c>Redis:ConnectionString</c> set, several nodes share them through Redis
    /// publish/subscribe and share the Data Protection keys (so a cookie from one node is read by another); without it,
    /// one node works alone.
    /// </summary>
    public static WebApplicationBuilder AddWorkspaceRealtime(this WebApplicationBuilder builder)
    {
        var redis = builder.Configuration["Redis:ConnectionString"];
        if (!string.IsNullOrWhiteSpace(redis))
        {
            var options = ConfigurationOptions.Parse(redis);
            // Start and keep serving while Redis is down; StackExchange.Redis reconnects in the background.
            options.AbortOnConnectFail = false;
            options.ClientName ??= "radsrum";
            var connection = ConnectionMultiplexer.Connect(options);
            builder.Services.AddSingleton<IConnectionMultiplexer>(connection);
            builder.Services.AddSingleton<IClusterBus, RedisClusterBus>();
            builder.Services.AddDataProtection()
                .SetApplicationName("Radsrum")
                .PersistKeysToStackExchangeRedis(connection, "radsrum:data-protection-keys");
        }
        else
        {
            builder.Services.AddSingleton<IClusterBus, SingleNodeBus>();
        }
        builder.Services.AddSingleton<IMeetingNotifier, MeetingNotifier>();
        builder.Services.AddSingleton<LiveAccess>();
        builder.Services.AddSingleton<MeetingFeed>();
        builder.Services.AddSingleton<OpenTexts>();
        builder.Services.AddSingleton<PresenceService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PresenceService>());
        builder.Services.AddSignalR(options => options.AddFilter(new Hubs.HubErrorFilter()))
            // A large paste is one operation; this hub takes up to 2 MB, Blazor's own circuit keeps its 32 KB limit.
            .AddHubOptions<Hubs.MeetingHub>(options => options.MaximumReceiveMessageSize = 2 * 1024 * 1024);
        builder.Services.AddSingleton<ITextCommitListener, TextBroadcast>();
        builder.Services.AddSingleton<ItemTexts>();
        builder.Services.AddSingleton<Features.TextHistory.TextHistoryService>();
        builder.Services.AddSingleton<ItemFieldSync>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ItemFieldSync>());
        builder.Services.AddSingleton<Hubs.HubMeetingSubscriptions>();
        builder.Services.AddScoped<CircuitPresence>();
        builder.Services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<CircuitPresence>());
        builder.Services.AddScoped<CircuitHandler, CircuitCounter>();
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
