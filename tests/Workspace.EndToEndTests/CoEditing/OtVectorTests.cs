using System.Text.Json;
using System.Text.Json.Nodes;
using Workspace.EndToEndTests.Infrastructure;

namespace Workspace.EndToEndTests.CoEditing;

/// <summary>
/// ot.js in Chromium gives the results of the shared vectors (which TextOperation passes in the unit tests), and
/// client.js converges under random concurrency, reordering and lost connections.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OtVectorTests(BrowserFixture browser)
{
    private sealed record VectorResult(string Kind, string Name, bool Ok, string Message);

    private sealed record SimulationResult(int Runs, int Revisions, string[] Problems);

    [Fact]
    public async Task Ot_js_gives_every_expected_result_of_the_shared_vectors()
    {
        // Arrange
        var file = Path.Combine(AppContext.BaseDirectory, "CoEditing", "ot-vectors.json");
        var expectedCount = JsonNode.Parse(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken))!["cases"]!.AsArray().Count;
        await using var coedit = await CoEditPage.OpenAsync(browser);

        // Act
        var json = await coedit.Page.EvaluateAsync<string>("""
            async () => {
              const ot = await import('/js/coedit/ot.js');
              const { runVectors } = await import('/tests/ot-vector-runner.js');
              const vectors = await (await fetch('/tests/ot-vectors.json')).json();
              return JSON.stringify(runVectors(ot, vectors.cases));
            }
            """);
        var results = JsonSerializer.Deserialize<VectorResult[]>(json, JsonSerializerOptions.Web)!;

        // Assert
        Assert.Equal(expectedCount, results.Length);
        Assert.True(expectedCount >= 60);
        var failures = results.Where(r => !r.Ok).Select(r => $"{r.Kind}: {r.Name}: {r.Message}").ToList();
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        coedit.Errors.AssertNone();
    }

    [Fact]
    public async Task Client_js_converges_under_random_concurrent_editing()
    {
        // Arrange
        await using var coedit = await CoEditPage.OpenAsync(browser);

        // Act: 300 runs of 150 steps, 2-5 clients each.
        var json = await coedit.Page.EvaluateAsync<string>("""
            async () => {
              const { simulateMany } = await import('/tests/coedit-simulation.js');
              return JSON.stringify(await simulateMany(1, 300, 150));
            }
            """);
        var result = JsonSerializer.Deserialize<SimulationResult>(json, JsonSerializerOptions.Web)!;

        // Assert
        Assert.Equal(300, result.Runs);
        Assert.True(result.Revisions > 1000, $"Only {result.Revisions} revisions: the simulation hardly edited.");
        Assert.True(result.Problems.Length == 0, string.Join("\n", result.Problems));
        coedit.Errors.AssertNone();
    }
}
