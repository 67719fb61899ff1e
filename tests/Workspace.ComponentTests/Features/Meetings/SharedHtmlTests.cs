using Microsoft.Extensions.DependencyInjection;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Data.Entities;
using Workspace.Web.Features.FollowUps;
using Workspace.Web.Features.Meetings;

namespace Workspace.ComponentTests.Features.Meetings;

/// <summary>
/// The read-only parts of the meeting page rendered once through HtmlRenderer and shared by every circuit (StaticHtml):
/// what users typed stays text, equal data shares one string, and changed data is rendered again.
/// </summary>
public sealed class SharedHtmlTests : ComponentTestContext
{
    private static readonly MeetingRights Reader = new(CanRemark: false, CanManage: false);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_meeting_title_with_a_script_is_shown_as_text_in_the_shared_header()
    {
        // Arrange
        SignInAs("Mia Kragh");
        var meeting = await MeetingAsync("Mia Kragh");
        var html = Services.GetRequiredService<MeetingPageHtml>();

        // Act
        var header = await html.HeaderAsync(meeting with { Title = "Møde <script>alert('x')</script>", Place = "<b>Rådhuset</b>" }, breadcrumbs: false);

        // Assert
        Assert.DoesNotContain("<script", header.Value);
        Assert.DoesNotContain("<b>", header.Value);
        Assert.Contains("Møde &lt;script&gt;", header.Value);
        Assert.Contains("&lt;b&gt;Rådhuset&lt;/b&gt;", header.Value);
    }

    [Fact]
    public async Task Equal_data_shares_one_rendering_and_changed_data_is_rendered_again()
    {
        // Arrange
        var html = Services.GetRequiredService<AgendaCardHtml>();
        var item = AgendaCardHtml.Shown(TestViews.AgendaItem("3", "Budget 2027"));

        // Act
        var first = await html.LeadAsync(item, null, DateTimeOffset.MaxValue, wrapped: true);
        var again = await html.LeadAsync(item with { }, null, DateTimeOffset.MaxValue, wrapped: true);
        var renamed = await html.LeadAsync(item with { Title = "Budget 2028" }, null, DateTimeOffset.MaxValue, wrapped: true);

        // Assert
        Assert.Same(first.Value, again.Value);
        Assert.Contains("Budget 2027", first.Value);
        Assert.Contains("Budget 2028", renamed.Value);
        Assert.DoesNotContain("Budget 2027", renamed.Value);
    }

    [Fact]
    public async Task Pages_asking_for_the_same_new_fragment_at_once_share_one_rendering()
    {
        // Arrange: a change reaches every open page at the same moment, and each asks for the changed text.
        var html = Services.GetRequiredService<AgendaCardHtml>();
        var item = AgendaCardHtml.Shown(TestViews.AgendaItem("4", "Budget 2027") with { Decision = "Rådet **anbefaler** budgettet." });
        using var start = new Barrier(16);

        // Act
        var pages = Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            start.SignalAndWait(Ct);
            return (await html.TextsAsync(item, AgendaItemTextPart.Outcome)).Value;
        }, Ct));
        var shown = await Task.WhenAll(pages);

        // Assert: one rendering, so one string for every page (each rendering makes its own).
        Assert.Contains("<strong>anbefaler</strong>", shown[0]);
        Assert.All(shown, text => Assert.Same(shown[0], text));
    }

    [Fact]
    public void A_card_shows_its_new_title_and_decision_when_the_item_changes()
    {
        // Arrange
        var item = TestViews.AgendaItem("3", "Budget 2027");
        var cut = Render<AgendaItemCard>(p => p.Add(x => x.Item, item).Add(x => x.Page, new AgendaCardPage(Reader)));
        cut.WaitForAssertion(() => Assert.Contains("Budget 2027", cut.Find("h3").TextContent));

        // Act
        cut.Render(p => p.Add(x => x.Item, item with { Title = "Budget <i>2028</i>", Decision = "Rådet **anbefaler** budgettet." }));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("3. Budget <i>2028</i>", cut.Find("h3").TextContent.Trim()));
        Assert.Empty(cut.FindAll("h3 i"));
        Assert.Equal("anbefaler", cut.Find(".decision strong").TextContent);
    }

    [Fact]
    public void A_remark_the_reader_may_not_change_is_shared_HTML_with_its_text_encoded()
    {
        // Arrange
        var remark = new RemarkView(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Jens <Vestergaard>", "Se <script>alert(1)</script> her",
            DateTimeOffset.UtcNow, null, IsMine: false, Guid.NewGuid());
        var item = TestViews.AgendaItem("6", "Høring", AgendaItemKind.Hearing, remarks: [remark]);

        // Act
        var cut = Render<AgendaItemCard>(p => p.Add(x => x.Item, item).Add(x => x.Page, new AgendaCardPage(Reader)));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("Se <script>alert(1)</script> her", cut.Find("[data-testid=remark] .remark-text").TextContent));
        Assert.Empty(cut.FindAll("script"));
        Assert.Contains("Jens <Vestergaard>", cut.Find("[data-testid=remark] .remark-meta").TextContent);
    }

    [Fact]
    public async Task A_follow_up_line_without_actions_is_shared_HTML_with_its_text_encoded()
    {
        // Arrange
        var user = SignInAs("Mia Kragh");
        var meeting = await MeetingAsync("Mia Kragh");
        var followUps = await Services.GetRequiredService<FollowUpService>().ForMeetingAsync(user, meeting.Id, Ct);
        var line = followUps.StatusList!.Open.First(f => !f.CanEdit && !f.CanChangeStatus) with { Text = "Ring til <script>alert(1)</script>" };
        var html = Services.GetRequiredService<FollowUpFactsHtml>();

        // Act
        var lines = await html.ReadOnlyLinesAsync([line, line with { Id = Guid.NewGuid(), CanEdit = true }], showOrigin: true);

        // Assert
        var shown = Assert.Single(lines);
        Assert.Equal(line.Id, shown.Key);
        Assert.Contains("Ring til &lt;script&gt;", shown.Value.Value);
        Assert.DoesNotContain("<script", shown.Value.Value);
        Assert.Contains($"data-followup-id=\"{line.Id}\"", shown.Value.Value);
    }

    private async Task<MeetingDetails> MeetingAsync(string person)
    {
        var meetingId = MeetingIdWithItem("Status på opfølgning");
        return await Services.GetRequiredService<MeetingService>().GetMeetingAsync(UserFor(person), meetingId, Ct);
    }
}
