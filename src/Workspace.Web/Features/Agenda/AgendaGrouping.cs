using Workspace.Data.Entities;

namespace Workspace.Web.Features.Agenda;

/// <summary>A main entry of the agenda as grouping sees it.</summary>
public sealed record GroupedEntry(Guid Id, AgendaItemLayout Layout, AgendaItemPlacement Placement, AgendaItemKind Kind, string Title);

/// <summary>
/// The new order of the main entries; an entry with a <see cref="NewSectionTitle"/> is a heading to be created with that id.
/// </summary>
public readonly record struct GroupedPlace(Guid Id, string? NewSectionTitle = null);

/// <summary>What "group by kind" does: the main entries in their new order, and the headings that are no longer used.</summary>
public sealed record GroupingPlan(IReadOnlyList<GroupedPlace> Order, IReadOnlyList<Guid> RemovedSections);

/// <summary>
/// "Gruppér efter type": items under one heading per kind (decisions, information, discussions, hearings, working session)
/// in that order, the start items (approval of agenda and minutes) before them and the end items after. Headings named
/// like a kind are reused; other headings go. A pause keeps its place in the run of items: after as many items as before.
/// </summary>
public static class AgendaGrouping
{
    public static IReadOnlyList<AgendaItemKind> KindOrder { get; } =
        [AgendaItemKind.Decision, AgendaItemKind.Information, AgendaItemKind.Discussion, AgendaItemKind.Hearing, AgendaItemKind.WorkingSession];

    public static GroupingPlan Plan(IReadOnlyList<GroupedEntry> mainEntriesInOrder, Func<AgendaItemKind, string> sectionTitle)
    {
        var sections = mainEntriesInOrder.Where(e => e.Layout == AgendaItemLayout.Section).ToList();
        var pauses = new List<(GroupedEntry Pause, int ItemsBefore)>();
        var itemsSoFar = 0;
        foreach (var entry in mainEntriesInOrder)
        {
            if (IsPause(entry))
            {
                pauses.Add((entry, itemsSoFar));
            }
            else if (entry.Layout == AgendaItemLayout.Numbered)
            {
                itemsSoFar++;
            }
        }
        var items = mainEntriesInOrder.Where(e => e.Layout == AgendaItemLayout.Numbered && !IsPause(e)).ToList();

        var order = new List<GroupedPlace>();
        order.AddRange(items.Where(i => i.Placement == AgendaItemPlacement.Start).Select(i => new GroupedPlace(i.Id)));
        var reused = new HashSet<Guid>();
        foreach (var kind in KindOrder)
        {
            var group = items.Where(i => i.Placement == AgendaItemPlacement.Free && Group(i.Kind) == kind).ToList();
            if (group.Count == 0)
            {
                continue;
            }
            var title = sectionTitle(kind);
            var existing = sections.FirstOrDefault(s => !reused.Contains(s.Id) && string.Equals(s.Title.Trim(), title, StringComparison.CurrentCultureIgnoreCase));
            if (existing is not null)
            {
                reused.Add(existing.Id);
                order.Add(new GroupedPlace(existing.Id));
            }
            else
            {
                order.Add(new GroupedPlace(Guid.NewGuid(), title));
            }
            order.AddRange(group.Select(i => new GroupedPlace(i.Id)));
        }
        order.AddRange(items.Where(i => i.Placement == AgendaItemPlacement.End).Select(i => new GroupedPlace(i.Id)));

        // Later pauses first, so that the positions counted for the earlier ones stay right.
        var numbered = order.Select(p => p.NewSectionTitle is null && items.Any(i => i.Id == p.Id)).ToList();
        foreach (var (pause, itemsBefore) in pauses.OrderByDescending(p => p.ItemsBefore))
        {
            var index = itemsBefore == 0 ? 0 : IndexAfterItem(numbered, itemsBefore);
            order.Insert(index, new GroupedPlace(pause.Id));
            numbered.Insert(index, false);
        }
        return new GroupingPlan(order, sections.Where(s => !reused.Contains(s.Id)).Select(s => s.Id).ToList());
    }

    /// <summary>A legacy numbered "Pause" (kind break) is grouped like a pause.</summary>
    private static bool IsPause(GroupedEntry entry) =>
        entry.Layout == AgendaItemLayout.Pause || (entry.Layout == AgendaItemLayout.Numbered && entry.Kind == AgendaItemKind.Break);

    private static AgendaItemKind Group(AgendaItemKind kind) => KindOrder.Contains(kind) ? kind : AgendaItemKind.Information;

    private static int IndexAfterItem(List<bool> numbered, int count)
    {
        var seen = 0;
        for (var i = 0; i < numbered.Count; i++)
        {
            if (numbered[i] && ++seen == count)
            {
                return i + 1;
            }
        }
        return numbered.Count;
    }
}
