using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Workspace.Web.Extensions;

public static class LocalizationExtensions
{
    /// <summary>Danish first (the default), English second.</summary>
    public static readonly string[] SupportedCultures = ["da-DK", "en"];

    public static WebApplicationBuilder AddWorkspaceLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(SupportedCultures[0])
                .AddSupportedCultures(SupportedCultures)
                .AddSupportedUICultures(SupportedCultures);
            // The choice a person made (cookie) wins; the browser's language is not asked: councils work in Danish.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return builder;
    }

    public static WebApplication UseWorkspaceLocalization(this WebApplication app)
    {
        app.UseRequestLocalization();
        return app;
    }

    public static bool IsDanish(this CultureInfo culture) => culture.TwoLetterISOLanguageName == "da";
}
