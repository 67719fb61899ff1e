using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Web.Features.Councils;
using Workspace.Web.Features.Hearings;
using Workspace.Web.Features.Meetings;

namespace Workspace.ComponentTests.Features.Hearings;

public sealed class HearingComponentTests : ComponentTestContext
{
    private const string OpenHearing = "Udkast til hjemløsestrategi 2027–2030";

    [Fact]
    public void A_member_sees_who_said_each_passage_which_remarks_are_used_and_who_agrees()
    {
        // Arrange
        SignInAs("Mia Kragh");

        // Act
        var cut = Render<HearingPage>(p => p.Add(x => x.HearingId, HearingId(OpenHearing)));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=hearing-passage]").Count));
        var sources = cut.FindAll("[data-testid=hearing-passage-source]").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(["Fra: Jens Vestergaard (Foreningen Gadens Stemme)", "Fra: Mia Kragh (Bøgeby Værested)"], sources);
        Assert.DoesNotContain("⟦", cut.Find("[data-testid=hearing-response]").TextContent);
        var housing = cut.FindAll("[data-testid=hearing-remark]").Single(r => r.TextContent.Contains("egen bolig"));
        Assert.NotNull(housing.QuerySelector("[data-testid=hearing-remark-used]"));
        Assert.Equal("Enig: Gitte Holmgaard, Mia Kragh", housing.QuerySelector("[data-testid=hearing-remark-support]")!.TextContent.Trim());
        var poul = cut.FindAll("[data-testid=hearing-remark]").Single(r => r.TextContent.Contains("skæve boliger"));
        Assert.NotNull(poul.QuerySelector("[data-testid=hearing-remark-unused]"));
        // Headings group the remarks; the chair's reply sits under the remark it answers.
        Assert.Equal(["Boliger", "Unge"], cut.FindAll("[data-testid=hearing-remark-heading]").Select(h => h.TextContent.Trim()));
        var young = cut.FindAll("[data-testid=hearing-remark]").First(r => r.TextContent.Contains("unge hjemløse"));
        Assert.Contains("værestederne", young.QuerySelector(".hearing-replies")!.TextContent);
        // A member writes remarks and agrees, but does not draft.
        Assert.NotNull(cut.Find("[data-testid=hearing-composer]"));
        Assert.Empty(cut.FindAll("[data-testid=coedit-response]"));
        Assert.Empty(cut.FindAll("[data-testid=hearing-remark-insert]"));
    }

    [Fact]
    public void A_substitute_not_called_in_reads_and_is_told_when_they_may_remark()
    {
        // Arrange
        SignInAs("Carsten Lykke");

        // Act
        var cut = Render<HearingPage>(p => p.Add(x => x.HearingId, HearingId(OpenHearing)));

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=hearing-await-call-in]")));
        Assert.Empty(cut.FindAll("[data-testid=hearing-composer]"));
        Assert.Empty(cut.FindAll("[data-testid=hearing-remark-agree]"));
        Assert.Equal(4, cut.FindAll("[data-testid=hearing-remark]").Count);
    }

    [Fact]
    public void Another_councils_chair_finds_no_hearing_and_no_list()
    {
        // Arrange
        SignInAs("Hanne Winther");

        // Act
        var page = Render<HearingPage>(p => p.Add(x => x.HearingId, HearingId(OpenHearing)));
        var list = Render<HearingsPage>(p => p.Add(x => x.CouncilId, CouncilId("Udsatterådet")));

        // Assert
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=hearing-facts]")));
        Assert.Empty(list.FindAll("[data-testid=hearing-list]"));
        Assert.DoesNotContain(OpenHearing, page.Markup + list.Markup);
    }

    [Fact]
    public void The_council_list_shows_the_open_hearing_and_the_sent_one_with_date_and_recipient()
    {
        // Arrange
        SignInAs("Iben Sørensen");

        // Act
        var cut = Render<HearingsPage>(p => p.Add(x => x.CouncilId, CouncilId("Udsatterådet")));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=hearing-row]").Count));
        var rows = cut.FindAll("[data-testid=hearing-row]").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains(OpenHearing) && r.Contains("Høringssvar skrives"));
        Assert.Contains(rows, r => r.Contains("Kvalitetsstandarder for 2027") && r.Contains("Arkiveret") && r.Contains("til Beskæftigelses- og Socialudvalget"));
        Assert.NotNull(cut.Find("[data-testid=hearing-new]"));
    }

    [Fact]
    public void Ny_hoering_opens_the_form_with_both_deadline_fields()
    {
        // Arrange: the deadline fields carry no attributes of their own (a null attribute set once ended the circuit here).
        SignInAs("Iben Sørensen");
        var cut = Render<HearingsPage>(p => p.Add(x => x.CouncilId, CouncilId("Udsatterådet")));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=hearing-new]")));

        // Act
        cut.Find("[data-testid=hearing-new]").Click();

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=hearing-form] input[data-testid=hearing-title]")));
        Assert.Equal(2, cut.FindAll("[data-testid=hearing-form] .date-field input").Count);
    }

    [Fact]
    public void A_member_reads_the_responses_history_without_the_markers()
    {
        // Arrange
        SignInAs("Mia Kragh");
        var cut = Render<HearingPage>(p => p.Add(x => x.HearingId, HearingId(OpenHearing)));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=hearing-history-toggle]")));

        // Act
        cut.Find("[data-testid=hearing-history-toggle]").Click();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=hearing-history-version]")));
        cut.FindAll("[data-testid=hearing-history-show]").Last().Click();

        // Assert
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=diff-inserted]")));
        var inserted = string.Concat(cut.FindAll("[data-testid=diff-inserted]").Select(e => e.TextContent));
        Assert.DoesNotContain("⟦", inserted);
        Assert.Contains("egen bolig", cut.Find("[data-testid=text-diff]").TextContent);
    }

    [Fact]
    public async Task The_secretary_restores_an_older_version_of_the_response_and_a_member_may_not()
    {
        // Arrange: the chair replaced the demo draft; Iben opens the history (signed in before the services are asked for)
        var member = UserFor("Mia Kragh");
        SignInAs("Iben Sørensen");
        var (hearingId, documents, documentId, draft) = await ResponseReplacedByTheChairAsync();
        var cut = Render<HearingPage>(p => p.Add(x => x.HearingId, hearingId));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=hearing-history-toggle]")));
        cut.Find("[data-testid=hearing-history-toggle]").Click();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=hearing-history-version]").Count));
        Assert.NotNull(cut.Find("[data-testid=hearing-history-restore-hint]"));
        // The newest version is the text as it is: only the older one can be restored.
        Assert.Single(cut.FindAll("[data-testid=hearing-history-restore]"));

        // Act
        cut.Find("[data-testid=hearing-history-restore]").Click();

        // Assert: a version of its own; the passages credit Jens and Mia again
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=hearing-history-version]").Count));
        Assert.StartsWith("Versionen fra", cut.Find("[data-testid=hearing-history-announcer]").TextContent.Trim());
        Assert.Contains("Gendannet fra", cut.FindAll("[data-testid=hearing-history-version]")[0].TextContent);
        Assert.Equal(draft.Text, (await documents.GetAsync(documentId, "", Xunit.TestContext.Current.CancellationToken)).Text);
        var details = await Services.GetRequiredService<HearingService>().GetAsync(member, hearingId, Xunit.TestContext.Current.CancellationToken);
        Assert.Equal(2, details.Remarks.Count(r => r.IsUsed));
    }

    [Fact]
    public async Task A_member_sees_the_responses_history_without_a_restore()
    {
        // Arrange: two versions, so that there is one to restore for who may
        SignInAs("Mia Kragh");
        var (hearingId, _, _, _) = await ResponseReplacedByTheChairAsync();
        var cut = Render<HearingPage>(p => p.Add(x => x.HearingId, hearingId));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=hearing-history-toggle]")));

        // Act
        cut.Find("[data-testid=hearing-history-toggle]").Click();

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=hearing-history-version]").Count));
        Assert.Empty(cut.FindAll("[data-testid=hearing-history-restore]"));
        Assert.Empty(cut.FindAll("[data-testid=hearing-history-restore-hint]"));
    }

    [Fact]
    public void A_hearing_made_from_an_agenda_item_opens_the_form_with_the_item_chosen()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        Guid itemId;
        using (var db = CreateDbContext())
        {
            itemId = db.AgendaItems.AsNoTracking().Where(i => i.Meeting!.Council!.Name == "Udsatterådet").OrderBy(i => i.Id).Select(i => i.Id).First();
        }

        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo($"/councils/{CouncilId("Udsatterådet")}/hearings?item={itemId}");

        // Act
        var cut = Render<HearingsPage>(p => p.Add(x => x.CouncilId, CouncilId("Udsatterådet")));

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=hearing-form]")));
        Assert.Equal(itemId.ToString(), cut.Find("select[data-testid=hearing-form-item]").GetAttribute("value"));
    }

    [Fact]
    public void The_start_page_lists_the_open_hearing_with_its_days_left()
    {
        // Arrange
        SignInAs("Mia Kragh");

        // Act
        var cut = Render<OpenHearings>();

        // Assert
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=open-hearing]")));
        Assert.Contains("21 dage tilbage til bemærkninger", cut.Find("[data-testid=open-hearing]").TextContent);
    }

    [Theory]
    [InlineData("Carsten Lykke", false)]
    [InlineData("Iben Sørensen", true)]
    public void The_hearing_item_on_the_meeting_page_lists_its_hearing_with_status_deadline_and_days_left(string person, bool manages)
    {
        // Arrange
        SignInAs(person);

        // Act
        var cut = Render<MeetingPage>(p => p.Add(x => x.MeetingId, MeetingIdWithItem("Høring: Udkast til hjemløsestrategi 2027–2030")));
        cut.WaitForElement("[data-testid=item-hearing]");

        // Assert: on the hearing item only, a link to the hearing and its state in words; the substitute only reads
        var card = cut.FindAll("[data-testid=agenda-item]").Single(c => c.QuerySelector("[data-testid=item-hearing]") is not null);
        Assert.Equal("6", card.GetAttribute("data-item-number"));
        var hearing = Assert.Single(card.QuerySelectorAll("[data-testid=item-hearing]"));
        Assert.Equal($"/hearings/{HearingId(OpenHearing)}", hearing.QuerySelector("a[data-testid=item-hearing-link]")!.GetAttribute("href"));
        Assert.Equal(OpenHearing, hearing.QuerySelector("[data-testid=item-hearing-link]")!.TextContent.Trim());
        DateOnly deadline;
        using (var db = CreateDbContext())
        {
            deadline = db.Hearings.AsNoTracking().Where(h => h.Title == OpenHearing).Select(h => h.Deadline).Single();
        }
        var state = hearing.QuerySelector("[data-testid=item-hearing-state]")!.TextContent;
        Assert.Contains("Høringssvar skrives", state);
        Assert.Contains($"høringsfrist {HearingDates.Text(deadline)}", state);
        Assert.Contains("21 dage tilbage til bemærkninger", state);
        Assert.Equal("Høringer på punkt 6", card.QuerySelector("[data-testid=item-hearings]")!.GetAttribute("aria-label"));
        Assert.Equal(manages, card.QuerySelector("[data-testid=item-hearing-new]") is not null);
    }

    [Fact]
    public void The_council_page_shows_the_hearing_in_progress_and_the_response_sent_with_date_and_recipient()
    {
        // Arrange
        SignInAs("Carsten Lykke");
        DateOnly sentOn;
        using (var db = CreateDbContext())
        {
            sentOn = db.Hearings.AsNoTracking().Where(h => h.Title == "Kvalitetsstandarder for 2027").Select(h => h.SentOn!.Value).Single();
        }

        // Act
        var cut = Render<CouncilPage>(p => p.Add(x => x.CouncilId, CouncilId("Udsatterådet")));

        // Assert
        cut.WaitForElement("[data-testid=council-hearings]");
        var ongoing = Assert.Single(cut.FindAll("[data-testid=council-hearing-ongoing]"));
        Assert.Contains(OpenHearing, ongoing.TextContent);
        Assert.Contains("Høringssvar skrives", ongoing.TextContent);
        var sent = Assert.Single(cut.FindAll("[data-testid=council-hearing-sent]"));
        Assert.Contains("Kvalitetsstandarder for 2027", sent.TextContent);
        Assert.Contains($"sendt {HearingDates.Text(sentOn)} til Beskæftigelses- og Socialudvalget", sent.TextContent);
        Assert.Equal($"/hearings/{HearingId("Kvalitetsstandarder for 2027")}", sent.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public void A_council_without_hearings_shows_none_on_its_page()
    {
        // Arrange
        SignInAs("Hanne Winther");

        // Act
        var cut = Render<CouncilPage>(p => p.Add(x => x.CouncilId, CouncilId("Handicaprådet")));

        // Assert
        cut.WaitForElement("[data-testid=hearings-link]");
        Assert.Empty(cut.FindAll("[data-testid=council-hearings]"));
    }

    [Fact]
    public void The_word_file_and_the_print_view_leave_the_members_out_when_unticked()
    {
        // Arrange
        SignInAs("Mia Kragh");
        var hearingId = HearingId(OpenHearing);
        var cut = Render<HearingPage>(p => p.Add(x => x.HearingId, hearingId));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=hearing-export]")));
        Assert.Equal($"/hearings/{hearingId}/response.docx", cut.Find("[data-testid=hearing-export]").GetAttribute("href"));

        // Act
        cut.Find("input[data-testid=hearing-export-members], [data-testid=hearing-export-members] input").Change(false);

        // Assert
        cut.WaitForAssertion(() => Assert.Equal($"/hearings/{hearingId}/response.docx?members=false", cut.Find("[data-testid=hearing-export]").GetAttribute("href")));
        Assert.Equal($"/hearings/{hearingId}/print?members=false", cut.Find("[data-testid=hearing-print]").GetAttribute("href"));
    }

    private Guid HearingId(string title)
    {
        using var db = CreateDbContext();
        return db.Hearings.AsNoTracking().Where(h => h.Title == title).Select(h => h.Id).Single();
    }

    /// <summary>The open demo hearing's response, replaced by the chair: two versions, the older one with the demo's passages.</summary>
    private async Task<(Guid HearingId, Workspace.Web.Collaboration.CoEditing.TextDocumentService Documents, string DocumentId,
        Workspace.Web.Collaboration.CoEditing.TextSnapshot Draft)> ResponseReplacedByTheChairAsync()
    {
        var hearingId = HearingId(OpenHearing);
        var documents = Services.GetRequiredService<Workspace.Web.Collaboration.CoEditing.TextDocumentService>();
        var documentId = Workspace.Web.Collaboration.CoEditing.TextDocumentIds.ForHearingResponse(hearingId);
        var draft = await documents.GetAsync(documentId, "", Xunit.TestContext.Current.CancellationToken);
        await documents.SubmitAsync(documentId, draft.Revision, Workspace.Web.Collaboration.CoEditing.TextOperation.FromDiff(draft.Text, "Rådet har ingen bemærkninger."),
            UserFor("Gitte Holmgaard").PersonId!.Value, "chair-tab", 1, Xunit.TestContext.Current.CancellationToken);
        return (hearingId, documents, documentId, draft);
    }
}
