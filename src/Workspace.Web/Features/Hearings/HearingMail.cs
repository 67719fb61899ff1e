using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Components.Shared;
using Workspace.Web.Resources;

namespace Workspace.Web.Features.Hearings;

public enum HearingMailKind
{
    /// <summary>A new hearing is open for remarks (to the members).</summary>
    Opened,
    /// <summary>The internal deadline is in three days (to the members who have not written).</summary>
    RemarksDeadlineSoon,
    /// <summary>The draft awaits the members' approval.</summary>
    ApprovalRequested,
    /// <summary>The response was approved and sent.</summary>
    Sent,
    /// <summary>The response was approved (the chair's final approval, or the council's at a meeting): to the administration, who sends it.</summary>
    Approved,
}

/// <summary>
/// The Danish emails of hearings, to the council's current members with an address (for the deadline reminder only
/// those who have not written a remark; the approved response to its administration, who sends it). A mail that cannot go is logged; the hearing's change stands.
/// </summary>
public sealed class HearingMail(IEmailSender sender, IStringLocalizer<SharedResource> localizer, ILogger<HearingMail> logger)
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    /// <summary>Sends one kind of mail about a hearing; returns how many went.</summary>
    public async Task<int> SendAsync(WorkspaceDbContext db, Guid hearingId, HearingMailKind kind, CancellationToken ct)
    {
        var hearing = await db.Hearings.AsNoTracking().Where(h => h.Id == hearingId)
            .Select(h => new { h.Id, h.Title, h.Sender, h.Deadline, h.RemarksDeadline, h.ApprovalDeadline, h.SentOn, h.SentTo, h.CouncilId, Council = h.Council!.Name })
            .SingleAsync(ct);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, CopenhagenTime.Zone).DateTime);
        // The administration sends the approved response; every other mail is the members'.
        var recipients = kind == HearingMailKind.Approved ? MembershipKind.Administration : MembershipKind.Member;
        var members = await db.Memberships.AsNoTracking()
            .Where(m => m.CouncilId == hearing.CouncilId && m.Kind == recipients && m.Person!.Email != null && m.Person.Email != ""
                && (m.TermStart == null || m.TermStart <= today) && (m.TermEnd == null || m.TermEnd >= today))
            .Select(m => new { m.PersonId, m.Person!.Name, Email = m.Person.Email! })
            .ToListAsync(ct);
        if (kind == HearingMailKind.RemarksDeadlineSoon)
        {
            var written = await db.HearingRemarks.Where(r => r.HearingId == hearingId).Select(r => r.AuthorId).Distinct().ToListAsync(ct);
            members = members.Where(m => !written.Contains(m.PersonId)).ToList();
        }
        var sent = 0;
        foreach (var member in members)
        {
            var message = Compose(kind, member.Email.Trim(), member.Name, hearing.Council, hearing.Title, hearing.Sender,
                hearing.Deadline, hearing.RemarksDeadline, hearing.ApprovalDeadline, hearing.SentOn, hearing.SentTo);
            try
            {
                await sender.SendAsync(message, ct);
                sent++;
            }
            catch (EmailDeliveryException ex)
            {
                logger.LogWarning(ex, "{Kind} mail of hearing {HearingId} did not reach one member", kind, hearingId);
            }
        }
        return sent;
    }

    private EmailMessage Compose(HearingMailKind kind, string email, string name, string council, string title, string hearingSender,
        DateOnly deadline, DateOnly remarksDeadline, DateOnly? approvalDeadline, DateOnly? sentOn, string? sentTo)
    {
        // Like the invitations, written in Danish whatever language the sender has chosen for the screen.
        var screenCulture = CultureInfo.CurrentUICulture;
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentUICulture = Danish;
        CultureInfo.CurrentCulture = Danish;
        try
        {
            var L = localizer;
            string Day(DateOnly? day) => day is { } d ? HearingDates.Text(d) : "—";
            var (subject, opening) = kind switch
            {
                HearingMailKind.Opened => (L["Hearings.Mail.OpenedSubject", council, title].Value,
                    L["Hearings.Mail.OpenedBody", hearingSender, council, Day(remarksDeadline), Day(deadline)].Value),
                HearingMailKind.RemarksDeadlineSoon => (L["Hearings.Mail.DeadlineSubject", title].Value,
                    L["Hearings.Mail.DeadlineBody", Day(remarksDeadline)].Value),
                HearingMailKind.ApprovalRequested => (L["Hearings.Mail.ApprovalSubject", title].Value,
                    L["Hearings.Mail.ApprovalBody", council, Day(approvalDeadline)].Value),
                HearingMailKind.Approved => (L["Hearings.Mail.ApprovedSubject", title].Value,
                    L["Hearings.Mail.ApprovedBody", council, hearingSender, Day(deadline)].Value),
                _ => (L["Hearings.Mail.SentSubject", title].Value, L["Hearings.Mail.SentBody", Day(sentOn), sentTo ?? hearingSender].Value),
            };
            var body = string.Join("\n\n",
                L["FollowUps.Mail.Greeting", name].Value,
                opening,
                "»" + title + "«",
                L["Hearings.Mail.Where", council].Value,
                L["FollowUps.Mail.Regards"].Value);
            return new EmailMessage(email, name, subject, body + "\n");
        }
        finally
        {
            CultureInfo.CurrentUICulture = screenCulture;
            CultureInfo.CurrentCulture = culture;
        }
    }
}
