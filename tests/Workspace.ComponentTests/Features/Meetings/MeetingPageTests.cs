using AngleSharp.Dom;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Web.Features.Meetings;
using Workspace.Web.Features.Remarks;

namespace Workspace.ComponentTests.Features.Meetings;

public sealed class MeetingPageTests : ComponentTestContext
{
    private static readonly string[] NextMeetingAgenda =
    [
        "1. Godkendelse af dagsorden",
        "2. Godkendelse af referat fra sidste møde",
        "3. Orientering fra formanden",
        "4. Oplæg om den boligsociale indsats",
        "5. Pause",
        "6. " + DemoItems.Hearing,
        "7. " + DemoItems.Closed,
        "8. Status på opfølgning",
        "9. Næste møde",
        "10. Eventuelt",
    ];

    [Fact]
    public void Member_sees_the_meeting_with_Danish_date_agenda_presenters_minutes_and_remarks()
    {
        // Arrange
        SignInAs("Mia Kragh");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);

        // Act
        var cut = Render<MeetingPage>(p => p.Add(x => x.MeetingId, meetingId));
        cut.WaitForElement("h1");

        // Assert
        Assert.Equal("Udsatterådets møde", cut.Find("h1").TextContent.Trim());
        Assert.Contains(cut.FindAll("p"), p => p.TextContent.StartsWith("torsdag den ", StringComparison.Ordinal)
            && p.TextContent.EndsWith(" kl. 16.00–18.00", StringComparison.Ordinal));
        Assert.Equal(NextMeetingAgenda, ItemHeadings(cut));

        var talk = ItemCard(cut, "4");
        Assert.Contains("v. Thomas Lindberg, områdeleder", talk.TextContent);
        Assert.Contains("(30 min.)", talk.TextContent);

        var hearingRemarks = ItemCard(cut, "6").QuerySelectorAll("[data-testid=remark]").Select(r => r.TextContent).ToList();
        Assert.Collection(hearingRemarks,
            r => Assert.Contains("Strategien bør have et mål for, hvor hurtigt en borger på herberget får tilbudt egen bolig.", r),
            r => Assert.Contains("Husk de unge hjemløse: de bor ofte hos venner og tæller ikke med i optællingen.", r));
    }

    [Fact]
    public void A_remark_draft_left_in_the_browser_opens_that_items_field_after_one_question_for_the_page()
    {
        // Arrange: drafts.js kept a remark on the hearing (the page was reloaded before it was saved).
        SignInAs("Mia Kragh");
        var hearing = Item(DemoItems.Hearing);
        var keys = JSInterop.Setup<string[]?>("workspaceDrafts.keys", Workspace.Web.Features.Remarks.RemarkDrafts.Prefix)
            .SetResult([Workspace.Web.Features.Remarks.RemarkDrafts.Key(hearing.Id), "remark:not-an-id"]);
        JSInterop.Setup<string?>("workspaceDrafts.get", Workspace.Web.Features.Remarks.RemarkDrafts.Key(hearing.Id)).SetResult("Halvt skrevet");

        // Act
        var cut = Render<MeetingPage>(p => p.Add(x => x.MeetingId, hearing.MeetingId));

        // Assert: only the hearing opens its field, with the draft; the other items keep their button.
        cut.WaitForAssertion(() => Assert.Equal("Halvt skrevet", ItemCard(cut, "6").QuerySelector("textarea")?.GetAttribute("value")));
        Assert.Single(cut.FindAll("textarea"));
        Assert.Equal(NextMeetingAgenda.Length - 2, cut.FindAll("[data-testid=remark-open]").Count);
        Assert.Single(JSInterop.Invocations, i => i.Identifier == "workspaceDrafts.keys");
    }

    [Fact]
    public async Task Going_to_another_meeting_asks_the_browser_for_that_meetings_drafts_again()
    {
        // Arrange: the same page component shows the next meeting, then an earlier one of the council.
        SignInAs("Mia Kragh");
        var next = Item(DemoItems.Hearing).MeetingId;
        Guid other;
        await using (var db = CreateDbContext())
        {
            var council = db.Meetings.Single(m => m.Id == next).CouncilId;
            other = db.Meetings.Where(m => m.CouncilId == council && m.Id != next && m.Status != Workspace.Data.Entities.MeetingStatus.Draft)
                .Select(m => m.Id).First();
        }
        var cut = Render<MeetingPage>(p => p.Add(x => x.MeetingId, next));
        cut.WaitForAssertion(() => Assert.Single(JSInterop.Invocations, i => i.Identifier == "workspaceDrafts.keys"));

        // Act
        cut.Render(p => p.Add(x => x.MeetingId, other));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(2, JSInterop.Invocations.Count(i => i.Identifier == "workspaceDrafts.keys")));
    }

    [Fact]
    public void Member_can_open_a_remark_field_on_each_item_but_cannot_add_items()
    {
        // Arrange
        SignInAs("Mia Kragh");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);

        // Act
        var cut = Render<MeetingPage>(p => p.Add(x => x.MeetingId, meetingId));
        cut.WaitForElement("h1");

        // Assert: every item except the break takes remarks.
        var remarkButtons = cut.FindAll("[data-testid=remark-open]");
        Assert.Equal(NextMeetingAgenda.Length - 1, remarkButtons.Count);
        Assert.All(remarkButtons, b => Assert.Equal("Skriv en bemærkning", b.TextContent.Trim()));
        Assert.NotNull(ItemCard(cut, "6").QuerySelector("[data-testid=remark-open]"));
        Assert.Empty(cut.FindAll("[data-testid=add-item]"));
    }

    [Fact]
    public void Substitute_cannot_write_remarks_and_does_not_see_closed_items()
    {
        // Arrange
        SignInAs("Carsten Lykke");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);

        // Act
        var cut = Render<MeetingPage>(p => p.Add(x => x.MeetingId, meetingId));
        cut.WaitForElement("h1");

        // Assert
        Assert.Contains("6. " + DemoItems.Hearing, ItemHeadings(cut));
        Assert.DoesNotContain(DemoItems.Closed, cut.Markup);
        Assert.DoesNotContain("Lukket punkt", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=remark-open]"));
        Assert.Empty(cut.FindAll("[data-testid=add-item]"));
    }

    [Fact]
    public void Administration_can_add_items_and_sees_closed_items_but_writes_no_remarks()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);

        // Act
        var cut = Render<MeetingPage>(p => p.Add(x => x.MeetingId, meetingId));
        cut.WaitForElement("h1");

        // Assert
        Assert.Equal("Nyt punkt", cut.Find("[data-testid=add-item]").TextContent.Trim());
        var closed = ItemCard(cut, "7");
        Assert.Contains(DemoItems.Closed, closed.TextContent);
        Assert.Contains("Lukket punkt", closed.TextContent);
        Assert.Empty(cut.FindAll("[data-testid=remark-open]"));
    }

    [Fact]
    public void Member_of_another_council_gets_not_found_and_no_agenda()
    {
        // Arrange
        SignInAs("Hanne Winther");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);

        // Act
        var cut = Render<MeetingPage>(p => p.Add(x => x.MeetingId, meetingId));

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("Siden blev ikke fundet", cut.Markup));
        Assert.Empty(cut.FindAll("[data-testid=agenda-item]"));
        Assert.DoesNotContain("Udsatterådets møde", cut.Markup);
        Assert.DoesNotContain(DemoItems.Hearing, cut.Markup);
    }

    [Fact]
    public async Task Remark_added_by_another_member_appears_live_and_is_announced()
    {
        // Arrange
        SignInAs("Mia Kragh");
        var hearing = Item(DemoItems.Hearing);
        var cut = Render<MeetingPage>(p => p.Add(x => x.MeetingId, hearing.MeetingId));
        cut.WaitForElement("[data-testid=agenda-item]");
        Assert.Equal("", cut.Find("[data-testid=live-announcer]").TextContent.Trim());
        const string text = "Strategien skal også nævne de hjemløse, der bor i bil.";

        // Act
        await Services.GetRequiredService<RemarkService>()
            .AddAsync(UserFor("Gitte Holmgaard"), hearing.Id, new RemarkInput { Text = text }, Xunit.TestContext.Current.CancellationToken);

        // Assert
        cut.WaitForAssertion(() =>
        {
            var remarks = ItemCard(cut, "6").QuerySelectorAll("[data-testid=remark]");
            Assert.Equal(3, remarks.Length);
            Assert.Contains(text, remarks[2].TextContent);
            Assert.Contains("Gitte Holmgaard", remarks[2].TextContent);
        });
        Assert.Equal("Ny bemærkning fra Gitte Holmgaard til punkt 6.", cut.Find("[data-testid=live-announcer]").TextContent.Trim());
    }

    [Fact]
    public async Task Own_remark_is_shown_but_not_announced()
    {
        // Arrange
        var mia = SignInAs("Mia Kragh");
        var hearing = Item(DemoItems.Hearing);
        var cut = Render<MeetingPage>(p => p.Add(x => x.MeetingId, hearing.MeetingId));
        cut.WaitForElement("[data-testid=agenda-item]");
        const string text = "Jeg tilføjer lige en ting mere.";

        // Act
        await Services.GetRequiredService<RemarkService>()
            .AddAsync(mia, hearing.Id, new RemarkInput { Text = text }, Xunit.TestContext.Current.CancellationToken);

        // Assert
        cut.WaitForAssertion(() => Assert.Contains(text, ItemCard(cut, "6").TextContent));
        Assert.Equal("", cut.Find("[data-testid=live-announcer]").TextContent.Trim());
    }

    private static List<string> ItemHeadings(IRenderedComponent<MeetingPage> cut) =>
        cut.FindAll("[data-testid=agenda-item] h3")
            .Select(h => string.Join(' ', h.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .ToList();

    private static IElement ItemCard(IRenderedComponent<MeetingPage> cut, string number) =>
        cut.Find($"[data-testid=agenda-item][data-item-number='{number}']");
}
