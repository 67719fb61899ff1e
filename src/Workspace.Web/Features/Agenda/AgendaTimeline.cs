using Workspace.Data.Entities;

namespace Workspace.Web.Features.Agenda;

/// <summary>
/// One entry's place in time: when it starts and ends by the allotted minutes of what comes before. A time is only
/// known while every entry before it has minutes: after an item without minutes the clock is unknown.
/// </summary>
public readonly record struct TimeSlot(DateTimeOffset Start, DateTimeOffset End, bool TakesTime, bool StartKnown = true, bool EndKnown = true);

/// <summary>
/// The agenda's timetable and how far it runs past the meeting's end. With <see cref="UntimedItems"/> above zero the
/// planned end counts only the minutes that are known: the agenda ends then at the earliest.
/// </summary>
public sealed record AgendaTimetable(IReadOnlyDictionary<Guid, TimeSlot> Slots, DateTimeOffset PlannedEnd, TimeSpan Overrun, int UntimedItems = 0)
{
    public bool RunsOver => Overrun > TimeSpan.Zero;

    /// <summary>True when every entry that takes time has minutes, so the planned end is the end.</summary>
    public bool IsComplete => UntimedItems == 0;
}

/// <summary>An entry as the timeline sees it, in agenda order (main item before its sub-items).</summary>
public readonly record struct TimedItem(Guid Id, Guid? ParentId, int? AllottedMinutes, AgendaItemStatus Status,
    AgendaItemLayout Layout = AgendaItemLayout.Numbered);

/// <summary>
/// Clock times from the meeting start and each item's allotted minutes. Sub-items run inside their main
/// item, one after another; a main item lasts its own minutes or its sub-items' total, whichever is longer.
/// Withdrawn and postponed items and section headings take no time; a pause takes its minutes.
/// </summary>
public static class AgendaTimeline
{
    public static AgendaTimetable Compute(DateTimeOffset meetingStart, DateTimeOffset meetingEnd, IReadOnlyList<TimedItem> itemsInOrder)
    {
        var slots = new Dictionary<Guid, TimeSlot>();
        var subItems = itemsInOrder.Where(i => i.ParentId is not null).ToLookup(i => i.ParentId!.Value);
        var clock = meetingStart;
        var clockKnown = true;
        var untimed = 0;
        foreach (var main in itemsInOrder.Where(i => i.ParentId is null))
        {
            if (main.Layout == AgendaItemLayout.Section)
            {
                slots[main.Id] = new TimeSlot(clock, clock, false, clockKnown, clockKnown);
                continue;
            }
            var subClock = clock;
            var subClockKnown = clockKnown;
            var anySubMinutes = false;
            var allSubsKnown = true;
            foreach (var sub in subItems[main.Id])
            {
                var subMinutes = MinutesOf(sub, main);
                var subKnown = sub.AllottedMinutes is not null || !TakesTime(sub, main);
                anySubMinutes |= sub.AllottedMinutes is not null && TakesTime(sub, main);
                slots[sub.Id] = new TimeSlot(subClock, subClock.AddMinutes(subMinutes), TakesTime(sub, main), subClockKnown, subClockKnown && subKnown);
                subClock = subClock.AddMinutes(subMinutes);
                subClockKnown &= subKnown;
                allSubsKnown &= subKnown;
            }
            var ownMinutes = MinutesOf(main, null);
            var mainEnd = Max(clock.AddMinutes(ownMinutes), subClock);
            var takesTime = TakesTime(main, null);
            var durationKnown = !takesTime || main.AllottedMinutes is not null || (anySubMinutes && allSubsKnown);
            if (!durationKnown)
            {
                untimed++;
            }
            slots[main.Id] = new TimeSlot(clock, mainEnd, takesTime, clockKnown, clockKnown && durationKnown);
            clock = mainEnd;
            clockKnown &= durationKnown;
        }
        var overrun = clock > meetingEnd ? clock - meetingEnd : TimeSpan.Zero;
        return new AgendaTimetable(slots, clock, overrun, untimed);
    }

    private static bool TakesTime(TimedItem item, TimedItem? parent) =>
        item.Layout != AgendaItemLayout.Section
        && item.Status is not (AgendaItemStatus.Withdrawn or AgendaItemStatus.Postponed)
        && parent?.Status is not (AgendaItemStatus.Withdrawn or AgendaItemStatus.Postponed);

    private static int MinutesOf(TimedItem item, TimedItem? parent) => TakesTime(item, parent) ? item.AllottedMinutes ?? 0 : 0;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
