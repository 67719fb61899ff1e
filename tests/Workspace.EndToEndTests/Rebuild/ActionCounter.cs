using System.Text;
using Microsoft.Playwright;

namespace Workspace.EndToEndTests.Rebuild;

/// <summary>
/// A thin wrapper over Playwright that counts what a person does with the page: every click, field filled, key pressed
/// and option selected is one UI action. Typing a whole field's text (<see cref="FillAsync"/>, <see cref="TypeAsync"/>)
/// is one action; pressing Tab is one; each arrow press is one; a drag and drop is one (one gesture, like a click). Waiting and checking are not actions and go straight to
/// Playwright. Actions are counted per phase (<see cref="StartPhase"/>).
/// </summary>
public sealed class ActionCounter(IPage page)
{
    private readonly List<(string Phase, string Action)> _log = [];
    private readonly List<string> _phases = [];

    public IPage Page { get; } = page;

    /// <summary>The phase new actions are counted in.</summary>
    public string Phase { get; private set; } = "";

    public int Total => _log.Count;

    /// <summary>Actions per phase, in the order the phases started.</summary>
    public IReadOnlyList<(string Phase, int Actions)> PerPhase =>
        [.. _phases.Select(phase => (phase, _log.Count(entry => entry.Phase == phase)))];

    /// <summary>Every action so far, with its phase, in order.</summary>
    public IReadOnlyList<(string Phase, string Action)> Log => _log;

    public void StartPhase(string phase)
    {
        if (_phases.Contains(phase))
        {
            throw new InvalidOperationException($"Phase '{phase}' was already started; phases are counted once each.");
        }
        _phases.Add(phase);
        Phase = phase;
    }

    public int ActionsIn(string phase) => _log.Count(entry => entry.Phase == phase);

    public async Task ClickAsync(ILocator target, string what)
    {
        Count($"click {what}");
        await target.ClickAsync();
    }

    /// <summary>Drags <paramref name="source"/> and drops it on <paramref name="target"/>: one action.</summary>
    public async Task DragAsync(ILocator source, ILocator target, string what)
    {
        Count($"drag {what}");
        await source.DragToAsync(target);
    }

    /// <summary>Fills a field with its whole text: one action however long the text.</summary>
    public async Task FillAsync(ILocator field, string text, string what)
    {
        Count($"fill {what}");
        await field.FillAsync(text);
    }

    /// <summary>Types a text into whatever has the focus: one action.</summary>
    public async Task TypeAsync(string text, string what)
    {
        Count($"type {what}");
        await Page.Keyboard.TypeAsync(text);
    }

    /// <summary>One key press (Tab, Enter, ArrowUp ...) on whatever has the focus.</summary>
    public async Task PressAsync(string key, string what)
    {
        Count($"press {key} {what}");
        await Page.Keyboard.PressAsync(key);
    }

    /// <summary>Picks an option of a native select: one action.</summary>
    public async Task SelectOptionAsync(ILocator select, string label, string what)
    {
        Count($"select {label} {what}");
        await select.SelectOptionAsync(new SelectOptionValue { Label = label });
    }

    /// <summary>"meeting 9, agenda 40, ... total 120" and every action, for the test output.</summary>
    public string Report()
    {
        var report = new StringBuilder();
        report.AppendLine(string.Join(", ", PerPhase.Select(p => $"{p.Phase} {p.Actions}")) + $", total {Total}");
        foreach (var (phase, action) in _log)
        {
            report.Append("  ").Append(phase).Append(": ").AppendLine(action);
        }
        return report.ToString();
    }

    private void Count(string action)
    {
        if (Phase.Length == 0)
        {
            throw new InvalidOperationException("Start a phase before the first action.");
        }
        _log.Add((Phase, action));
    }
}
