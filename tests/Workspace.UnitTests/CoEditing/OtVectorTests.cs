using System.Text.Json;
using System.Text.Json.Nodes;
using Workspace.Web.Collaboration.CoEditing;

namespace Workspace.UnitTests.CoEditing;

/// <summary>
/// The shared vectors (tests/vectors/ot-vectors.json) against TextOperation; the end-to-end test OtVectorTests runs
/// the same file against ot.js in Chromium, so the server and the browser transform alike.
/// </summary>
public sealed class OtVectorTests
{
    private static readonly Lazy<JsonArray> Cases = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "CoEditing", "ot-vectors.json");
        return JsonNode.Parse(File.ReadAllText(path))!["cases"]!.AsArray();
    });

    public static TheoryData<string, string> VectorNames()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in Cases.Value)
        {
            data.Add(c!["kind"]!.GetValue<string>(), c["name"]!.GetValue<string>());
        }
        return data;
    }

    private static JsonNode Case(string kind, string name) =>
        Cases.Value.Single(c => c!["kind"]!.GetValue<string>() == kind && c["name"]!.GetValue<string>() == name)!;

    private static TextOperation Op(JsonNode? node) => TextOperation.Parse(node!.ToJsonString());

    private static TransformSide Side(JsonNode node) => node.GetValue<string>() == "left" ? TransformSide.Left : TransformSide.Right;

    [Fact]
    public void The_shared_file_has_at_least_sixty_cases_of_every_kind_and_unique_names()
    {
        // Arrange
        var kinds = Cases.Value.Select(c => c!["kind"]!.GetValue<string>()).ToHashSet();
        var names = Cases.Value.Select(c => (c!["kind"]!.GetValue<string>(), c["name"]!.GetValue<string>())).ToList();

        // Assert
        Assert.True(Cases.Value.Count >= 60, $"Only {Cases.Value.Count} vectors.");
        Assert.Equal(["apply", "compose", "diff", "invalid", "normalize", "transform", "transformCursor", "transformSelection"], kinds.Order(StringComparer.Ordinal));
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(VectorNames))]
    public void TextOperation_gives_the_expected_result(string kind, string name)
    {
        // Arrange
        var c = Case(kind, name);

        // Act and assert
        switch (kind)
        {
            case "apply":
                var doc = c["doc"]!.GetValue<string>();
                if (c["error"] is not null)
                {
                    Assert.Throws<InvalidTextOperationException>(() => Op(c["op"]).Apply(doc));
                }
                else
                {
                    Assert.Equal(c["expected"]!.GetValue<string>(), Op(c["op"]).Apply(doc));
                }
                break;
            case "normalize":
                Assert.Equal(Op(c["expected"]), Op(c["op"]));
                Assert.Equal(c["expected"]!.ToJsonString(), JsonNode.Parse(Op(c["op"]).ToJson())!.ToJsonString());
                break;
            case "compose":
                var composed = TextOperation.Compose(Op(c["a"]), Op(c["b"]));
                Assert.Equal(Op(c["expected"]), composed);
                var text = c["doc"]!.GetValue<string>();
                Assert.Equal(Op(c["b"]).Apply(Op(c["a"]).Apply(text)), composed.Apply(text));
                break;
            case "transform":
                var side = Side(c["side"]!);
                var op = Op(c["op"]);
                var other = Op(c["other"]);
                var transformed = TextOperation.Transform(op, other, side);
                Assert.Equal(Op(c["expected"]), transformed);
                var otherTransformed = TextOperation.Transform(other, op, side == TransformSide.Left ? TransformSide.Right : TransformSide.Left);
                var start = c["doc"]!.GetValue<string>();
                Assert.Equal(transformed.Apply(other.Apply(start)), otherTransformed.Apply(op.Apply(start)));
                break;
            case "transformCursor":
                Assert.Equal(c["expected"]!.GetValue<int>(),
                    TextOperation.TransformCursor(c["cursor"]!.GetValue<int>(), Op(c["op"]), c["own"]!.GetValue<bool>()));
                break;
            case "transformSelection":
                var (selectionStart, selectionEnd) = TextOperation.TransformSelection(c["start"]!.GetValue<int>(), c["end"]!.GetValue<int>(), Op(c["op"]));
                Assert.Equal([c["expected"]![0]!.GetValue<int>(), c["expected"]![1]!.GetValue<int>()], new[] { selectionStart, selectionEnd });
                break;
            case "diff":
                var oldText = c["old"]!.GetValue<string>();
                var newText = c["new"]!.GetValue<string>();
                int? caret = c["caret"] is { } caretNode ? caretNode.GetValue<int>() : null;
                var diff = TextOperation.FromDiff(oldText, newText, caret);
                Assert.Equal(Op(c["expected"]), diff);
                Assert.Equal(newText, diff.Apply(oldText));
                break;
            case "invalid":
                var error = Assert.Throws<InvalidTextOperationException>(() => TextOperation.Parse(c["json"]!.GetValue<string>()));
                Assert.Equal(CoEditingError.Malformed, error.Error);
                Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<TextOperation>(c["json"]!.GetValue<string>()));
                break;
            default:
                Assert.Fail($"Unknown kind {kind}.");
                break;
        }
    }
}
