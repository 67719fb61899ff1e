using Workspace.Data.Entities;

namespace Workspace.Web.Features.Speakers;

/// <summary>
/// The rules of a list of speakers, without a database: the order of the waiting requests, where a new request goes
/// (a contribution last; a reply at the front, after the replies already waiting for the same speech) and a move up or down.
/// </summary>
public static class SpeakerQueue
{
    /// <summary>The waiting requests in queue order: position, then who asked first.</summary>
    public static List<SpeakerRequest> Waiting(IEnumerable<SpeakerRequest> requests) =>
        [.. requests.Where(r => r.IsWaiting).OrderBy(r => r.Position).ThenBy(r => r.RequestedAt).ThenBy(r => r.Id)];

    /// <summary>
    /// Where a new request goes in <paramref name="waiting"/> (queue order): a contribution at the end; a reply answers the
    /// one speaking, so it goes to the front, behind the replies to the same speech that already wait there.
    /// </summary>
    public static int InsertAt(IReadOnlyList<SpeakerRequest> waiting, SpeechKind kind, Guid? repliesToId)
    {
        if (kind != SpeechKind.Reply)
        {
            return waiting.Count;
        }
        var at = 0;
        while (at < waiting.Count && waiting[at].Kind == SpeechKind.Reply && waiting[at].RepliesToId == repliesToId)
        {
            at++;
        }
        return at;
    }

    /// <summary>The queue with <paramref name="request"/> put in its place, positions rewritten from 1.</summary>
    public static List<SpeakerRequest> Add(IReadOnlyList<SpeakerRequest> waiting, SpeakerRequest request)
    {
        var order = waiting.ToList();
        order.Insert(InsertAt(waiting, request.Kind, request.RepliesToId), request);
        Renumber(order);
        return order;
    }

    /// <summary>
    /// The queue with one request moved one place up (-1) or down (+1), positions rewritten from 1; null when it cannot
    /// move that way (first or last already, or not waiting).
    /// </summary>
    public static List<SpeakerRequest>? Move(IReadOnlyList<SpeakerRequest> waiting, Guid requestId, int direction)
    {
        var order = waiting.ToList();
        var at = order.FindIndex(r => r.Id == requestId);
        var to = at + direction;
        if (at < 0 || direction is not (1 or -1) || to < 0 || to >= order.Count)
        {
            return null;
        }
        (order[at], order[to]) = (order[to], order[at]);
        Renumber(order);
        return order;
    }

    /// <summary>Positions 1, 2, 3... in the given order.</summary>
    public static void Renumber(IReadOnlyList<SpeakerRequest> order)
    {
        for (var i = 0; i < order.Count; i++)
        {
            order[i].Position = i + 1;
        }
    }

    /// <summary>The speech a reply asked for now answers: the one speaking, else the last one that ended.</summary>
    public static SpeakerRequest? ReplyTarget(IEnumerable<SpeakerRequest> requests) =>
        requests.Where(r => r.GivenFloorAt is not null)
            .OrderByDescending(r => r.EndedAt is null)
            .ThenByDescending(r => r.GivenFloorAt)
            .FirstOrDefault();
}
