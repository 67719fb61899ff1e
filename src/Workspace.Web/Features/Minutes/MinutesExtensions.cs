namespace Workspace.Web.Features.Minutes;

public static class MinutesExtensions
{
    public static WebApplicationBuilder AddMinutes(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<MinutesGenerator>();
        builder.Services.AddSingleton<MinutesService>();
        builder.Services.AddSingleton<MinutesWordExport>();
        builder.Services.AddSingleton<PublicMinutesService>();
        return builder;
    }
}
