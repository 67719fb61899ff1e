using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Data.Entities;
using Workspace.Web.Features.Votes;

namespace Workspace.ComponentTests.Features.Votes;

public sealed class PollComponentTests : ComponentTestContext
{
    private const string Question = "Skal rådet anbefale forslaget?";

    [Fact]
    public async Task Each_choice_button_names_the_choice_and_the_question_and_the_own_vote_is_confirmed_in_words()
    {
        // Arrange: the next meeting runs, at the hearing; Mia is registered present; the chair opened a vote
        var (meetingId, _) = Running(DemoItems.Hearing, "Mia Kragh", "Gitte Holmgaard");
        var mia = SignInAs("Mia Kragh");
        await OpenPollAsync(meetingId, new PollInput { Question = Question, Kind = PollKind.Motion, IsSecret = true });
        var cut = Render<PollPanel>(p => p.Add(x => x.MeetingId, meetingId).Add(x => x.User, mia));
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=vote-choice]").Count));

        // Act
        var labels = cut.FindAll("[data-testid=vote-choice]").Select(b => b.GetAttribute("aria-label")).ToList();
        cut.FindAll("[data-testid=vote-choice]")[0].Click();

        // Assert
        Assert.Equal([$"For: {Question}", $"Imod: {Question}", $"Undlader: {Question}"], labels);
        cut.WaitForAssertion(() => Assert.Equal("Du har stemt for.", cut.Find("[data-testid=poll-voted]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("[data-testid=vote-choice]"));
        Assert.Equal("Du har stemt for.", cut.Find("[data-testid=poll-announcer]").TextContent.Trim());
        Assert.Contains("1 af 2 har stemt", cut.Find("[data-testid=poll-status]").TextContent);
        // The pressed button is gone: the keyboard is put on the confirmation, not left at the top of the page.
        var focused = JSInterop.VerifyFocusAsyncInvoke();
        Assert.Equal(cut.Find("[data-testid=poll-voted]").GetAttribute("blazor:elementReference"), focused.Arguments[0] is ElementReference e ? e.Id : null);
    }

    [Fact]
    public async Task After_a_reload_a_secret_vote_says_only_that_one_voted()
    {
        // Arrange
        var (meetingId, _) = Running(DemoItems.Hearing, "Mia Kragh");
        var mia = SignInAs("Mia Kragh");
        var pollId = await OpenPollAsync(meetingId, new PollInput { Question = Question, Kind = PollKind.Motion, IsSecret = true });
        await Services.GetRequiredService<PollService>().VoteAsync(mia, pollId, PollBallot.Against, Xunit.TestContext.Current.CancellationToken);

        // Act: a new page
        var cut = Render<PollPanel>(p => p.Add(x => x.MeetingId, meetingId).Add(x => x.User, mia));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("Du har stemt.", cut.Find("[data-testid=poll-voted]").TextContent.Trim()));
        Assert.DoesNotContain("Du har stemt imod", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=vote-choice]"));
    }

    [Fact]
    public async Task A_substitute_not_called_in_sees_the_progress_but_no_choice_buttons()
    {
        var (meetingId, _) = Running(DemoItems.Hearing, "Mia Kragh", "Carsten Lykke");
        var carsten = SignInAs("Carsten Lykke");
        await OpenPollAsync(meetingId, new PollInput { Question = Question, Kind = PollKind.Motion });

        var cut = Render<PollPanel>(p => p.Add(x => x.MeetingId, meetingId).Add(x => x.User, carsten));

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=poll-not-eligible]")));
        Assert.Empty(cut.FindAll("[data-testid=vote-choice]"));
        Assert.Contains("0 af 1 har stemt", cut.Find("[data-testid=poll-status]").TextContent);
    }

    [Fact]
    public void The_chairs_new_vote_without_a_question_is_refused_next_to_the_field_and_nothing_is_created()
    {
        // Arrange
        var (meetingId, _) = Running(DemoItems.Hearing, "Gitte Holmgaard");
        var chair = SignInAs("Gitte Holmgaard");
        var cut = Render<PollPanel>(p => p.Add(x => x.MeetingId, meetingId).Add(x => x.User, chair));
        cut.WaitForAssertion(() => cut.Find("[data-testid=poll-new]").Click());

        // Act: submit without a question
        cut.Find("[data-testid=poll-form]").Submit();

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("Skriv spørgsmålet, der stemmes om.", cut.Markup));
        using var db = CreateDbContext();
        Assert.False(db.Polls.Any(p => p.MeetingId == meetingId));
    }

    [Fact]
    public async Task The_room_screen_shows_progress_of_a_vote_on_a_closed_item_only_to_a_screen_allowed_closed_items()
    {
        // Arrange: the meeting is at its closed item, where the chair opened a vote
        var (meetingId, itemId) = Running(DemoItems.Closed, "Mia Kragh", "Gitte Holmgaard");
        await OpenPollAsync(meetingId, new PollInput { Question = Question, Kind = PollKind.Motion, IsSecret = true });

        // Act
        var allowed = Render<PollOnScreen>(p => p.Add(x => x.MeetingId, meetingId).Add(x => x.ItemId, itemId).Add(x => x.ShowClosedItems, true));
        var notAllowed = Render<PollOnScreen>(p => p.Add(x => x.MeetingId, meetingId).Add(x => x.ItemId, itemId).Add(x => x.ShowClosedItems, false));

        // Assert
        allowed.WaitForAssertion(() => Assert.Equal("0 af 2 har stemt", allowed.Find("[data-testid=screen-poll-progress]").TextContent.Trim()));
        Assert.Equal(Question, allowed.Find("h2").TextContent.Trim());
        Assert.Empty(notAllowed.FindAll("[data-testid=screen-poll]"));
        Assert.DoesNotContain(Question, notAllowed.Markup);
    }

    [Fact]
    public async Task The_room_screen_shows_the_result_in_large_type_once_closed()
    {
        var (meetingId, itemId) = Running(DemoItems.Hearing, "Mia Kragh", "Gitte Holmgaard");
        var polls = Services.GetRequiredService<PollService>();
        var pollId = await OpenPollAsync(meetingId, new PollInput { Question = Question, Kind = PollKind.Motion });
        await polls.VoteAsync(UserFor("Mia Kragh"), pollId, PollBallot.For, Xunit.TestContext.Current.CancellationToken);
        var cut = Render<PollOnScreen>(p => p.Add(x => x.MeetingId, meetingId).Add(x => x.ItemId, itemId).Add(x => x.ShowClosedItems, false));
        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=screen-poll-progress]")));

        await polls.CloseAsync(UserFor("Gitte Holmgaard"), pollId, Xunit.TestContext.Current.CancellationToken);

        cut.WaitForAssertion(() => Assert.Equal("Forslaget er vedtaget.", cut.Find("[data-testid=screen-poll-outcome]").TextContent.Trim()));
        Assert.Equal("For 1, imod 0, undlader 0", cut.Find("[data-testid=screen-poll-counts]").TextContent.Trim());
        Assert.Contains("Mia Kragh: For", cut.Markup);
        Assert.Contains("mud-typography-h2", cut.Find("[data-testid=screen-poll-outcome]").ClassName);
    }

    [Fact]
    public async Task A_member_with_no_vote_on_the_item_gets_no_render_at_a_move_and_the_panel_still_shows_a_vote_when_one_opens()
    {
        // Arrange: the meeting runs at the hearing, without a vote; Mia's panel shows nothing
        var (meetingId, itemId) = Running(DemoItems.Hearing, "Mia Kragh", "Gitte Holmgaard");
        var cut = Render<PollPanel>(p => p.Add(x => x.MeetingId, meetingId).Add(x => x.User, SignInAs("Mia Kragh")));
        var rendersBefore = cut.RenderCount;
        var notifier = Services.GetRequiredService<Workspace.Web.Collaboration.IMeetingNotifier>();

        // Act: the chair moves on twice (the change every open page hears)
        notifier.Publish(new Workspace.Web.Collaboration.MeetingChange(meetingId, Workspace.Web.Collaboration.MeetingChangeKind.RunChanged, itemId, null, null));
        notifier.Publish(new Workspace.Web.Collaboration.MeetingChange(meetingId, Workspace.Web.Collaboration.MeetingChangeKind.RunChanged, itemId, null, null));
        await Task.Delay(300, Xunit.TestContext.Current.CancellationToken);
        var rendersAfterMoves = cut.RenderCount;
        var panelsAfterMoves = cut.FindAll("[data-testid=poll-panel]").Count;
        await OpenPollAsync(meetingId, new PollInput { Question = Question, Kind = PollKind.Motion });

        // Assert
        Assert.Equal(rendersBefore, rendersAfterMoves);
        Assert.Equal(0, panelsAfterMoves);
        cut.WaitForAssertion(() => Assert.Equal(3, cut.FindAll("[data-testid=vote-choice]").Count));
    }

    /// <summary>Starts the next Udsatterådet meeting at an item, with these people registered present.</summary>
    private (Guid MeetingId, Guid ItemId) Running(string itemTitle, params string[] present)
    {
        var item = Item(itemTitle);
        using var db = CreateDbContext();
        var meeting = db.Meetings.Include(m => m.Attendances).Single(m => m.Id == item.MeetingId);
        meeting.Status = MeetingStatus.InProgress;
        meeting.StartedAt = DateTimeOffset.UtcNow;
        meeting.CurrentItemId = item.Id;
        meeting.CurrentItemSince = DateTimeOffset.UtcNow;
        foreach (var person in db.People.Include(p => p.Memberships).Where(p => present.Contains(p.Name)).ToList())
        {
            var role = person.Memberships.Any(m => m.Kind == MembershipKind.Member) ? AttendanceRole.Member : AttendanceRole.Substitute;
            var row = meeting.Attendances.FirstOrDefault(a => a.PersonId == person.Id);
            if (row is null)
            {
                row = new Workspace.Data.Entities.Attendance { MeetingId = meeting.Id, PersonId = person.Id, Role = role };
                db.Attendances.Add(row);
            }
            row.Presence = PresenceStatus.Present;
            row.LeftAt = null;
        }
        db.SaveChanges();
        return (meeting.Id, item.Id);
    }

    private async Task<Guid> OpenPollAsync(Guid meetingId, PollInput input)
    {
        var polls = Services.GetRequiredService<PollService>();
        var chair = UserFor("Gitte Holmgaard");
        var id = await polls.CreateAsync(chair, meetingId, input, Xunit.TestContext.Current.CancellationToken);
        await polls.OpenAsync(chair, id, Xunit.TestContext.Current.CancellationToken);
        return id;
    }
}
