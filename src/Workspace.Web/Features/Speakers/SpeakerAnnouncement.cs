using Microsoft.Extensions.Localization;
using Workspace.Data.Entities;

namespace Workspace.Web.Features.Speakers;

/// <summary>
/// What a screen reader hears when the list changed, worked out from the list before and after (the change event carries
/// ids only): who got the floor, whose speech ended, who asked, the list closed or opened, the viewer's own new place.
/// </summary>
public static class SpeakerAnnouncement
{
    public static string Between(SpeakerListView? before, SpeakerListView? after, IStringLocalizer L)
    {
        if (before is null || after is null || before.ItemId != after.ItemId)
        {
            return "";
        }
        var said = new List<string>();
        if (after.Speaking is { } speaking && before.Speaking?.Id != speaking.Id)
        {
            said.Add(L["Speakers.Announce.GivenFloor", speaking.Name]);
        }
        else if (before.Speaking is { } ended && after.Speaking is null)
        {
            said.Add(L["Speakers.Announce.Ended", ended.Name]);
        }
        if (before.IsClosed != after.IsClosed)
        {
            said.Add(L[after.IsClosed ? "Speakers.Announce.Closed" : "Speakers.Announce.Reopened"]);
        }
        foreach (var added in after.Waiting.Where(a => before.Waiting.All(b => b.Id != a.Id)))
        {
            said.Add(added.PersonId == after.MyPersonId
                ? L[added.IsReply ? "Speakers.YourReplyPlace" : "Speakers.YourPlace", Place(after, added)]
                : L[added.IsReply ? "Speakers.Announce.RequestedReply" : "Speakers.Announce.Requested", added.Name]);
        }
        foreach (var kind in new[] { SpeechKind.Speech, SpeechKind.Reply })
        {
            if (before.Mine(kind) is (SpeakerEntry mine, int was) && after.Mine(kind) is (SpeakerEntry still, int now) && mine.Id == still.Id && was != now)
            {
                said.Add(L[kind == SpeechKind.Reply ? "Speakers.YourReplyPlace" : "Speakers.YourPlace", now]);
            }
        }
        if (before.SpeakingSeconds != after.SpeakingSeconds)
        {
            said.Add(L["Speakers.Announce.SpeakingTime", SpeakingTimeText(after.SpeakingSeconds, L)]);
        }
        return string.Join(" ", said);
    }

    /// <summary>"2 min.", "30 sek." or "Ingen".</summary>
    public static string SpeakingTimeText(int? seconds, IStringLocalizer L) =>
        seconds is not { } s ? L["Speakers.NoSpeakingTime"] : s % 60 == 0 ? L["Speakers.Minutes", s / 60] : L["Speakers.Seconds", s];

    private static int Place(SpeakerListView list, SpeakerEntry entry)
    {
        for (var i = 0; i < list.Waiting.Count; i++)
        {
            if (list.Waiting[i].Id == entry.Id)
            {
                return i + 1;
            }
        }
        return 0;
    }
}
