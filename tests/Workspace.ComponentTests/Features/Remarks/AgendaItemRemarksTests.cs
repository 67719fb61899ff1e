using Workspace.ComponentTests.Infrastructure;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Meetings;
using Workspace.Web.Features.Remarks;

namespace Workspace.ComponentTests.Features.Remarks;

/// <summary>The remarks under an agenda item, as the card shows them.</summary>
public sealed class AgendaItemRemarksTests : ComponentTestContext
{
    [Fact]
    public async Task Member_may_change_only_own_remarks()
    {
        // Arrange
        var mia = SignInAs("Mia Kragh");
        var hearing = await HearingAsSeenByAsync(mia);

        // Act
        var cut = RenderCard(hearing, canRemark: true);

        // Assert
        Assert.Equal("Bemærkninger (2)", cut.Find(".remarks h4").TextContent.Trim());
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
                Assert.Equal(["Redigér", "Slet", "Gør til opfølgning"], own.QuerySelectorAll("button").Select(b => b.TextContent.Trim()));
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
        var cut = RenderCard(hearing, canRemark: false);

        // Assert
        Assert.Equal(2, cut.FindAll("[data-testid=remark]").Count);
        Assert.Empty(cut.FindAll(".remarks button"));
    }

    [Fact]
    public void Item_without_remarks_says_so()
    {
        // Arrange
        var item = TestViews.AgendaItem("8", "Næste møde", Workspace.Data.Entities.AgendaItemKind.Information, minutes: 5);

        // Act
        var cut = RenderCard(item, canRemark: false);

        // Assert
        Assert.Contains("Ingen bemærkninger endnu.", cut.Markup);
        Assert.Equal("Bemærkninger til punkt 8", cut.Find("section.remarks").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task The_remark_field_exists_only_while_someone_writes()
    {
        // Arrange
        var mia = SignInAs("Mia Kragh");
        var hearing = await HearingAsSeenByAsync(mia);
        var cut = RenderCard(hearing, canRemark: true);
        Assert.Empty(cut.FindAll("textarea"));

        // Act
        cut.Find("[data-testid=remark-open]").Click();

        // Assert
        Assert.Single(cut.FindAll(".remark-composer textarea"));
        Assert.Empty(cut.FindAll("[data-testid=remark-open]"));
        cut.FindAll(".remark-composer button").Single(b => b.TextContent.Trim() == "Annullér").Click();
        Assert.Empty(cut.FindAll("textarea"));
        Assert.Single(cut.FindAll("[data-testid=remark-open]"));
    }

    [Fact]
    public async Task A_draft_waiting_in_the_browser_opens_the_field_with_it()
    {
        // Arrange: the meeting page found a draft for this item (drafts.js); the field asks for its text.
        var mia = SignInAs("Mia Kragh");
        var hearing = await HearingAsSeenByAsync(mia);
        const string draft = "Skrevet før forbindelsen røg.";
        JSInterop.Setup<string?>("workspaceDrafts.get", RemarkDrafts.Key(hearing.Id)).SetResult(draft);

        // Act
        var cut = Render<AgendaItemCard>(p => p
            .Add(x => x.Item, hearing)
            .Add(x => x.Page, new AgendaCardPage(new MeetingRights(CanRemark: true, CanManage: false)) { Drafts = new HashSet<Guid> { hearing.Id } }));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(draft, cut.Find(".remark-composer textarea").GetAttribute("value")));
        Assert.Empty(cut.FindAll("[data-testid=remark-open]"));
    }

    private IRenderedComponent<AgendaItemCard> RenderCard(AgendaItemView item, bool canRemark) =>
        Render<AgendaItemCard>(p => p.Add(x => x.Item, item).Add(x => x.Page, new AgendaCardPage(new MeetingRights(CanRemark: canRemark, CanManage: false))));

    private async Task<AgendaItemView> HearingAsSeenByAsync(WorkspaceUser user)
    {
        var hearing = Item(DemoItems.Hearing);
        var meeting = await Services.GetRequiredService<MeetingService>().GetMeetingAsync(user, hearing.MeetingId, Xunit.TestContext.Current.CancellationToken);
        return meeting.Items.Single(i => i.Id == hearing.Id);
    }
}
