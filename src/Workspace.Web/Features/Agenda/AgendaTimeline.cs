using Workspace.Data.Entities;

namespace Workspace.Web.Features.Agenda;

/// <summary>One item's place in time: when it starts and ends by the allotted minutes of what comes before.</summary>
public readonly record struct TimeSlot(DateTimeOffset Start, DateTimeOffset End, bool TakesTime);

/// <summary>The agenda's timetable and how far it runs past the meeting's end.</summary>
public sealed record AgendaTimetable(IReadOnlyDictionary<Guid, TimeSlot> Slots, DateTimeOffset PlannedEnd, TimeSpan Overrun)
{
    public bool RunsOver => Overrun > TimeSpan.Zero;
}

/// <summary>An item as the timeline sees it, in agenda order (main item before its sub-items).</summary>
public readonly record struct TimedItem(Guid Id, Guid? ParentId, int? AllottedMinutes, AgendaItemStatus Status);

/// <summary>
/// Clock times from the meeting start and each item's allotted minutes. Sub-items run inside their main
/// item, one after another; a main item lasts its own minutes or its sub-items' total, whichever is longer.
/// Withdrawn and postponed items take no time.
/// </summary>
public static class AgendaTimeline
{
    public static AgendaTimetable Compute(DateTimeOffset meetingStart, DateTimeOffset meetingEnd, IReadOnlyList<TimedItem> itemsInOrder)
    {
        var slots = new Dictionary<Guid, TimeSlot>();
        var subItems = itemsInOrder.Where(i => i.ParentId is not null).ToLookup(i => i.ParentId!.Value);
        var clock = meetingStart;
        foreach (var main in itemsInOrder.Where(i => i.ParentId is null))
        {
            var subClock = clock;
            foreach (var sub in subItems[main.Id])
            {
                var subMinutes = MinutesOf(sub, main);
                slots[sub.Id] = new TimeSlot(subClock, subClock.AddMinutes(subMinutes), TakesTime(sub, main));
                subClock = subClock.AddMinutes(subMinutes);
            }
            var ownMinutes = MinutesOf(main, null);
            var mainEnd = Max(clock.AddMinutes(ownMinutes), subClock);
            slots[main.Id] = new TimeSlot(clock, mainEnd, TakesTime(main, null));
            clock = mainEnd;
        }
        var overrun = clock > meetingEnd ? clock - meetingEnd : TimeSpan.Zero;
        return new AgendaTimetable(slots, clock, overrun);
    }

    private static bool TakesTime(TimedItem item, TimedItem? parent) =>
        item.Status is not (AgendaItemStatus.Withdrawn or AgendaItemStatus.Postponed)
        && parent?.Status is not (AgendaItemStatus.Withdrawn or AgendaItemStatus.Postponed);

    private static int MinutesOf(TimedItem item, TimedItem? parent) => TakesTime(item, parent) ? item.AllottedMinutes ?? 0 : 0;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
