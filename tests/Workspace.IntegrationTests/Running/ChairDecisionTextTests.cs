using Workspace.Data.Entities;
using Workspace.IntegrationTests.FollowUps;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Running;
using static Workspace.IntegrationTests.Infrastructure.TestCancellation;

namespace Workspace.IntegrationTests.Running;

/// <summary>The chair writes the decision live while the meeting runs (#13), and only the decision, and only then.</summary>
public sealed class ChairDecisionTextTests(FollowUpsFactory factory) : IClassFixture<FollowUpsFactory>
{
    private ItemTexts Texts => factory.Service<ItemTexts>();

    [Fact]
    public async Task The_chair_may_write_the_decision_of_a_running_meeting_and_the_text_is_stored()
    {
        // Arrange
        var meeting = await RunMeetings.CreateAsync(factory, MeetingStatus.InProgress, atFirst: true);
        var chair = await factory.UserAsync(DevSignIn.Chair);

        // Act
        var rights = await Texts.RightsAsync(chair, meeting.Meeting, meeting.First, ItemText.Decision, Ct);
        var opened = await Texts.OpenAsync(chair, meeting.Meeting, meeting.First, ItemText.Decision, Ct);
        await Texts.SubmitAsync(chair, rights, opened.Revision, TextOperation.Insert(opened.Text.Length, "Rådet godkendte dagsordenen."), "chair-tab", 1, Ct);

        // Assert
        Assert.True(rights.CanEdit);
        Assert.True(opened.CanEdit);
        var reopened = await Texts.OpenAsync(chair, meeting.Meeting, meeting.First, ItemText.Decision, Ct);
        Assert.EndsWith("Rådet godkendte dagsordenen.", reopened.Text);
    }

    [Theory]
    [InlineData(ItemText.Background)]
    [InlineData(ItemText.Minutes)]
    public async Task The_chair_may_not_write_the_other_texts_of_a_running_meeting(ItemText text)
    {
        // Arrange
        var meeting = await RunMeetings.CreateAsync(factory, MeetingStatus.InProgress, atFirst: true);
        var chair = await factory.UserAsync(DevSignIn.Chair);

        // Act
        var rights = await Texts.RightsAsync(chair, meeting.Meeting, meeting.First, text, Ct);

        // Assert
        Assert.False(rights.CanEdit);
        await Assert.ThrowsAsync<AccessDeniedException>(() =>
            Texts.SubmitAsync(chair, rights, 0, TextOperation.Insert(0, "x"), "chair-tab", 1, Ct));
    }

    [Fact]
    public async Task Once_the_meeting_has_ended_the_chair_no_longer_writes_the_decision_and_a_member_never_did()
    {
        // Arrange
        var meeting = await RunMeetings.CreateAsync(factory, MeetingStatus.InProgress, atFirst: true);
        var chair = await factory.UserAsync(DevSignIn.Chair);
        var member = await factory.UserAsync(DevSignIn.Member);
        var memberWhileRunning = await Texts.RightsAsync(member, meeting.Meeting, meeting.First, ItemText.Decision, Ct);

        // Act
        await factory.Service<MeetingRunService>().EndAsync(chair, meeting.Meeting, Ct);
        var chairAfterEnd = await Texts.RightsAsync(chair, meeting.Meeting, meeting.First, ItemText.Decision, Ct);

        // Assert
        Assert.False(memberWhileRunning.CanEdit);
        Assert.False(chairAfterEnd.CanEdit);
    }
}
