using Workspace.Web.Features.Attachments;

namespace Workspace.UnitTests.Attachments;

public sealed class FileNamesTests
{
    [Theory]
    [InlineData("Høringssvar – ældrerådet.pdf", "Høringssvar – ældrerådet.pdf")]
    [InlineData(@"C:\Users\iben\Documents\rapport.pdf", "rapport.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData(@"..\..\web.config", "web.config")]
    [InlineData("rap\u0000port\u0007.pdf", "rapport.pdf")]
    [InlineData("rapport\u202Efdp.exe", "rapportfdp.exe")]
    [InlineData("  mange   mellemrum\tog\nlinjeskift .pdf  ", "mange mellemrum og linjeskift .pdf")]
    [InlineData("...", FileNames.Fallback)]
    [InlineData("", FileNames.Fallback)]
    [InlineData(null, FileNames.Fallback)]
    [InlineData("bilag.pdf.", "bilag.pdf")]
    public void Name_keeps_only_the_visible_last_part(string? fileName, string expected)
    {
        // Act
        var result = FileNames.Sanitize(fileName);

        // Assert
        Assert.Equal(expected, result);
    }

    [Fact]
    public void Decomposed_letters_are_stored_composed()
    {
        // Arrange: "å" as a + combining ring, as macOS sends it.
        const string decomposed = "a\u030Arsrapport.pdf";

        // Act
        var result = FileNames.Sanitize(decomposed);

        // Assert
        Assert.Equal("årsrapport.pdf", result);
    }

    [Fact]
    public void Long_name_is_cut_to_the_limit_and_keeps_its_extension()
    {
        // Arrange
        var name = new string('æ', 300) + ".docx";

        // Act
        var result = FileNames.Sanitize(name);

        // Assert
        Assert.Equal(FileNames.MaxLength, result.Length);
        Assert.EndsWith("æ.docx", result, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_name_is_not_cut_inside_a_character_of_two_code_units()
    {
        // Arrange: each emoji is a surrogate pair; an odd cut would split one.
        var name = "x" + string.Concat(Enumerable.Repeat("😀", 150)) + ".pdf";

        // Act
        var result = FileNames.Sanitize(name);

        // Assert
        Assert.True(result.Length <= FileNames.MaxLength);
        Assert.EndsWith(".pdf", result, StringComparison.Ordinal);
        Assert.False(char.IsHighSurrogate(result[^5]), "The name ends in half a character.");
        Assert.Equal(result, result.Normalize());
    }
}
