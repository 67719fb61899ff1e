using Workspace.Data.Entities;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Web.Features.Meetings;

namespace Workspace.ComponentTests.Features.Meetings;

public sealed class MeetingStatusChipTests : ComponentTestContext
{
    [Theory]
    [InlineData(MeetingStatus.Draft, "Kladde")]
    [InlineData(MeetingStatus.Published, "Offentliggjort")]
    [InlineData(MeetingStatus.Held, "Afholdt")]
    [InlineData(MeetingStatus.Cancelled, "Aflyst")]
    public void Status_is_named_in_Danish(MeetingStatus status, string expected)
    {
        // Arrange, Act
        var cut = Render<MeetingStatusChip>(p => p.Add(x => x.Status, status));

        // Assert
        Assert.Equal(expected, cut.Find(".mud-chip").TextContent.Trim());
    }
}
