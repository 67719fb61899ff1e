using Workspace.ComponentTests.Infrastructure;
using Workspace.Web.Features.Councils;
using Workspace.Web.Features.FollowUps;
using Workspace.Web.Features.Meetings;

namespace Workspace.ComponentTests.Features.FollowUps;

public sealed class FollowUpComponentTests : ComponentTestContext
{
    [Fact]
    public void The_status_item_lists_the_open_follow_ups_with_the_overdue_one_marked_in_words()
    {
        // Arrange
        SignInAs("Mia Kragh");
        var meetingId = MeetingIdWithItem("Status på opfølgning");

        // Act
        var cut = Render<MeetingPage>(p => p.Add(x => x.MeetingId, meetingId));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=followup-status-open] [data-testid=followup]").Count));
        var overdue = Assert.Single(cut.FindAll("[data-testid=followup-status-open] [data-testid=followup][data-overdue=true]"));
        Assert.Contains("Mia Kragh kontakter Frivilligcenteret", overdue.TextContent);
        Assert.Equal("Overskredet", overdue.QuerySelector("[data-testid=followup-overdue]")!.TextContent.Trim());
        Assert.Contains("Forvaltningen", cut.Find("[data-testid=followup-status-open]").TextContent);
        var ended = Assert.Single(cut.FindAll("[data-testid=followup-status-ended] [data-testid=followup]"));
        Assert.Contains("Udført", ended.TextContent);
        Assert.Contains("Høringssvaret blev sendt", ended.TextContent);
        // Mia owns the overdue one: she may update it, and no one else's.
        Assert.NotNull(overdue.QuerySelector("[data-testid=followup-change-status]"));
        Assert.Single(cut.FindAll("[data-testid=followup-status-list] [data-testid=followup-change-status]"));
    }

    [Fact]
    public void A_substitute_reads_the_follow_ups_but_is_offered_no_new_one()
    {
        // Arrange
        SignInAs("Carsten Lykke");
        var meetingId = MeetingIdWithItem("Status på opfølgning");

        // Act
        var cut = Render<MeetingPage>(p => p.Add(x => x.MeetingId, meetingId));

        // Assert
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=followup-status-open] [data-testid=followup]")));
        Assert.Empty(cut.FindAll("[data-testid=followup-new]"));
        Assert.Empty(cut.FindAll("[data-testid=followup-change-status]"));
    }

    [Fact]
    public void A_member_is_offered_a_new_follow_up_on_each_item_but_the_break()
    {
        SignInAs("Mia Kragh");
        var meetingId = MeetingIdWithItem("Status på opfølgning");

        var cut = Render<MeetingPage>(p => p.Add(x => x.MeetingId, meetingId));

        cut.WaitForAssertion(() => Assert.Equal(cut.FindAll("[data-testid=agenda-item]").Count - 1, cut.FindAll("[data-testid=followup-new]").Count));
    }

    [Fact]
    public void Mine_opgaver_on_the_start_page_shows_what_the_person_owns_and_the_reminder_setting()
    {
        // Arrange
        SignInAs("Jens Vestergaard");

        // Act
        var cut = Render<Home>();

        // Assert
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=my-task]")));
        Assert.Contains("Jens Vestergaard skriver til boligforeningerne", cut.Find("[data-testid=my-task]").TextContent);
        Assert.Contains("I gang", cut.Find("[data-testid=my-task]").TextContent);
        Assert.Contains("Send mig påmindelser", cut.Find("[data-testid=reminder-setting]").TextContent);
    }

    [Fact]
    public void The_register_filters_by_overdue()
    {
        // Arrange
        SignInAs("Iben Sørensen");
        var cut = Render<FollowUpRegisterPage>(p => p.Add(x => x.CouncilId, CouncilId("Udsatterådet")));
        cut.WaitForAssertion(() => Assert.Equal(5, cut.FindAll("[data-testid=register-text]").Count));

        // Act
        cut.Find("input[data-testid=filter-overdue], [data-testid=filter-overdue] input").Change(true);

        // Assert
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=register-text]")));
        Assert.Contains("Mia Kragh kontakter", cut.Find("[data-testid=register-text]").TextContent);
        Assert.Equal("Overskredet", cut.Find("[data-testid=followup-overdue]").TextContent.Trim());
    }
}
