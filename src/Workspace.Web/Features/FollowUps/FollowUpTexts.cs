using System.Globalization;
using Microsoft.Extensions.Localization;
using Workspace.Data.Entities;
using Workspace.Web.Resources;

namespace Workspace.Web.Features.FollowUps;

/// <summary>How a follow-up's owner and due day read, on the page and in the export.</summary>
public static class FollowUpTexts
{
    public static string Owner(FollowUpView followUp, IStringLocalizer<SharedResource> L) => followUp.OwnerKind switch
    {
        FollowUpOwnerKind.Administration => L["FollowUps.Owner.Administration"].Value,
        _ => followUp.OwnerName ?? "",
    };

    /// <summary>"12. dec. 2025", "Næste møde, 11. dec. 2025" or "Næste møde (ikke fastlagt)".</summary>
    public static string Due(FollowUpView followUp, IStringLocalizer<SharedResource> L)
    {
        var pattern = L["FollowUps.DateFormat"].Value;
        return (followUp.DueKind, followUp.Due.Date) switch
        {
            (FollowUpDueKind.NextMeeting, null) => L["FollowUps.Due.NextMeetingNotFixed"].Value,
            (FollowUpDueKind.NextMeeting, { } day) => L["FollowUps.Due.NextMeetingOn", day.ToString(pattern, CultureInfo.CurrentCulture)].Value,
            (_, { } day) => day.ToString(pattern, CultureInfo.CurrentCulture),
            _ => "",
        };
    }
}
