using Workspace.ComponentTests.Infrastructure;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Meetings;
using Workspace.Web.Features.Remarks;

namespace Workspace.ComponentTests.Features.Remarks;

public sealed class RemarkListTests : ComponentTestContext
{
    [Fact]
    public async Task Member_may_change_only_own_remarks()
    {
        // Arrange
        var mia = SignInAs("Mia Kragh");
        var hearing = await HearingAsSeenByAsync(mia);

        // Act
        var cut = Render<RemarkList>(p => p.Add(x => x.Item, hearing).Add(x => x.CanRemark, true));

        // Assert
        Assert.Equal("Bemærkninger (2)", cut.Find("h4").TextContent.Trim());
        var remarks = cut.FindAll("[data-testid=remark]");
        Assert.Collection(remarks,
            jens =>
            {
                Assert.Contains("Jens Vestergaard", jens.TextContent);
                Assert.Empty(jens.QuerySelectorAll("button"));
            },
            own =>
            {
                Assert.Contains("Mia Kragh", own.TextContent);
                Assert.Equal(["Redigér", "Slet"], own.QuerySelectorAll("button").Select(b => b.TextContent.Trim()));
            });
        Assert.Single(cut.FindAll("[data-testid=remark-open]"));
    }

    [Fact]
    public async Task Without_the_right_to_remark_the_list_is_read_only()
    {
        // Arrange: a meeting where remarks are no longer allowed still shows them, without buttons.
        var mia = SignInAs("Mia Kragh");
        var hearing = await HearingAsSeenByAsync(mia);

        // Act
        var cut = Render<RemarkList>(p => p.Add(x => x.Item, hearing).Add(x => x.CanRemark, false));

        // Assert
        Assert.Equal(2, cut.FindAll("[data-testid=remark]").Count);
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public void Item_without_remarks_says_so()
    {
        // Arrange
        var item = TestViews.AgendaItem("8", "Næste møde", Workspace.Data.Entities.AgendaItemKind.Information, minutes: 5);

        // Act
        var cut = Render<RemarkList>(p => p.Add(x => x.Item, item));

        // Assert
        Assert.Contains("Ingen bemærkninger endnu.", cut.Markup);
        Assert.Equal("Bemærkninger til punkt 8", cut.Find("section").GetAttribute("aria-label"));
    }

    private async Task<AgendaItemView> HearingAsSeenByAsync(WorkspaceUser user)
    {
        var hearing = Item(DemoItems.Hearing);
        var meeting = await Services.GetRequiredService<MeetingService>().GetMeetingAsync(user, hearing.MeetingId, Xunit.TestContext.Current.CancellationToken);
        return meeting.Items.Single(i => i.Id == hearing.Id);
    }
}
