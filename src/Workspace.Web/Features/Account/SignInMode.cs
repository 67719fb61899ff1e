namespace Workspace.Web.Features.Account;

/// <summary>How people sign in: Entra ID, or (Development only, without Entra ID) by picking a demo person.</summary>
public sealed record SignInMode(bool UsesEntraId, bool OffersDevelopmentSignIn)
{
    public static SignInMode From(IConfiguration configuration, IHostEnvironment environment)
    {
        var entraConfigured = !string.IsNullOrWhiteSpace(configuration["AzureAd:ClientId"]);
        if (entraConfigured)
        {
            return new SignInMode(UsesEntraId: true, OffersDevelopmentSignIn: false);
        }
        if (environment.IsDevelopment())
        {
            return new SignInMode(UsesEntraId: false, OffersDevelopmentSignIn: true);
        }
        throw new InvalidOperationException(
            $"Rådsrum cannot start in the {environment.EnvironmentName} environment without Entra ID. " +
            "Configure AzureAd:TenantId, AzureAd:ClientId and AzureAd:ClientSecret (for example as environment variables " +
            "AzureAd__TenantId, AzureAd__ClientId, AzureAd__ClientSecret); see README.md, 'Entra ID'. " +
            "Development sign-in is only offered in the Development environment.");
    }
}
