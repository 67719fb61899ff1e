using System.Reflection;
using Microsoft.Playwright;
using Xunit.v3;

[assembly: Workspace.EndToEndTests.Infrastructure.NoCspViolations]

namespace Workspace.EndToEndTests.Infrastructure;

/// <summary>
/// Records every Content-Security-Policy violation Chromium reports in any context the suite opens (hooked into
/// <see cref="BrowserFixture.NewContextAsync"/>): the page's <c>securitypolicyviolation</c> events, reported through an
/// init script, and Chromium's own console messages ("Refused to load/execute/connect ..."), which also cover
/// violations before the script runs. <see cref="NoCspViolationsAttribute"/> fails every test that caused one.
/// </summary>
public static class CspViolations
{
    private const string Marker = "[csp-violation]";

    /// <summary>Runs before any script of every page and frame of the context.</summary>
    private const string InitScript = $$"""
        document.addEventListener('securitypolicyviolation', e =>
            console.warn('{{Marker}} ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber));
        """;

    private static readonly List<string> _violations = [];
    private static readonly Lock _lock = new();

    public static async Task WatchAsync(IBrowserContext context)
    {
        await context.AddInitScriptAsync(InitScript);
        context.Console += (_, message) =>
        {
            if (IsViolation(message.Text))
            {
                lock (_lock)
                {
                    _violations.Add($"{message.Text} ({message.Location})");
                }
            }
        };
    }

    public static bool IsViolation(string consoleText) =>
        consoleText.StartsWith(Marker, StringComparison.Ordinal)
        || (consoleText.StartsWith("Refused to ", StringComparison.Ordinal) && consoleText.Contains("Content Security Policy", StringComparison.Ordinal));

    /// <summary>The violations since the last call, and forgets them (the test collections run one after another).</summary>
    public static IReadOnlyList<string> Take()
    {
        lock (_lock)
        {
            var taken = _violations.ToList();
            _violations.Clear();
            return taken;
        }
    }
}

/// <summary>Applied to the whole assembly: a test during which a page reported a CSP violation fails.</summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class | AttributeTargets.Method)]
public sealed class NoCspViolationsAttribute : BeforeAfterTestAttribute
{
    public override void Before(MethodInfo methodUnderTest, IXunitTest test) => CspViolations.Take();

    public override void After(MethodInfo methodUnderTest, IXunitTest test)
    {
        var violations = CspViolations.Take();
        if (violations.Count > 0)
        {
            throw new InvalidOperationException("Chromium reported Content-Security-Policy violations:\n" + string.Join("\n", violations));
        }
    }
}
