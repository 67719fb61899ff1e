using AngleSharp.Dom;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Data.Entities;
using Workspace.Web.Features.Agenda;
using Workspace.Web.Features.Meetings;

namespace Workspace.ComponentTests.Features.Agenda;

/// <summary>
/// Sections and pauses on the meeting page, on the seeded later meeting of Udsatterådet: headings without numbers, numbering
/// that runs on across them, a pause in the timeline, and clock times only where the minutes before are known.
/// </summary>
public sealed class AgendaSectionsTests : ComponentTestContext
{
    private const string BudgetItem = "Orientering om budget 2027 for socialområdet";

    [Fact]
    public void Numbering_runs_on_across_sections_and_a_pause_has_no_number()
    {
        // Arrange
        SignInAs("Mia Kragh");

        // Act
        var cut = Render<MeetingPage>(p => p.Add(x => x.MeetingId, MeetingIdWithItem(BudgetItem)));
        cut.WaitForElement("[data-testid=agenda-section]");

        // Assert: the agenda in order, headings and the pause between the numbered items
        Assert.Equal(
        [
            "1. Godkendelse af dagsorden",
            "2. Godkendelse af referat fra sidste møde",
            "§ Orienteringspunkter",
            "3. Orientering fra formanden",
            "4. " + BudgetItem,
            "PAUSE Pause (10 min.)",
            "§ Arbejdsmøde",
            "5. Arbejdsmøde: Rådets årsrapport",
            "6. Næste møde",
            "7. Eventuelt",
        ], Outline(cut));
        Assert.Empty(cut.FindAll("[data-testid=agenda-pause] .item-number"));
        Assert.Empty(cut.FindAll("[data-testid=entry-actions]"));
    }

    [Fact]
    public void Times_are_shown_only_where_the_minutes_before_are_known()
    {
        // Arrange
        SignInAs("Mia Kragh");

        // Act
        var cut = Render<MeetingPage>(p => p.Add(x => x.MeetingId, MeetingIdWithItem(BudgetItem)));
        cut.WaitForElement("[data-testid=agenda-section]");

        // Assert: 16.00 + 5 + 5 + 10; the budget item has no minutes, so it has a start and nothing after it has a time
        Assert.Equal("kl. 16.10–16.20", Card(cut, "3").QuerySelector("[data-testid=item-time]")!.TextContent.Trim());
        Assert.Equal("kl. 16.20", Card(cut, "4").QuerySelector("[data-testid=item-time]")!.TextContent.Trim());
        Assert.Null(cut.Find("[data-testid=agenda-pause]").QuerySelector("[data-testid=item-time]"));
        Assert.Null(Card(cut, "5").QuerySelector("[data-testid=item-time]"));
        Assert.Contains("1 punkt har ingen afsat tid", cut.Find("[data-testid=agenda-untimed]").TextContent);
        Assert.DoesNotContain("kl. 16.00–16.00", cut.Markup);
    }

    [Fact]
    public void A_pause_after_timed_items_shows_its_clock_time()
    {
        // Arrange: the budget item gets its minutes, so the pause follows at a known time
        SignInAs("Mia Kragh");
        using (var db = CreateDbContext())
        {
            db.AgendaItems.Where(i => i.Title == BudgetItem).ExecuteUpdate(u => u.SetProperty(i => i.AllottedMinutes, 15));
        }

        // Act
        var cut = Render<MeetingPage>(p => p.Add(x => x.MeetingId, MeetingIdWithItem(BudgetItem)));
        cut.WaitForElement("[data-testid=agenda-pause]");

        // Assert
        Assert.Contains("kl. 16.35–16.45", cut.Find("[data-testid=agenda-pause]").TextContent);
        Assert.Equal("kl. 16.45–17.45", Card(cut, "5").QuerySelector("[data-testid=item-time]")!.TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=agenda-untimed]"));
    }

    [Fact]
    public void The_approval_of_the_minutes_links_to_the_minutes_it_approves()
    {
        // Arrange
        SignInAs("Mia Kragh");
        var nextMeetingId = MeetingIdWithItem(DemoItems.Hearing);

        // Act
        var cut = Render<MeetingPage>(p => p.Add(x => x.MeetingId, MeetingIdWithItem(BudgetItem)));
        cut.WaitForElement("[data-testid=agenda-section]");

        // Assert
        var link = Card(cut, "2").QuerySelector("[data-testid=approves-minutes] a")!;
        Assert.Equal($"/meetings/{nextMeetingId}/minutes", link.GetAttribute("href"));
        Assert.StartsWith("Godkender referatet fra mødet ", link.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Members_read_the_meeting_notes_and_only_the_administration_may_edit_them()
    {
        // Arrange
        SignInAs("Mia Kragh");
        var nextMeetingId = MeetingIdWithItem(DemoItems.Hearing);

        // Act
        var cut = Render<MeetingPage>(p => p.Add(x => x.MeetingId, nextMeetingId));
        cut.WaitForElement("[data-testid=meeting-notes]");

        // Assert
        Assert.Contains("Næste møde er ikke fastlagt endnu", cut.Find("[data-testid=meeting-notes-text]").TextContent);
        Assert.Equal("Rådets budget 2026:", cut.Find("[data-testid=meeting-notes-text] strong").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=edit-notes]"));
        Assert.Empty(cut.FindAll("[data-testid=add-section]"));
    }

    [Fact]
    public async Task Arrow_down_on_a_headings_handle_moves_the_heading_so_an_item_leaves_its_section()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var cut = Render<MeetingPage>(p => p.Add(x => x.MeetingId, MeetingIdWithItem(BudgetItem)));
        cut.WaitForElement("[data-testid=agenda-section]");

        // Act: "Orienteringspunkter" goes one down, below "Orientering fra formanden"
        await cut.Find(".agenda-section .agenda-move-handle").KeyDownAsync(new KeyboardEventArgs { Key = "ArrowDown" });

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("3. Orientering fra formanden", Outline(cut)[2]));
        Assert.Equal("§ Orienteringspunkter", Outline(cut)[3]);
        Assert.Equal("»Orienteringspunkter« er flyttet.", cut.Find("[data-testid=live-announcer]").TextContent.Trim());
    }

    [Fact]
    public void The_secretary_adds_headings_and_pauses_only_while_the_meeting_is_planned()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        Guid heldMeetingId;
        using (var db = CreateDbContext())
        {
            heldMeetingId = db.Meetings.Single(m => m.Status == MeetingStatus.Held && m.Council!.Name == "Udsatterådet").Id;
        }

        // Act
        var planned = Render<MeetingPage>(p => p.Add(x => x.MeetingId, MeetingIdWithItem(BudgetItem)));
        planned.WaitForElement("[data-testid=agenda-section]");
        var held = Render<MeetingPage>(p => p.Add(x => x.MeetingId, heldMeetingId));
        held.WaitForElement("[data-testid=agenda-item]");

        // Assert
        Assert.Equal(["Tilføj overskrift", "Tilføj pause", "Gruppér efter type"],
            new[] { "add-section", "add-pause", "group-by-kind" }.Select(id => planned.Find($"[data-testid={id}]").TextContent.Trim()));
        Assert.Equal(3, planned.FindAll(".agenda-section .agenda-move-handle, .agenda-pause .agenda-move-handle").Count);
        Assert.Empty(held.FindAll("[data-testid=add-section]"));
        Assert.Empty(held.FindAll("[data-testid=group-by-kind]"));
    }

    private static List<string> Outline(IRenderedComponent<MeetingPage> cut) =>
        cut.FindAll("ol.agenda > li").Select(li =>
            li.QuerySelector("[data-testid=agenda-section]") is { } section ? "§ " + Text(section)
            : li.QuerySelector("[data-testid=agenda-pause]") is { } pause ? "PAUSE " + Text(pause)
            : Text(li.QuerySelector("[data-testid=agenda-item] h3")!)).ToList();

    private static string Text(IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static IElement Card(IRenderedComponent<MeetingPage> cut, string number) =>
        cut.Find($"[data-testid=agenda-item][data-item-number='{number}']");
}
