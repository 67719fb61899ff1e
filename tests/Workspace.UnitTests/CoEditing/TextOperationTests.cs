using System.Text.Encodings.Web;
using System.Text.Json;
using Workspace.Web.Collaboration.CoEditing;

namespace Workspace.UnitTests.CoEditing;

public sealed class TextOperationTests
{
    [Fact]
    public void Json_form_is_the_compact_array_shared_with_ot_js()
    {
        // Arrange
        var operation = TextOperation.Create(OpComponent.Retain(5), OpComponent.Insert("æøå"), OpComponent.Delete(3));

        // Act
        var json = operation.ToJson();
        var viaSerializer = JsonSerializer.Serialize(new { op = operation }, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        // Assert
        Assert.Equal("""[5,"æøå",-3]""", json);
        Assert.Equal("""{"op":[5,"æøå",-3]}""", viaSerializer);
        Assert.Equal(operation, TextOperation.Parse(json));
        Assert.Equal(operation, JsonSerializer.Deserialize<TextOperation>(json));
    }

    [Fact]
    public void Emoji_survive_the_json_round_trip()
    {
        // Arrange
        var operation = TextOperation.Insert(2, "Godt 👍🏽\n");

        // Act
        var back = TextOperation.Parse(operation.ToJson());

        // Assert
        Assert.Equal(operation, back);
        Assert.Equal(2 + "Godt 👍🏽\n".Length, back.InsertedLength + back.BaseLength);
    }

    [Fact]
    public void A_lone_surrogate_in_json_is_malformed()
    {
        // Act
        var error = Assert.Throws<InvalidTextOperationException>(() => TextOperation.Parse("""[1, "\ud83d"]"""));

        // Assert
        Assert.Equal(CoEditingError.Malformed, error.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1, 2")]
    [InlineData("[1] [2]")]
    public void Broken_json_is_malformed(string json)
    {
        // Act
        var error = Assert.Throws<InvalidTextOperationException>(() => TextOperation.Parse(json));

        // Assert
        Assert.Equal(CoEditingError.Malformed, error.Error);
    }

    [Fact]
    public void An_operation_longer_than_the_text_says_how_long_both_are()
    {
        // Arrange
        var operation = TextOperation.Delete(3, 10);

        // Act
        var error = Assert.Throws<InvalidTextOperationException>(() => operation.EnsureFits("Kort tekst"));

        // Assert
        Assert.Equal(CoEditingError.DoesNotFitText, error.Error);
        Assert.Contains("13", error.Message, StringComparison.Ordinal);
        Assert.Contains("10", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void An_operation_that_cuts_an_emoji_in_two_is_refused(int cut)
    {
        // Arrange: "a😀b" has the pair at offsets 1 and 2.
        var insertInside = TextOperation.Insert(2, "x");
        var deleteHalf = TextOperation.Delete(cut - 1, 1);

        // Act
        var inside = Assert.Throws<InvalidTextOperationException>(() => insertInside.EnsureFits("a😀b"));
        var half = Assert.Throws<InvalidTextOperationException>(() => deleteHalf.EnsureFits("a😀b"));

        // Assert
        Assert.Equal(CoEditingError.Malformed, inside.Error);
        Assert.Equal(CoEditingError.Malformed, half.Error);
    }

    [Fact]
    public void An_operation_around_an_emoji_fits()
    {
        // Arrange
        var operation = TextOperation.Create(OpComponent.Retain(1), OpComponent.Delete(2), OpComponent.Insert("🎉"));

        // Act
        operation.EnsureFits("a😀b");

        // Assert
        Assert.Equal("a🎉b", operation.Apply("a😀b"));
    }

    [Fact]
    public void Lengths_are_counted_in_utf16_code_units()
    {
        // Arrange
        var operation = TextOperation.Create(OpComponent.Retain(3), OpComponent.Insert("😀"), OpComponent.Delete(1));

        // Assert
        Assert.Equal(4, operation.BaseLength);
        Assert.Equal(2, operation.InsertedLength);
        Assert.Equal(1, operation.DeletedLength);
        Assert.Equal(6, operation.LengthAfter(5));
    }

    [Fact]
    public void A_large_paste_applies_and_round_trips()
    {
        // Arrange: well over the 32 KB of one SignalR message.
        var paste = string.Concat(Enumerable.Repeat("Rådet drøftede høringssvaret. 👍\n", 4000));
        var operation = TextOperation.Insert(4, paste);

        // Act
        var text = operation.Apply("Ref: slut");
        var back = TextOperation.Parse(operation.ToJson());

        // Assert
        Assert.Equal("Ref:" + paste + " slut", text);
        Assert.Equal(operation, back);
    }

    [Theory]
    [InlineData("[2147483647, -2147483647]")]
    [InlineData("[2147483647, 2147483647, \"x\"]")]
    [InlineData("[-2147483647, -2147483647]")]
    [InlineData("[2147483647, \"x\", -2147483647]")]
    public void Counts_whose_sum_overflows_are_read_and_then_refused_as_not_fitting(string json)
    {
        // Arrange: each count is a valid int; together they are longer than any text can be.
        var operation = TextOperation.Parse(json);

        // Act
        var fits = Assert.Throws<InvalidTextOperationException>(() => operation.EnsureFits("Rådet drøfter budgettet."));
        var apply = Assert.Throws<InvalidTextOperationException>(() => operation.Apply("Rådet drøfter budgettet."));

        // Assert
        Assert.Equal(CoEditingError.DoesNotFitText, fits.Error);
        Assert.Equal(CoEditingError.DoesNotFitText, apply.Error);
    }

    [Fact]
    public void Transforming_an_operation_longer_than_any_text_does_not_overflow()
    {
        // Arrange
        var huge = TextOperation.Parse("[2147483647, -2147483647]");
        var other = TextOperation.Insert(0, "Husk: ");

        // Act
        var transformed = TextOperation.Transform(huge, other, TransformSide.Left);

        // Assert: it still keeps and deletes more than any text has, so it is refused where it is checked.
        var refused = Assert.Throws<InvalidTextOperationException>(() => transformed.EnsureFits("Husk: mødet."));
        Assert.Equal(CoEditingError.DoesNotFitText, refused.Error);
    }
}
