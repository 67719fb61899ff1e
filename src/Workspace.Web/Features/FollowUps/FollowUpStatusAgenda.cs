using System.Globalization;
using System.Resources;
using Workspace.Data.Entities;
using Workspace.Web.Resources;

namespace Workspace.Web.Features.FollowUps;

/// <summary>
/// The "Status på opfølgning" item: an information item whose card lists the council's follow-ups live from the
/// register (never a copy), placed before the items that stay at the end of the agenda (next meeting, any other business).
/// </summary>
public static class FollowUpStatusAgenda
{
    public const string TitleKey = "FollowUps.StatusItemTitle";
    public const int AllottedMinutes = 10;

    // Like the standard agenda, the item's title is the council's data, written in Danish.
    private static readonly ResourceManager Texts = new(typeof(SharedResource));
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    public static string Title => Texts.GetString(TitleKey, Danish) ?? throw new InvalidOperationException($"Missing text {TitleKey}.");

    /// <summary>Adds the item to a new meeting's agenda (from the standard agenda), before its last <paramref name="trailing"/> items.</summary>
    public static void AddTo(Meeting meeting, int trailing)
    {
        if (meeting.AgendaItems.Count == 0 || meeting.AgendaItems.Any(i => i.IsFollowUpStatus))
        {
            return;
        }
        meeting.AgendaItems.Add(InsertInto(meeting.AgendaItems.Where(i => i.ParentId is null && i.Parent is null).ToList(), meeting.Id, trailing));
    }

    /// <summary>
    /// A new status item numbered to stand before the last <paramref name="trailing"/> of the top-level items, whose
    /// numbers move one down to make room; the caller adds it.
    /// </summary>
    public static AgendaItem InsertInto(IReadOnlyList<AgendaItem> topLevel, Guid meetingId, int trailing)
    {
        var ordered = topLevel.OrderBy(i => i.Number).ToList();
        var position = Math.Clamp(ordered.Count - trailing, 0, ordered.Count);
        foreach (var later in ordered.Skip(position))
        {
            later.Number++;
        }
        return new AgendaItem
        {
            MeetingId = meetingId,
            Number = position == 0 ? 1 : ordered[position - 1].Number + 1,
            Title = Title,
            Kind = AgendaItemKind.Information,
            AllottedMinutes = AllottedMinutes,
            IsFollowUpStatus = true,
            // A standard item like the template's own: new items land after it, grouping by kind keeps it with the start items.
            Placement = AgendaItemPlacement.Start,
        };
    }

    /// <summary>How many of the last top-level items carry a title of the standard agenda's end items.</summary>
    public static int TrailingCount(IReadOnlyList<AgendaItem> topLevel, IReadOnlyCollection<string> endTitles)
    {
        var count = 0;
        foreach (var item in topLevel.OrderByDescending(i => i.Number))
        {
            if (!endTitles.Contains(item.Title.Trim(), StringComparer.CurrentCultureIgnoreCase))
            {
                break;
            }
            count++;
        }
        return count;
    }
}
