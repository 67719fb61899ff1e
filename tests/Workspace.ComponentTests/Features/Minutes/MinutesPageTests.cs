using Microsoft.EntityFrameworkCore;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Data.Entities;
using Workspace.Web.Features.Minutes;
using Workspace.Web.Seeding;

namespace Workspace.ComponentTests.Features.Minutes;

/// <summary>The minutes page with the demo data: not ready yet, approval by each member, and what a substitute reads.</summary>
public sealed class MinutesPageTests : ComponentTestContext
{
    [Fact]
    public void A_member_opening_minutes_not_yet_circulated_is_told_they_are_not_ready_and_sees_nothing_of_them()
    {
        // Arrange: the held Udsatterådet meeting, whose minutes the secretary has not circulated
        SignInAs("Mia Kragh");
        var held = HeldMeetingId();

        // Act
        var cut = Render<MinutesPage>(p => p.Add(x => x.MeetingId, held));

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=minutes-not-ready]")));
        Assert.Contains("Referatet er ikke klar endnu", cut.Find("[data-testid=minutes-not-ready] h1").TextContent);
        Assert.Equal($"/meetings/{held}", cut.Find("[data-testid=minutes-not-ready] a").GetAttribute("href"));
        Assert.Empty(cut.FindAll("[data-testid=minutes-document]"));
        Assert.DoesNotContain("Rasmus Kjær", cut.Markup);
        Assert.DoesNotContain("Siden blev ikke fundet", cut.Markup);
    }

    [Fact]
    public void The_last_member_to_approve_locks_the_minutes_with_one_click()
    {
        // Arrange: Handicaprådet's circulated minutes; Ole Brandt and Preben Nørgaard have approved
        SignInAs("Hanne Winther");
        var meetingId = HandicapMeetingId();

        // Act
        var cut = Render<MinutesPage>(p => p.Add(x => x.MeetingId, meetingId));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=minutes-member-approve]")));
        var progressBefore = cut.Find("[data-testid=minutes-member-approval-progress]").TextContent.Trim();
        var missingBefore = cut.FindAll("[data-testid=minutes-approver-missing]").Count;
        cut.Find("[data-testid=minutes-member-approve]").Click();

        // Assert
        Assert.Equal("2 af 3 har godkendt.", progressBefore);
        Assert.Equal(1, missingBefore);
        cut.WaitForAssertion(() => Assert.Equal("Godkendt af medlemmerne og låst (version 1).", cut.Find("[data-testid=minutes-status]").TextContent.Trim()));
        Assert.Equal("3 af 3 har godkendt.", cut.Find("[data-testid=minutes-member-approval-progress]").TextContent.Trim());
        Assert.Empty(cut.FindAll("[data-testid=minutes-member-approve]"));
        Assert.Empty(cut.FindAll("[data-testid=minutes-comment-input]"));
        using var db = CreateDbContext();
        var stored = db.Set<MeetingMinutes>().Include(m => m.Versions).Single(m => m.MeetingId == meetingId);
        Assert.Equal(MinutesStatus.Approved, stored.Status);
        Assert.Single(stored.Versions);
    }

    [Fact]
    public void A_member_who_has_approved_sees_the_list_without_the_button()
    {
        // Arrange
        SignInAs("Ole Brandt");

        // Act
        var cut = Render<MinutesPage>(p => p.Add(x => x.MeetingId, HandicapMeetingId()));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=minutes-approver]").Count));
        Assert.Empty(cut.FindAll("[data-testid=minutes-member-approve]"));
        Assert.Empty(cut.FindAll("[data-testid=minutes-member-approval-switch]"));
        Assert.Equal(2, cut.FindAll("[data-testid=minutes-approver-approved]").Count);
    }

    [Fact]
    public void A_substitute_reads_approved_minutes_with_the_closed_item_as_a_placeholder_and_no_actions()
    {
        // Arrange
        SignInAs("Carsten Lykke");
        var approvedMeeting = MeetingIdWithItem(DemoData.ClosedDemoItemTitle);

        // Act
        var cut = Render<MinutesPage>(p => p.Add(x => x.MeetingId, approvedMeeting));

        // Assert
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=minutes-document]")));
        Assert.Equal("Godkendt og låst (version 1).", cut.Find("[data-testid=minutes-status]").TextContent.Trim());
        Assert.Equal("4. Lukket punkt", cut.Find("[data-testid=minutes-item-4] h3").TextContent);
        Assert.DoesNotContain("Ebbe Korsholm", cut.Markup);
        Assert.DoesNotContain(DemoData.ClosedDemoItemTitle, cut.Markup);
        Assert.Contains("Det er vigtigt, at åbningstiderne", cut.Markup);
        Assert.Equal(["1"], cut.FindAll("[data-testid=minutes-versions] li").Select(li => li.QuerySelector("a")!.TextContent.Replace("Version ", "")));
        Assert.Empty(cut.FindAll("[data-testid=minutes-start]"));
        Assert.Empty(cut.FindAll("[data-testid=minutes-approve]"));
        Assert.Empty(cut.FindAll("[data-testid=minutes-correct]"));
        Assert.Empty(cut.FindAll("[data-testid=minutes-member-approval]"));
        Assert.Empty(cut.FindAll("[data-testid=minutes-comment-input]"));
    }

    private Guid HeldMeetingId()
    {
        using var db = CreateDbContext();
        var council = CouncilId("Udsatterådet");
        return db.Meetings.Where(m => m.CouncilId == council && m.Status == MeetingStatus.Held).Select(m => m.Id).Single();
    }

    private Guid HandicapMeetingId() => MeetingIdWithItem("Ramper og elevatorer på biblioteket");
}
