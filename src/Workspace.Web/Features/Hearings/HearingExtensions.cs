namespace Workspace.Web.Features.Hearings;

public static class HearingExtensions
{
    /// <summary>The hearing service and the notifier that carries hearing changes to every node.</summary>
    public static WebApplicationBuilder AddHearings(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<HearingNotifier>();
        builder.Services.AddSingleton<HearingService>();
        return builder;
    }
}
