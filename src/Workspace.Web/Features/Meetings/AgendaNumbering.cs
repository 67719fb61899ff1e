using Workspace.Data.Entities;

namespace Workspace.Web.Features.Meetings;

/// <summary>
/// Orders agenda entries as a tree (1, 2, 3, 3a, 3b, 4 ...) and gives each its shown number. Section headings and pauses
/// sit between items without a number (""), so numbering runs on across sections.
/// </summary>
public static class AgendaNumbering
{
    public static IEnumerable<(AgendaItem Item, string Number)> InOrder(IReadOnlyCollection<AgendaItem> items)
    {
        var children = items.Where(i => i.ParentId is not null).ToLookup(i => i.ParentId!.Value);
        var position = 0;
        foreach (var top in items.Where(i => i.ParentId is null).OrderBy(i => i.Number))
        {
            if (top.Layout != AgendaItemLayout.Numbered)
            {
                yield return (top, "");
                continue;
            }
            position++;
            yield return (top, position.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var letter = 0;
            foreach (var sub in children[top.Id].OrderBy(i => i.Number))
            {
                yield return (sub, $"{position}{SubLetter(letter++)}");
            }
        }
    }

    /// <summary>a, b, ... z, then aa, ab ... for the rare agenda with more than 26 sub-items.</summary>
    public static string SubLetter(int index) =>
        index < 26 ? ((char)('a' + index)).ToString() : SubLetter(index / 26 - 1) + SubLetter(index % 26);
}
