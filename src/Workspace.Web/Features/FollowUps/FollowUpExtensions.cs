namespace Workspace.Web.Features.FollowUps;

public static class FollowUpExtensions
{
    /// <summary>The follow-up service, its mails, the reminder timer (<c>FollowUps:Reminders</c>) and each circuit's board.</summary>
    public static WebApplicationBuilder AddFollowUps(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection("FollowUps:Reminders").Get<FollowUpReminderOptions>() ?? new FollowUpReminderOptions());
        builder.Services.AddSingleton<FollowUpMail>();
        builder.Services.AddSingleton<FollowUpService>();
        builder.Services.AddSingleton<FollowUpFactsHtml>();
        builder.Services.AddSingleton<FollowUpReminders>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FollowUpReminders>());
        builder.Services.AddScoped<FollowUpBoard>();
        return builder;
    }
}
