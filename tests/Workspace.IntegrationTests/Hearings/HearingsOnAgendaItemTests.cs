using Microsoft.EntityFrameworkCore;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Collaboration;
using Workspace.Web.Features.Hearings;
using Workspace.Web.Features.Meetings;

namespace Workspace.IntegrationTests.Hearings;

/// <summary>
/// The meeting page's agenda item lists the hearings discussed at it (#14): each with its status and deadlines, for
/// every reader of the item; a closed item's hearings only for who sees the item; the meeting's pages hear of a change.
/// </summary>
public sealed class HearingsOnAgendaItemTests(WorkspaceFactory factory) : IClassFixture<WorkspaceFactory>
{
    [Theory]
    [InlineData(DevSignIn.Administration, true)]
    [InlineData(DevSignIn.Chair, true)]
    [InlineData(DevSignIn.Member, true)]
    [InlineData(DevSignIn.Substitute, false)]
    public async Task An_item_lists_its_hearings_and_a_closed_items_only_for_who_sees_the_item(string person, bool seesClosedItems)
    {
        // Arrange: one hearing on the open item and on the closed one, another only on the closed one
        var ids = await DemoIds.LoadAsync(factory);
        var hearings = factory.Service<HearingService>();
        var secretary = await factory.UserAsync(DevSignIn.Administration);
        var both = await hearings.CreateAsync(secretary, ids.Udsatteraadet, Input($"På begge punkter {Guid.NewGuid():N}", ids.OpenItem, 30), Ct);
        await hearings.LinkItemAsync(secretary, both, ids.ClosedItem, false, Ct);
        var closedOnly = await hearings.CreateAsync(secretary, ids.Udsatteraadet, Input($"Kun på det lukkede {Guid.NewGuid():N}", ids.ClosedItem, 20), Ct);
        await hearings.StartDraftingAsync(secretary, closedOnly, Ct);

        // Act
        var meeting = await factory.Service<MeetingService>().GetMeetingAsync(await factory.UserAsync(person), ids.NextMeeting, Ct);

        // Assert
        var open = meeting.Items.Single(i => i.Id == ids.OpenItem);
        var shown = Assert.Single(open.Hearings!, h => h.Id == both);
        Assert.Equal(HearingStatus.Open, shown.Status);
        Assert.Equal(Today.AddDays(30), shown.Deadline);
        Assert.Equal(Today.AddDays(14), shown.RemarksDeadline);
        var everyHearing = meeting.Items.SelectMany(i => i.Hearings ?? []).Select(h => h.Id).ToList();
        Assert.Equal(seesClosedItems, everyHearing.Contains(closedOnly));
        if (seesClosedItems)
        {
            var closed = meeting.Items.Single(i => i.Id == ids.ClosedItem);
            // The earliest deadline first (the other rows of this theory add hearings of their own to the item).
            var mine = closed.Hearings!.Where(h => h.Id == closedOnly || h.Id == both).ToList();
            Assert.Equal([closedOnly, both], mine.Select(h => h.Id));
            Assert.Equal(HearingStatus.Drafting, mine[0].Status);
        }
        else
        {
            Assert.DoesNotContain(meeting.Items, i => i.Id == ids.ClosedItem);
        }
    }

    [Fact]
    public async Task The_meetings_pages_hear_when_a_hearing_is_linked_changes_and_is_unlinked()
    {
        // Arrange
        var ids = await DemoIds.LoadAsync(factory);
        var hearings = factory.Service<HearingService>();
        var secretary = await factory.UserAsync(DevSignIn.Administration);
        var hearingId = await hearings.CreateAsync(secretary, ids.Udsatteraadet, Input($"Lyttes der {Guid.NewGuid():N}", null, 30), Ct);
        var heard = new List<MeetingChange>();
        var next = new SemaphoreSlim(0);
        using var subscription = factory.Service<IMeetingNotifier>().Subscribe(ids.NextMeeting, change =>
        {
            if (change.Kind == MeetingChangeKind.HearingsChanged)
            {
                lock (heard)
                {
                    heard.Add(change);
                }
                next.Release();
            }
            return Task.CompletedTask;
        });

        // Act
        await hearings.LinkItemAsync(secretary, hearingId, ids.OpenItem, false, Ct);
        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10), Ct));
        await hearings.StartDraftingAsync(secretary, hearingId, Ct);
        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10), Ct));
        await hearings.UnlinkItemAsync(secretary, hearingId, ids.OpenItem, Ct);
        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10), Ct));

        // Assert: each with the item, so that readers who may not see the item hear nothing (MeetingFeed)
        lock (heard)
        {
            Assert.Equal(3, heard.Count);
            Assert.All(heard, c => Assert.Equal(ids.OpenItem, c.AgendaItemId));
        }
        var meeting = await factory.Service<MeetingService>().GetMeetingAsync(secretary, ids.NextMeeting, Ct);
        Assert.DoesNotContain(meeting.Items.SelectMany(i => i.Hearings ?? []), h => h.Id == hearingId);
    }

    // The app counts days in Copenhagen; the test machine runs in UTC.
    private static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Copenhagen")).DateTime);

    private static HearingInput Input(string title, Guid? itemId, int days) => new()
    {
        Title = title,
        Sender = "Beskæftigelses- og Socialudvalget",
        Deadline = Today.AddDays(days),
        RemarksDeadline = Today.AddDays(14),
        AgendaItemId = itemId,
    };
}
