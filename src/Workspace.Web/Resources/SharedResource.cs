[assembly: System.Resources.NeutralResourcesLanguage("da")]

namespace Workspace.Web.Resources;

/// <summary>
/// Marker for the app's texts: SharedResource.resx holds Danish (the default), SharedResource.en.resx English.
/// Inject <c>IStringLocalizer&lt;SharedResource&gt;</c>.
/// </summary>
public sealed class SharedResource;
