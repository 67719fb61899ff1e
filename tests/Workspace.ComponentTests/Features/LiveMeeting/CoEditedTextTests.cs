using Workspace.ComponentTests.Infrastructure;
using Workspace.Web.Features.LiveMeeting;

namespace Workspace.ComponentTests.Features.LiveMeeting;

public sealed class CoEditedTextTests : ComponentTestContext
{
    [Fact]
    public void The_textarea_is_rendered_read_only_and_only_the_co_editing_bridge_makes_it_writable()
    {
        // Arrange: bUnit has no bridge (coedit/bridge.js), so nothing makes the textarea writable
        SignInAs("Iben Sørensen");

        // Act
        var cut = Render<CoEditedText>(p => p.Add(x => x.ItemId, Guid.NewGuid()).Add(x => x.Field, "decision").Add(x => x.Label, "Beslutning"));

        // Assert: a key typed before the bridge has the stored text would be overwritten by it, so none can be typed; the
        // rendered attribute is constant, so no later render takes back what the bridge set
        Assert.True(cut.Find("textarea[data-testid=coedit-decision]").HasAttribute("readonly"));
    }
}
