namespace Workspace.Web.Collaboration.CoEditing;

public static class CoEditingExtensions
{
    /// <summary>The co-edited texts' sequencer with its limits from the <c>CoEditing</c> configuration section.</summary>
    public static IServiceCollection AddCoEditing(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(CoEditingOptions.Section).Get<CoEditingOptions>() ?? new CoEditingOptions();
        services.AddSingleton(options);
        services.AddSingleton<TextDocumentService>();
        return services;
    }
}
