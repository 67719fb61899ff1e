using Workspace.Data.Entities;

namespace Workspace.Web.Features.Agenda;

/// <summary>
/// Where an entry sits on the agenda: its parent (null for a main item) and its position among its siblings, from 1.
/// Section headings and pauses are main entries that never hold or become sub-items; end entries stay after new ones.
/// </summary>
public readonly record struct AgendaSlot(Guid Id, Guid? ParentId, int Number, AgendaItemLayout Layout = AgendaItemLayout.Numbered, bool AtEnd = false);

/// <summary>A keyboard move of one item.</summary>
public enum AgendaDirection
{
    Up,
    Down,
    /// <summary>Becomes the last sub-item of the main item above it.</summary>
    Indent,
    /// <summary>A sub-item becomes a main item right after its parent.</summary>
    Outdent,
}

/// <summary>
/// Reordering rules for an agenda with one level of sub-items (3, 3a, 3b). Every change returns the
/// new slot of every item, numbered 1..n within each parent without gaps, so the shown numbers stay right.
/// </summary>
public static class AgendaOrder
{
    /// <summary>Moves an item under <paramref name="parentId"/> at the zero-based <paramref name="index"/> among its new siblings.</summary>
    public static IReadOnlyList<AgendaSlot> Move(IReadOnlyList<AgendaSlot> slots, Guid itemId, Guid? parentId, int index)
    {
        var item = slots.Single(s => s.Id == itemId);
        if (parentId is { } parent)
        {
            var parentSlot = slots.SingleOrDefault(s => s.Id == parent);
            if (item.Layout != AgendaItemLayout.Numbered || (parentSlot.Id == parent && parentSlot.Layout != AgendaItemLayout.Numbered))
            {
                throw new AgendaOrderException("Agenda.HeadingsStayMain");
            }
            if (parent == itemId || parentSlot.Id != parent || parentSlot.ParentId is not null)
            {
                throw new AgendaOrderException("Agenda.OnlyOneLevel");
            }
            if (slots.Any(s => s.ParentId == itemId))
            {
                throw new AgendaOrderException("Agenda.HasSubItems");
            }
        }

        var siblings = Children(slots, parentId).Where(s => s.Id != itemId).Select(s => s.Id).ToList();
        siblings.Insert(Math.Clamp(index, 0, siblings.Count), itemId);

        var moved = slots.ToDictionary(s => s.Id);
        moved[itemId] = item with { ParentId = parentId };
        Renumber(moved, siblings, parentId);
        if (item.ParentId != parentId)
        {
            Renumber(moved, Children(slots, item.ParentId).Where(s => s.Id != itemId).Select(s => s.Id).ToList(), item.ParentId);
        }
        return InTreeOrder(moved.Values);
    }

    /// <summary>Drag and drop: the item takes the place of the item it was dropped on (after it when dragged downwards).</summary>
    public static IReadOnlyList<AgendaSlot> MoveOnto(IReadOnlyList<AgendaSlot> slots, Guid itemId, Guid targetId)
    {
        if (itemId == targetId)
        {
            return InTreeOrder(slots);
        }
        var target = slots.Single(s => s.Id == targetId);
        if (target.ParentId == itemId)
        {
            throw new AgendaOrderException("Agenda.OnlyOneLevel");
        }
        var index = Children(slots, target.ParentId).Select(s => s.Id).ToList().IndexOf(targetId);
        return Move(slots, itemId, target.ParentId, index);
    }

    /// <summary>The keyboard moves; null when the item cannot go that way (first, last, already a sub-item ...).</summary>
    public static IReadOnlyList<AgendaSlot>? Step(IReadOnlyList<AgendaSlot> slots, Guid itemId, AgendaDirection direction)
    {
        var item = slots.Single(s => s.Id == itemId);
        var siblings = Children(slots, item.ParentId).Select(s => s.Id).ToList();
        var index = siblings.IndexOf(itemId);
        var mains = Children(slots, null).Select(s => s.Id).ToList();
        switch (direction)
        {
            case AgendaDirection.Up when index > 0:
                return Move(slots, itemId, item.ParentId, index - 1);
            case AgendaDirection.Down when index < siblings.Count - 1:
                return Move(slots, itemId, item.ParentId, index + 1);
            case AgendaDirection.Indent when item.ParentId is null && index > 0 && !slots.Any(s => s.ParentId == itemId)
                                             && item.Layout == AgendaItemLayout.Numbered && Layout(slots, mains[index - 1]) == AgendaItemLayout.Numbered:
                return Move(slots, itemId, mains[index - 1], int.MaxValue);
            case AgendaDirection.Outdent when item.ParentId is { } parent:
                return Move(slots, itemId, null, mains.IndexOf(parent) + 1);
            default:
                return null;
        }
    }

    /// <summary>Removes an item (and its sub-items) and closes the gap it leaves.</summary>
    public static IReadOnlyList<AgendaSlot> Remove(IReadOnlyList<AgendaSlot> slots, Guid itemId)
    {
        var item = slots.Single(s => s.Id == itemId);
        var remaining = slots.Where(s => s.Id != itemId && s.ParentId != itemId).ToDictionary(s => s.Id);
        Renumber(remaining, Children(remaining.Values, item.ParentId).Select(s => s.Id).ToList(), item.ParentId);
        return InTreeOrder(remaining.Values);
    }

    /// <summary>
    /// A new main entry (already in <paramref name="slots"/>, numbered last) moved before the end entries (næste møde,
    /// eventuelt) at the bottom of the agenda; an end entry moved up by hand no longer counts as the end.
    /// </summary>
    public static IReadOnlyList<AgendaSlot> BeforeEndEntries(IReadOnlyList<AgendaSlot> slots, Guid newId)
    {
        var others = Children(slots, null).Where(s => s.Id != newId).ToList();
        var index = others.Count;
        while (index > 0 && others[index - 1].AtEnd)
        {
            index--;
        }
        return Move(slots, newId, null, index);
    }

    /// <summary>
    /// A main item moved to the end of a heading's section: before the next heading or, under the last heading, before the
    /// end entries at the bottom (they stay last).
    /// </summary>
    public static IReadOnlyList<AgendaSlot> IntoSection(IReadOnlyList<AgendaSlot> slots, Guid itemId, Guid sectionId)
    {
        var item = slots.Single(s => s.Id == itemId);
        if (item.ParentId is not null || item.Layout != AgendaItemLayout.Numbered)
        {
            throw new AgendaOrderException("Agenda.OnlyMainItemsIntoSection");
        }
        var others = Children(slots, null).Where(s => s.Id != itemId).ToList();
        var section = others.FindIndex(s => s.Id == sectionId && s.Layout == AgendaItemLayout.Section);
        if (section < 0)
        {
            throw new AgendaOrderException("Agenda.NoSuchSection");
        }
        var next = others.FindIndex(section + 1, s => s.Layout == AgendaItemLayout.Section);
        var index = next < 0 ? others.Count : next;
        while (next < 0 && index > section + 1 && others[index - 1].AtEnd)
        {
            index--;
        }
        return Move(slots, itemId, null, index);
    }

    /// <summary>The number a new item gets at the end of its parent (or of the main items).</summary>
    public static int NextNumber(IEnumerable<AgendaSlot> slots, Guid? parentId) =>
        slots.Where(s => s.ParentId == parentId).Select(s => s.Number).DefaultIfEmpty(0).Max() + 1;

    private static AgendaItemLayout Layout(IReadOnlyList<AgendaSlot> slots, Guid id) => slots.Single(s => s.Id == id).Layout;

    private static List<AgendaSlot> Children(IEnumerable<AgendaSlot> slots, Guid? parentId) =>
        slots.Where(s => s.ParentId == parentId).OrderBy(s => s.Number).ThenBy(s => s.Id).ToList();

    private static void Renumber(Dictionary<Guid, AgendaSlot> slots, List<Guid> orderedIds, Guid? parentId)
    {
        for (var i = 0; i < orderedIds.Count; i++)
        {
            slots[orderedIds[i]] = slots[orderedIds[i]] with { ParentId = parentId, Number = i + 1 };
        }
    }

    private static List<AgendaSlot> InTreeOrder(IEnumerable<AgendaSlot> slots)
    {
        var all = slots.ToList();
        return Children(all, null).SelectMany(main => Children(all, main.Id).Prepend(main)).ToList();
    }
}

/// <summary>A move the agenda's shape does not allow; the key names the Danish explanation.</summary>
public sealed class AgendaOrderException(string messageKey) : Exception(messageKey)
{
    public string MessageKey { get; } = messageKey;
}
