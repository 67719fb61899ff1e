using Microsoft.AspNetCore.Components;
using Workspace.Data.Entities;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Web.Features.Meetings;

namespace Workspace.ComponentTests.Features.Meetings;

public sealed class AgendaItemCardTests : ComponentTestContext
{
    private static readonly MeetingRights Reader = new(CanRemark: false, CanManage: false);

    [Fact]
    public void Background_Markdown_is_rendered_as_an_HTML_list()
    {
        // Arrange
        var item = HousingTalk(background: "Forvaltningen fortæller om:\n\n- bostøtte i egen bolig,\n- **akutboliger**.");

        // Act
        var cut = Render<AgendaItemCard>(p => p.Add(x => x.Item, item).Add(x => x.Page, new AgendaCardPage(Reader)));

        // Assert
        var entries = cut.FindAll(".markdown ul > li");
        Assert.Equal(["bostøtte i egen bolig,", "akutboliger."], entries.Select(li => li.TextContent.Trim()));
        Assert.Equal("akutboliger", cut.Find(".markdown ul strong").TextContent);
    }

    [Fact]
    public void Title_presenter_and_status_note_are_shown_as_text_not_markup()
    {
        // Arrange: the card's heading and facts are built as shared HTML, so what people typed must be encoded.
        var item = TestViews.AgendaItem("5", "Budget <script>alert('x')</script>", presenter: "<img src=x onerror=alert(1)> & co")
            with { Status = Workspace.Data.Entities.AgendaItemStatus.Withdrawn, StatusNote = "\"><b>ikke fed</b>" };

        // Act
        var cut = Render<AgendaItemCard>(p => p.Add(x => x.Item, item).Add(x => x.Page, new AgendaCardPage(Reader)));

        // Assert
        Assert.Empty(cut.FindAll("script, img, b"));
        Assert.Equal("Budget <script>alert('x')</script>", cut.Find("[data-testid=withdrawn-title]").TextContent);
        Assert.Equal("v. <img src=x onerror=alert(1)> & co", cut.Find("[data-testid=item-presenter-text]").TextContent);
        Assert.Contains("\"><b>ikke fed</b>", cut.Find(".status-note").TextContent);
    }

    [Fact]
    public void Script_in_background_is_not_rendered_as_a_script_element()
    {
        // Arrange
        var item = HousingTalk(background: "Se her <script>alert('xss')</script> og [klik](javascript:alert(1))\n\n<img src=x onerror=alert(2)>");

        // Act
        var cut = Render<AgendaItemCard>(p => p.Add(x => x.Item, item).Add(x => x.Page, new AgendaCardPage(Reader)));

        // Assert
        var markdown = cut.Find(".markdown");
        Assert.Empty(cut.FindAll("script"));
        Assert.Empty(cut.FindAll("img"));
        Assert.DoesNotContain(cut.FindAll("a"), a => (a.GetAttribute("href") ?? "").StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Se her", markdown.TextContent);
    }

    [Fact]
    public void Item_shows_number_title_kind_minutes_and_presenter_in_Danish()
    {
        // Arrange
        var item = HousingTalk(background: null);

        // Act
        var cut = Render<AgendaItemCard>(p => p.Add(x => x.Item, item).Add(x => x.Page, new AgendaCardPage(Reader)));

        // Assert
        Assert.Equal("4. Oplæg om den boligsociale indsats", Normalize(cut.Find("h3").TextContent));
        Assert.Contains("Drøftelse", cut.Markup);
        Assert.Contains("(30 min.)", cut.Markup);
        Assert.Contains("v. Thomas Lindberg, områdeleder", cut.Markup);
        Assert.Empty(cut.FindAll("button[aria-label='Redigér punkt 4']"));
    }

    [Fact]
    public void Administration_gets_an_edit_button_that_raises_OnEdit()
    {
        // Arrange
        var item = HousingTalk(background: null);
        AgendaItemView? edited = null;
        var cut = Render<AgendaItemCard>(p => p
            .Add(x => x.Item, item)
            .Add(x => x.Page, new AgendaCardPage(new MeetingRights(CanRemark: false, CanManage: true))
            {
                OnEdit = EventCallback.Factory.Create<AgendaItemView>(this, i => edited = i),
            }));

        // Act
        cut.Find("button[aria-label='Redigér punkt 4']").Click();

        // Assert
        Assert.Same(item, edited);
    }

    [Fact]
    public void Break_has_no_remarks_section()
    {
        // Arrange
        var item = HousingTalk(background: null) with { Number = "5", Title = "Pause", Kind = AgendaItemKind.Break, Presenter = null };

        // Act
        var cut = Render<AgendaItemCard>(p => p.Add(x => x.Item, item).Add(x => x.Page, new AgendaCardPage(new MeetingRights(CanRemark: true, CanManage: false))));

        // Assert
        Assert.Empty(cut.FindAll("section.remarks"));
        Assert.Empty(cut.FindAll("[data-testid=remark-open]"));
    }

    private static AgendaItemView HousingTalk(string? background) =>
        TestViews.AgendaItem("4", DemoItems.HousingTalk, AgendaItemKind.Discussion, "Thomas Lindberg, områdeleder", 30, background);

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
