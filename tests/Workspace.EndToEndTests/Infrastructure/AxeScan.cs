using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Workspace.EndToEndTests.Infrastructure;

/// <summary>axe-core's WCAG 2.1 A/AA scan of a page as it is now, with a readable report of what it found.</summary>
public static class AxeScan
{
    private static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    private const string FadedIn = """
        () => [...document.querySelectorAll('.mud-dialog, .mud-snackbar, .mud-popover-open')].every(element => {
          for (let node = element; node; node = node.parentElement) {
            if (getComputedStyle(node).opacity !== '1') return false;
          }
          return true;
        })
        """;

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        // Dialogs, snackbars and popovers fade in; axe measures contrast on what it sees, so wait until they (and what
        // holds them) are fully there.
        await page.WaitForFunctionAsync(FadedIn);
        var result = await page.RunAxe(Wcag21AA);
        var report = string.Join("\n", result.Violations.Select(violation =>
            $"- {violation.Id} ({violation.Impact}): {violation.Help} {violation.HelpUrl}\n" + string.Join("\n",
                violation.Nodes.Select(node => $"    {node.Target}: {node.Html}"))));
        Assert.True(result.Violations.Length == 0, $"axe found {result.Violations.Length} violation(s) on {page.Url}:\n{report}");
    }
}
