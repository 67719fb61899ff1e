using System.Text.Json;
using Microsoft.Playwright;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests.CoEditing;

/// <summary>
/// textarea-binding.js with real keyboard input in Chromium. Two textareas and a headless "robot" client share a
/// text through a page-local server with random delays (binding-harness.js), so remote edits arrive while one types.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TextareaBindingTests(BrowserFixture browser)
{
    private sealed record State(string Server, string A, string B, int ACaret, int BCaret, double AScroll, int LongestInsert);

    private static async Task SetUpAsync(IPage page, string text)
    {
        await page.EvaluateAsync("""
            async (text) => {
              const { createHarness } = await import('/tests/binding-harness.js');
              window.h = createHarness(text);
              window.a = h.bind('#a');
              window.b = h.bind('#b');
              window.robot = h.robot();
            }
            """, text);
    }

    private static async Task<State> SettledStateAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>("""
            async () => {
              const settled = await h.settled();
              if (!settled) throw new Error('The clients did not settle.');
              const a = document.querySelector('#a');
              const b = document.querySelector('#b');
              return JSON.stringify({
                server: h.server.text, a: a.value, b: b.value, aCaret: a.selectionStart, bCaret: b.selectionStart,
                aScroll: a.scrollTop, longestInsert: Math.max(0, ...h.server.submissions.map((s) => s.inserted)),
              });
            }
            """);
        return JsonSerializer.Deserialize<State>(json, JsonSerializerOptions.Web)!;
    }

    [Fact]
    public async Task Typing_while_others_insert_before_the_caret_keeps_every_keystroke_and_the_caret()
    {
        // Arrange
        await using var coedit = await CoEditPage.OpenAsync(browser);
        var page = coedit.Page;
        await SetUpAsync(page, "Mødet starter kl. 16.\nDagsorden:\n\nEventuelt.");
        await page.EvaluateAsync("() => { const b = document.querySelector('#b'); const i = b.value.indexOf('Dagsorden'); b.setSelectionRange(i, i); }");
        await page.FocusAsync("#a");
        await page.EvaluateAsync("() => { const a = document.querySelector('#a'); const i = a.value.indexOf('\\nEventuelt'); a.setSelectionRange(i, i); }");

        // Act: the robot inserts 30 numbered marks at the start while Iben types in the middle.
        await page.EvaluateAsync("""
            () => {
              let n = 0;
              window.robotDone = new Promise((resolve) => {
                const timer = setInterval(() => {
                  robot.submit([String.fromCharCode(0x2460 + n)]);
                  if (++n === 30) { clearInterval(timer); resolve(); }
                }, 25);
              });
            }
            """);
        await page.Keyboard.TypeAsync("Punkt 1: Godkendelse af referat æøå", new() { Delay = 15 });
        await page.EvaluateAsync("() => robotDone");
        var state = await SettledStateAsync(page);

        // Assert
        Assert.Equal(state.Server, state.A);
        Assert.Equal(state.Server, state.B);
        const string Typed = "Mødet starter kl. 16.\nDagsorden:\nPunkt 1: Godkendelse af referat æøå";
        Assert.EndsWith(Typed + "\nEventuelt.", state.Server, StringComparison.Ordinal);
        Assert.Equal(30, state.Server.Count(c => c is >= '\u2460' and < '\u247e'));
        Assert.Equal(state.Server.IndexOf(Typed, StringComparison.Ordinal) + Typed.Length, state.ACaret);
        Assert.Equal(state.Server.IndexOf("Dagsorden", StringComparison.Ordinal), state.BCaret);
        coedit.Errors.AssertNone();
    }

    [Fact]
    public async Task A_paste_of_a_hundred_kilobytes_goes_to_the_server_as_one_operation()
    {
        // Arrange
        await using var coedit = await CoEditPage.OpenAsync(browser);
        var page = coedit.Page;
        await SetUpAsync(page, "Bilag:\n\nSlut.");
        await page.FocusAsync("#a");
        await page.EvaluateAsync("() => document.querySelector('#a').setSelectionRange(7, 7)");
        var paste = string.Concat(Enumerable.Repeat("Kvalitetsstandard for bostøtte § 85 – æøå 👍\n", 2400));

        // Act
        await page.Keyboard.InsertTextAsync(paste);
        var state = await SettledStateAsync(page);

        // Assert
        Assert.True(paste.Length > 100_000);
        Assert.Equal("Bilag:\n" + paste + "\nSlut.", state.Server);
        Assert.Equal(state.Server, state.B);
        Assert.Equal(paste.Length, state.LongestInsert);
        Assert.Equal(7 + paste.Length, state.ACaret);
        coedit.Errors.AssertNone();
    }

    [Fact]
    public async Task Others_edits_wait_while_an_input_method_composes_and_both_survive()
    {
        // Arrange
        await using var coedit = await CoEditPage.OpenAsync(browser);
        var page = coedit.Page;
        await SetUpAsync(page, "Vi har ");
        await page.FocusAsync("#a");
        await page.Keyboard.PressAsync("Control+End");
        var cdp = await page.Context.NewCDPSessionAsync(page);

        // Act
        await cdp.SendAsync("Input.imeSetComposition", new Dictionary<string, object> { ["text"] = "kø", ["selectionStart"] = 2, ["selectionEnd"] = 2 });
        await page.EvaluateAsync("async () => { robot.submit(['Referat: ']); await new Promise((r) => setTimeout(r, 300)); }");
        var whileComposing = await page.EvalOnSelectorAsync<string>("#a", "a => a.value");
        await cdp.SendAsync("Input.insertText", new Dictionary<string, object> { ["text"] = "købt" });
        var state = await SettledStateAsync(page);

        // Assert
        Assert.Equal("Vi har kø", whileComposing);
        Assert.Equal("Referat: Vi har købt", state.Server);
        Assert.Equal(state.Server, state.A);
        Assert.Equal(state.Server.Length, state.ACaret);
        coedit.Errors.AssertNone();
    }

    [Fact]
    public async Task Undo_and_redo_in_the_textarea_are_edits_like_any_other()
    {
        // Arrange
        await using var coedit = await CoEditPage.OpenAsync(browser);
        var page = coedit.Page;
        await SetUpAsync(page, "Referat");
        await page.FocusAsync("#a");
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync(" godkendt");
        var typed = await SettledStateAsync(page);

        // Act
        await page.Keyboard.PressAsync("Control+Z");
        var undone = await SettledStateAsync(page);
        await page.Keyboard.PressAsync("Control+Shift+Z");
        var redone = await SettledStateAsync(page);

        // Assert
        Assert.Equal("Referat godkendt", typed.Server);
        Assert.True(undone.Server.Length < typed.Server.Length && typed.Server.StartsWith(undone.Server, StringComparison.Ordinal), undone.Server);
        Assert.Equal(undone.Server, undone.B);
        Assert.Equal("Referat godkendt", redone.Server);
        Assert.Equal(redone.Server, redone.B);
        coedit.Errors.AssertNone();
    }

    [Fact]
    public async Task A_remote_edit_keeps_the_scroll_position_and_the_selection()
    {
        // Arrange
        await using var coedit = await CoEditPage.OpenAsync(browser);
        var page = coedit.Page;
        var lines = string.Concat(Enumerable.Range(1, 200).Select(i => $"Linje {i}\n"));
        await SetUpAsync(page, lines);
        await page.EvaluateAsync("""
            () => {
              const a = document.querySelector('#a');
              a.focus();
              const start = a.value.indexOf('Linje 100');
              a.setSelectionRange(start, start + 'Linje 100'.length);
              a.scrollTop = 1500;
            }
            """);
        var scrollBefore = await page.EvalOnSelectorAsync<double>("#a", "a => a.scrollTop");

        // Act: someone appends at the end and edits line 150, both after the selection.
        await page.EvaluateAsync("() => { robot.submit([robot.text.length, 'Linje 201\\n']); robot.submit([robot.text.indexOf('Linje 150'), 'Ny ']); }");
        var state = await SettledStateAsync(page);
        var selected = await page.EvalOnSelectorAsync<string>("#a", "a => a.value.slice(a.selectionStart, a.selectionEnd)");

        // Assert
        Assert.True(scrollBefore > 0);
        Assert.Equal(scrollBefore, state.AScroll);
        Assert.Equal("Linje 100", selected);
        Assert.EndsWith("Linje 201\n", state.A, StringComparison.Ordinal);
        Assert.Contains("Ny Linje 150\n", state.A, StringComparison.Ordinal);
        coedit.Errors.AssertNone();
    }
}
