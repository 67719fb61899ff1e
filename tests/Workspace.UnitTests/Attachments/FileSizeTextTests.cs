using System.Globalization;
using Workspace.Web.Features.Attachments;

namespace Workspace.UnitTests.Attachments;

public sealed class FileSizeTextTests
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(512, "512 B")]
    [InlineData(1023, "1023 B")]
    [InlineData(1024, "1 kB")]
    [InlineData(1536, "1,5 kB")]
    [InlineData(348_160, "340 kB")]
    [InlineData(1_048_000, "1023 kB")]
    [InlineData(1_048_300, "1 MB")]
    [InlineData(1_258_291, "1,2 MB")]
    [InlineData(20 * 1024 * 1024, "20 MB")]
    [InlineData(157_286_400, "150 MB")]
    public void Size_is_written_the_danish_way(long bytes, string expected)
    {
        // Act
        var text = FileSizeText.Format(bytes, Danish);

        // Assert
        Assert.Equal(expected, text);
    }

    [Fact]
    public void English_uses_a_decimal_point()
    {
        // Act
        var text = FileSizeText.Format(1_258_291, CultureInfo.GetCultureInfo("en"));

        // Assert
        Assert.Equal("1.2 MB", text);
    }
}
