using AngleSharp.Dom;

namespace Workspace.ComponentTests.Infrastructure;

/// <summary>
/// Reads a PeopleList row part by part ("1. Carsten Lykke (Foreningen Gadens Stemme)"): the parts are separate
/// elements spaced by CSS, so the row's raw text content runs them together.
/// </summary>
public static class PeopleRows
{
    public static List<string> Of(IElement list) => list.QuerySelectorAll("li").Select(Row).ToList();

    public static string Row(IElement row) =>
        string.Join(' ', new[] { ".order", ".person-name", ".person-org", ".mud-chip" }
            .Select(selector => row.QuerySelector(selector)?.TextContent.Trim())
            .Where(text => !string.IsNullOrEmpty(text)));
}
