using Workspace.ComponentTests.Infrastructure;
using Workspace.Data.Entities;
using Workspace.Web.Features.Minutes;

namespace Workspace.ComponentTests.Features.Minutes;

/// <summary>The minutes' small parts: a group of people in the attendance, and the approval by each member's "Godkend".</summary>
public sealed class MinutesPartsTests : ComponentTestContext
{
    [Fact]
    public void A_people_group_lists_its_people_under_its_title_and_is_left_out_when_empty()
    {
        // Act
        var group = Render<MinutesPeopleGroup>(p => p.Add(x => x.Title, "Afbud").Add(x => x.People, ["Danny Mølgaard (Brugerrepræsentant)", "Leni Dahlgaard"]).Add(x => x.TestId, "apologies"));
        var empty = Render<MinutesPeopleGroup>(p => p.Add(x => x.Title, "Gæster").Add(x => x.People, Array.Empty<string>()).Add(x => x.TestId, "guests"));

        // Assert
        Assert.Equal("Afbud", group.Find("[data-testid=apologies] .minutes-subheading").TextContent);
        Assert.Equal(["Danny Mølgaard (Brugerrepræsentant)", "Leni Dahlgaard"], group.FindAll("li").Select(li => li.TextContent));
        Assert.Equal("", empty.Markup.Trim());
    }

    [Fact]
    public void The_approval_panel_is_absent_when_the_next_meeting_approves_and_the_reader_cannot_choose()
    {
        // Act
        var cut = Render<MinutesMemberApprovalPanel>(p => p.Add(x => x.Approval, new MinutesMemberApproval(false, [])).Add(x => x.Status, MinutesStatus.InCirculation));

        // Assert
        Assert.Empty(cut.FindAll("[data-testid=minutes-member-approval]"));
    }

    [Fact]
    public void Everyone_sees_who_has_approved_and_the_one_still_to_approve_gets_the_button()
    {
        // Arrange
        var approved = new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);
        var approval = new MinutesMemberApproval(true,
        [
            new(Guid.NewGuid(), "Gitte Holmgaard", approved),
            new(Guid.NewGuid(), "Mia Kragh", null),
        ]);
        var clicked = 0;

        // Act
        var cut = Render<MinutesMemberApprovalPanel>(p => p
            .Add(x => x.Approval, approval)
            .Add(x => x.Status, MinutesStatus.InCirculation)
            .Add(x => x.CanApprove, true)
            .Add(x => x.OnApprove, () => clicked++));
        cut.Find("[data-testid=minutes-member-approve]").Click();

        // Assert
        Assert.Equal("1 af 2 har godkendt.", cut.Find("[data-testid=minutes-member-approval-progress]").TextContent.Trim());
        var rows = cut.FindAll("[data-testid=minutes-approver]");
        Assert.Equal("Gitte Holmgaard: godkendt tirsdag den 1. december 2026 kl. 10.30", Normalize(rows[0].TextContent));
        Assert.Equal("Mia Kragh: mangler", Normalize(rows[1].TextContent));
        Assert.Equal(1, clicked);
        Assert.Empty(cut.FindAll("[data-testid=minutes-member-approval-switch]"));
    }

    [Fact]
    public void The_administration_switches_approval_by_the_members_on_and_sees_the_rule()
    {
        // Arrange
        bool? chosen = null;

        // Act
        var cut = Render<MinutesMemberApprovalPanel>(p => p
            .Add(x => x.Approval, new MinutesMemberApproval(false, []))
            .Add(x => x.Status, MinutesStatus.Draft)
            .Add(x => x.CanChoose, true)
            .Add(x => x.OnChoose, (bool v) => chosen = v));
        cut.Find("input[data-testid=minutes-member-approval-switch], [data-testid=minutes-member-approval-switch] input").Change(true);

        // Assert
        Assert.True(chosen);
        Assert.Contains("Når alle har godkendt, er referatet godkendt og låst.", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=minutes-member-approve]"));
    }

    [Fact]
    public void Without_anyone_to_approve_the_panel_says_the_next_meeting_approves()
    {
        // Act
        var cut = Render<MinutesMemberApprovalPanel>(p => p.Add(x => x.Approval, new MinutesMemberApproval(true, [])).Add(x => x.Status, MinutesStatus.InCirculation));

        // Assert
        Assert.Contains("godkendes på næste møde", cut.Find("[data-testid=minutes-member-approval-progress]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=minutes-approver]"));
    }

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
