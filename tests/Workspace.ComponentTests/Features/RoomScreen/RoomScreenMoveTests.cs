using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Data.Entities;
using Workspace.Web.Features.RoomScreen;
using Workspace.Web.Features.Running;

namespace Workspace.ComponentTests.Features.RoomScreen;

/// <summary>The room screen follows the chair as the members' pages do: the move first, then what it reads about the item.</summary>
public sealed class RoomScreenMoveTests : ComponentTestContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task At_next_item_the_screen_shows_the_new_item_before_it_reads_it_and_then_its_timer()
    {
        // Arrange: Handicaprådet's meeting in progress (demo data) on its chair's screen
        var chair = SignInAs("Hanne Winther");
        Guid meetingId;
        await using (var db = CreateDbContext())
        {
            meetingId = await db.Meetings.Where(m => m.Status == MeetingStatus.InProgress && m.Council!.Name == "Handicaprådet")
                .Select(m => m.Id).SingleAsync(Ct);
        }
        var cut = Render<RoomScreenPage>(p => p.Add(x => x.MeetingId, meetingId));
        cut.WaitForElement("[data-testid=screen-timer]");
        string CurrentItem() => cut.Find("[data-testid=screen-current-item]").GetAttribute("data-item-id")!;
        var from = CurrentItem();
        (string Title, bool Timer)? firstShown = null;
        cut.OnMarkupUpdated += (_, _) =>
        {
            if (firstShown is null && CurrentItem() != from)
            {
                firstShown = (cut.Find("[data-testid=screen-item-title]").TextContent, cut.FindAll("[data-testid=screen-timer]").Count > 0);
            }
        };

        // Act
        await Services.GetRequiredService<MeetingRunService>().StepAsync(chair, meetingId, Guid.Parse(from), 1, Ct);

        // Assert: first its title from the agenda the screen holds, before the item is read (no timer yet); then the timer
        cut.WaitForElement("[data-testid=screen-timer]");
        cut.WaitForAssertion(() => Assert.NotEqual(from, CurrentItem()));
        var title = cut.Find("[data-testid=screen-item-title]").TextContent;
        Assert.False(string.IsNullOrWhiteSpace(title));
        Assert.Equal((title, false), firstShown);
    }

    [Fact]
    public async Task At_a_pause_the_screen_announces_a_break_not_an_item_without_a_number()
    {
        // Arrange: Handicaprådet's meeting in progress (demo data), its pause item, on its chair's screen
        var chair = SignInAs("Hanne Winther");
        Guid meetingId, pauseId;
        await using (var db = CreateDbContext())
        {
            var meeting = await db.Meetings.Include(m => m.AgendaItems)
                .SingleAsync(m => m.Status == MeetingStatus.InProgress && m.Council!.Name == "Handicaprådet", Ct);
            meetingId = meeting.Id;
            pauseId = meeting.AgendaItems.Single(i => i.Layout == AgendaItemLayout.Pause).Id;
        }
        var cut = Render<RoomScreenPage>(p => p.Add(x => x.MeetingId, meetingId));
        cut.WaitForElement("[data-testid=screen-timer]");
        var from = Guid.Parse(cut.Find("[data-testid=screen-current-item]").GetAttribute("data-item-id")!);

        // Act
        await Services.GetRequiredService<MeetingRunService>().SetCurrentAsync(chair, meetingId, from, pauseId, Ct);

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("Mødet holder nu pause.", cut.Find("[data-testid=screen-announcer]").TextContent));
    }
}
