namespace Workspace.Web.Features.Hearings;

public static class HearingExtensions
{
    /// <summary>The hearing services, their mails and deadline reminder (<c>Hearings:Reminders</c>), and the notifier that carries hearing changes to every node.</summary>
    public static WebApplicationBuilder AddHearings(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(builder.Configuration.GetSection("Hearings:Reminders").Get<HearingReminderOptions>() ?? new HearingReminderOptions());
        builder.Services.AddSingleton<HearingMail>();
        builder.Services.AddSingleton<HearingReminders>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HearingReminders>());
        builder.Services.AddSingleton<HearingNotifier>();
        builder.Services.AddSingleton<HearingService>();
        builder.Services.AddSingleton<HearingApprovalService>();
        builder.Services.AddSingleton<HearingAttachmentService>();
        builder.Services.AddSingleton<HearingTexts>();
        return builder;
    }
}
