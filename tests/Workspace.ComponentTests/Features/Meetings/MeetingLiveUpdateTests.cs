using Microsoft.EntityFrameworkCore;
using Workspace.ComponentTests.Infrastructure;
using Workspace.Data.Entities;
using Workspace.Web.Collaboration;
using Workspace.Web.Features.Attendance;
using Workspace.Web.Features.Meetings;

namespace Workspace.ComponentTests.Features.Meetings;

/// <summary>A change says what changed; an open meeting page reads only that part and renders only the cards it touched.</summary>
public sealed class MeetingLiveUpdateTests : ComponentTestContext
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_remark_on_one_item_reads_only_that_items_remarks_and_renders_only_its_card()
    {
        // Arrange: Mia's page is open; Gitte's remark is stored (as RemarkService does) before the change is published.
        SignInAs("Mia Kragh");
        var hearing = Item(DemoItems.Hearing);
        var cut = await OpenSettledPageAsync(hearing.MeetingId);
        var rendersBefore = CardRenders(cut);
        var gitte = UserFor("Gitte Holmgaard");
        var remark = new Remark { AgendaItemId = hearing.Id, AuthorId = gitte.PersonId!.Value, Text = "Husk også de ældre hjemløse.", CreatedAt = DateTimeOffset.UtcNow };
        await using (var db = CreateDbContext())
        {
            db.Remarks.Add(remark);
            await db.SaveChangesAsync(Ct);
        }
        var commandsBefore = DbCommands.Count;

        // Act
        Publish(new MeetingChange(hearing.MeetingId, MeetingChangeKind.RemarkAdded, hearing.Id, gitte.PersonId, gitte.Name, RemarkId: remark.Id));

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("Husk også de ældre hjemløse.", ItemCard(cut, "6").TextContent));
        Assert.Equal(3, ItemCard(cut, "6").QuerySelectorAll("[data-testid=remark]").Length);
        Assert.Equal(1, DbCommands.Count - commandsBefore);
        AssertOnlyRerendered(cut, rendersBefore, hearing.Id);
        Assert.Equal("Ny bemærkning fra Gitte Holmgaard til punkt 6.", cut.Find("[data-testid=live-announcer]").TextContent.Trim());
    }

    [Fact]
    public async Task A_deleted_remark_disappears_from_its_card_without_reading_the_database()
    {
        // Arrange
        SignInAs("Mia Kragh");
        var hearing = Item(DemoItems.Hearing);
        var cut = await OpenSettledPageAsync(hearing.MeetingId);
        var rendersBefore = CardRenders(cut);
        Remark deleted;
        await using (var db = CreateDbContext())
        {
            deleted = await db.Remarks.Include(r => r.Author).Where(r => r.AgendaItemId == hearing.Id).OrderBy(r => r.Text).FirstAsync(Ct);
            db.Remarks.Remove(deleted);
            await db.SaveChangesAsync(Ct);
        }
        var commandsBefore = DbCommands.Count;

        // Act
        Publish(new MeetingChange(hearing.MeetingId, MeetingChangeKind.RemarkDeleted, hearing.Id, deleted.AuthorId, deleted.Author!.Name, RemarkId: deleted.Id));

        // Assert
        cut.WaitForAssertion(() => Assert.Single(ItemCard(cut, "6").QuerySelectorAll("[data-testid=remark]")));
        Assert.DoesNotContain(deleted.Text, ItemCard(cut, "6").TextContent);
        Assert.Equal(0, DbCommands.Count - commandsBefore);
        AssertOnlyRerendered(cut, rendersBefore, hearing.Id);
    }

    [Fact]
    public async Task A_stored_text_reads_that_one_text_and_renders_only_its_card()
    {
        // Arrange: the secretary's decision on item 4 reached the item (as the co-editing flush writes it).
        SignInAs("Mia Kragh");
        var talk = Item(DemoItems.HousingTalk);
        var cut = await OpenSettledPageAsync(talk.MeetingId);
        var rendersBefore = CardRenders(cut);
        await using (var db = CreateDbContext())
        {
            await db.AgendaItems.Where(i => i.Id == talk.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Decision, "Rådet tager oplægget til efterretning."), Ct);
        }
        var commandsBefore = DbCommands.Count;

        // Act
        Publish(new MeetingChange(talk.MeetingId, MeetingChangeKind.TextChanged, talk.Id, null, null, Field: "Decision"));

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("Rådet tager oplægget til efterretning.", ItemCard(cut, "4").QuerySelector("section.decision")?.TextContent));
        Assert.Equal(1, DbCommands.Count - commandsBefore);
        AssertOnlyRerendered(cut, rendersBefore, talk.Id);
    }

    [Fact]
    public async Task A_text_change_of_an_item_the_viewer_does_not_see_reads_nothing()
    {
        // Arrange: Carsten, a substitute who does not step in, does not see the closed item.
        SignInAs("Carsten Lykke");
        var closed = Item(DemoItems.Closed);
        var cut = await OpenSettledPageAsync(closed.MeetingId);
        var rendersBefore = CardRenders(cut);
        var commandsBefore = DbCommands.Count;

        // Act
        Publish(new MeetingChange(closed.MeetingId, MeetingChangeKind.TextChanged, closed.Id, null, null, Field: "Minutes"));
        await Task.Delay(300, Ct);

        // Assert
        Assert.Equal(0, DbCommands.Count - commandsBefore);
        Assert.Equal(rendersBefore, CardRenders(cut));
        Assert.DoesNotContain(DemoItems.Closed, cut.Markup);
    }

    [Fact]
    public async Task A_poll_change_reads_nothing_for_the_page_and_renders_no_card_again()
    {
        // Arrange
        SignInAs("Mia Kragh");
        var hearing = Item(DemoItems.Hearing);
        var cut = await OpenSettledPageAsync(hearing.MeetingId);
        var rendersBefore = CardRenders(cut);
        var commandsBefore = DbCommands.Count;

        // Act: votes are counted on the item (the notice every 250 ms while a poll is open).
        Publish(new MeetingChange(hearing.MeetingId, MeetingChangeKind.PollChanged, hearing.Id, null, null));
        await Task.Delay(300, Ct);

        // Assert
        Assert.Equal(0, DbCommands.Count - commandsBefore);
        Assert.Equal(rendersBefore, CardRenders(cut));
    }

    [Fact]
    public async Task A_meeting_change_that_changed_nothing_on_the_agenda_renders_no_card_again()
    {
        // Arrange
        SignInAs("Mia Kragh");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        var cut = await OpenSettledPageAsync(meetingId);
        var rendersBefore = CardRenders(cut);
        var commandsBefore = DbCommands.Count;

        // Act: the whole meeting is read again (a meeting change), but no item in it changed.
        Publish(new MeetingChange(meetingId, MeetingChangeKind.MeetingChanged, null, UserFor("Iben Sørensen").PersonId, "Iben Sørensen"));

        // Assert
        cut.WaitForAssertion(() => Assert.Equal("Iben Sørensen ændrede mødet.", cut.Find("[data-testid=live-announcer]").TextContent.Trim()));
        Assert.True(DbCommands.Count > commandsBefore);
        Assert.Equal(rendersBefore, CardRenders(cut));
    }

    [Fact]
    public async Task An_attendance_change_reloads_the_attendance_and_renders_no_card_again()
    {
        // Arrange
        SignInAs("Mia Kragh");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        var cut = await OpenSettledPageAsync(meetingId);
        var rendersBefore = CardRenders(cut);

        // Act: Poul Skovbo sends apologies in his own browser.
        await Services.GetRequiredService<AttendanceService>().RespondAsync(UserFor("Poul Skovbo"), meetingId, InvitationResponse.Apologies, "Ferie", Ct);

        // Assert
        cut.WaitForAssertion(() => Assert.Contains("Afbud", cut.Find("[data-testid=attendee][data-person='Poul Skovbo']").TextContent));
        Assert.Equal(rendersBefore, CardRenders(cut));
    }

    [Fact]
    public async Task A_substitute_whose_call_in_is_confirmed_gets_the_closed_item_and_the_remark_fields_at_once()
    {
        // Arrange: Poul Skovbo sent apologies, so Carsten Lykke (1st substitute) is proposed; his page is open.
        SignInAs("Carsten Lykke");
        var meetingId = MeetingIdWithItem(DemoItems.Hearing);
        var attendance = Services.GetRequiredService<AttendanceService>();
        var iben = UserFor("Iben Sørensen");
        await attendance.RespondAsync(UserFor("Poul Skovbo"), meetingId, InvitationResponse.Apologies, null, Ct);
        var cut = await OpenSettledPageAsync(meetingId);
        Assert.DoesNotContain(DemoItems.Closed, cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=remark-open]"));
        var call = (await attendance.GetOverviewAsync(iben, meetingId, Ct)).Calls.Single();

        // Act
        await attendance.ConfirmCallAsync(iben, call.Id, Ct);

        // Assert: his rights changed with the attendance, so the page read the meeting again with them.
        cut.WaitForAssertion(() => Assert.Contains(DemoItems.Closed, cut.Markup));
        Assert.NotEmpty(cut.FindAll("[data-testid=remark-open]"));
    }

    /// <summary>The page after its first load, with the presence of the viewer's own arrival shown (it renders the page once more).</summary>
    private async Task<IRenderedComponent<MeetingPage>> OpenSettledPageAsync(Guid meetingId)
    {
        var cut = Render<MeetingPage>(p => p.Add(x => x.MeetingId, meetingId));
        cut.WaitForElement("[data-testid=agenda-item]");
        await Task.Delay(500, Ct);
        return cut;
    }

    private void Publish(MeetingChange change) => Services.GetRequiredService<IMeetingNotifier>().Publish(change);

    private static Dictionary<Guid, int> CardRenders(IRenderedComponent<MeetingPage> cut) =>
        cut.FindComponents<AgendaItemCard>().ToDictionary(c => c.Instance.Item.Id, c => c.RenderCount);

    private static void AssertOnlyRerendered(IRenderedComponent<MeetingPage> cut, Dictionary<Guid, int> before, Guid changedItemId)
    {
        var after = CardRenders(cut);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.True(after[changedItemId] > before[changedItemId], "The changed item's card did not render.");
        Assert.Equal(before.Where(b => b.Key != changedItemId), after.Where(a => a.Key != changedItemId));
    }

    private static AngleSharp.Dom.IElement ItemCard(IRenderedComponent<MeetingPage> cut, string number) =>
        cut.Find($"[data-testid=agenda-item][data-item-number='{number}']");
}
