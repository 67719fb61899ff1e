using Workspace.Web.Collaboration.CoEditing;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Features.Meetings;

/// <summary>
/// A shown meeting with one part replaced. Every method returns the same instance when nothing the viewer sees changed,
/// and keeps the instances of untouched items, so the page can skip rendering and the cards skip theirs.
/// </summary>
public static class MeetingUpdates
{
    /// <summary>A fresh read of the whole meeting, keeping the shown instance of every item that did not change.</summary>
    public static MeetingDetails ReuseUnchanged(MeetingDetails? shown, MeetingDetails fresh)
    {
        if (shown is null || shown.Id != fresh.Id)
        {
            // Other pages of the same meeting read equal items: keep one of each for all of them.
            return fresh with { Items = SharedInstances.Each(fresh.Items) };
        }
        var before = shown.Items.ToDictionary(i => i.Id);
        var reused = fresh with
        {
            Items = fresh.Items.Select(i => before.TryGetValue(i.Id, out var old) && old == i ? old : SharedInstances.Of(i)).ToValueList(),
        };
        return reused == shown ? shown : reused;
    }

    /// <summary>The meeting with a text of one item as stored now; an item that became closed leaves a viewer who may not see closed items.</summary>
    public static MeetingDetails WithText(MeetingDetails meeting, Guid itemId, StoredText? text)
    {
        if (text is null)
        {
            return meeting;
        }
        if (text.ItemIsClosed && !meeting.Rights.CanSeeClosedItems)
        {
            return Without(meeting, itemId);
        }
        var value = string.IsNullOrWhiteSpace(text.Value) ? null : text.Value;
        return Replace(meeting, itemId, item => text.Field switch
        {
            ItemText.Background => item with { Background = value },
            ItemText.Decision => item with { Decision = value },
            _ => item with { Minutes = value },
        });
    }

    /// <summary>The meeting with one item's remarks as stored now, seen by <paramref name="viewerId"/>.</summary>
    public static MeetingDetails WithRemarks(MeetingDetails meeting, Guid itemId, IReadOnlyList<StoredRemark> remarks, Guid? viewerId) =>
        Replace(meeting, itemId, item => item with { Remarks = remarks.Select(r => r.ViewFor(viewerId)).ToValueList() });

    /// <summary>The meeting without a deleted remark: the change says which, so there is nothing to read.</summary>
    public static MeetingDetails WithoutRemark(MeetingDetails meeting, Guid itemId, Guid remarkId) =>
        Replace(meeting, itemId, item => item with { Remarks = item.Remarks.Where(r => r.Id != remarkId).ToValueList() });

    private static MeetingDetails Replace(MeetingDetails meeting, Guid itemId, Func<AgendaItemView, AgendaItemView> change)
    {
        var item = meeting.Items.FirstOrDefault(i => i.Id == itemId);
        if (item is null)
        {
            return meeting;
        }
        var changed = change(item);
        return changed == item
            ? meeting
            : meeting with { Items = meeting.Items.Select(i => i.Id == itemId ? changed : i).ToValueList() };
    }

    private static MeetingDetails Without(MeetingDetails meeting, Guid itemId) =>
        meeting.Items.Any(i => i.Id == itemId)
            ? meeting with { Items = meeting.Items.Where(i => i.Id != itemId).ToValueList() }
            : meeting;
}
