using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Components.Shared;
using Workspace.Web.Resources;

namespace Workspace.Web.Features.FollowUps;

public enum FollowUpMailKind
{
    Assigned,
    DueSoon,
    Overdue,
}

/// <summary>The Danish emails of follow-ups: to the owner when it is given to them, three days before it is due, and when overdue.</summary>
public sealed class FollowUpMail(IEmailSender sender, IStringLocalizer<SharedResource> localizer, TimeProvider clock, ILogger<FollowUpMail> logger)
{
    private static readonly CultureInfo Danish = CultureInfo.GetCultureInfo("da-DK");

    /// <summary>Tells the owner that the follow-up is theirs; a mail that cannot go is logged and the follow-up stands.</summary>
    public async Task SendAssignedAsync(WorkspaceDbContext db, Guid followUpId, string assignerName, CancellationToken ct)
    {
        var facts = await FactsAsync(db, followUpId, ct);
        if (facts?.OwnerEmail is null)
        {
            return;
        }
        try
        {
            await sender.SendAsync(Compose(FollowUpMailKind.Assigned, facts, assignerName), ct);
        }
        catch (EmailDeliveryException ex)
        {
            logger.LogWarning(ex, "The owner of follow-up {FollowUpId} was not told", followUpId);
        }
    }

    /// <summary>A reminder; the caller records that it went (and a failure, which it retries next time).</summary>
    public async Task<bool> SendReminderAsync(WorkspaceDbContext db, Guid followUpId, FollowUpMailKind kind, CancellationToken ct)
    {
        var facts = await FactsAsync(db, followUpId, ct);
        if (facts?.OwnerEmail is null)
        {
            return false;
        }
        await sender.SendAsync(Compose(kind, facts, null), ct);
        return true;
    }

    /// <summary>What the mails say about one follow-up, read for the owner.</summary>
    public sealed record MailFacts(string Text, string OwnerName, string? OwnerEmail, string CouncilName, string MeetingTitle,
        DateTimeOffset MeetingStartsAt, string? ItemTitle, DueState Due);

    private async Task<MailFacts?> FactsAsync(WorkspaceDbContext db, Guid followUpId, CancellationToken ct)
    {
        var rows = await FollowUpService.RowsAsync(db, db.FollowUps.Where(f => f.Id == followUpId && f.OwnerKind == FollowUpOwnerKind.Person), ct);
        if (rows.SingleOrDefault() is not { } row)
        {
            return null;
        }
        var f = row.FollowUp;
        var owner = await db.People.AsNoTracking().Where(p => p.Id == f.OwnerPersonId).Select(p => new { p.Name, p.Email }).SingleAsync(ct);
        var council = await db.Councils.Where(c => c.Id == f.CouncilId).Select(c => c.Name).SingleAsync(ct);
        var starts = await FollowUpService.MeetingStartsAsync(db, f.CouncilId, ct);
        var due = FollowUpService.DueOf(row, starts, clock.GetUtcNow());
        return new MailFacts(f.Text, owner.Name, string.IsNullOrWhiteSpace(owner.Email) ? null : owner.Email.Trim(), council, row.MeetingTitle,
            row.MeetingStartsAt, row.ItemTitle, due);
    }

    public EmailMessage Compose(FollowUpMailKind kind, MailFacts facts, string? assignerName)
    {
        // Like the invitations, written in Danish whatever language the sender has chosen for the screen.
        var screenCulture = CultureInfo.CurrentUICulture;
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentUICulture = Danish;
        CultureInfo.CurrentCulture = Danish;
        try
        {
            var L = localizer;
            var meetingDay = TimeZoneInfo.ConvertTime(facts.MeetingStartsAt, CopenhagenTime.Zone).ToString(L["Format.ShortDate"].Value, Danish);
            var due = facts.Due.Date is { } day
                ? day.ToString(L["FollowUps.Mail.DueFormat"].Value, Danish)
                : L["FollowUps.Due.NextMeetingNotFixed"].Value;
            var opening = kind switch
            {
                FollowUpMailKind.Assigned => L["FollowUps.Mail.AssignedBody", assignerName ?? "", facts.CouncilName].Value,
                FollowUpMailKind.DueSoon => L["FollowUps.Mail.DueSoonBody", facts.CouncilName].Value,
                _ => L["FollowUps.Mail.OverdueBody", facts.CouncilName].Value,
            };
            var subject = kind switch
            {
                FollowUpMailKind.Assigned => L["FollowUps.Mail.AssignedSubject", facts.CouncilName].Value,
                FollowUpMailKind.DueSoon => L["FollowUps.Mail.DueSoonSubject", facts.CouncilName].Value,
                _ => L["FollowUps.Mail.OverdueSubject", facts.CouncilName].Value,
            };
            var body = string.Join("\n\n",
                L["FollowUps.Mail.Greeting", facts.OwnerName].Value,
                opening,
                "»" + facts.Text + "«",
                L["FollowUps.Mail.Origin", facts.MeetingTitle, meetingDay, facts.ItemTitle ?? "—"].Value + "\n" + L["FollowUps.Mail.Due", due].Value,
                L["FollowUps.Mail.Report"].Value,
                L["FollowUps.Mail.Regards"].Value);
            return new EmailMessage(facts.OwnerEmail!, facts.OwnerName, subject, body + "\n");
        }
        finally
        {
            CultureInfo.CurrentUICulture = screenCulture;
            CultureInfo.CurrentCulture = culture;
        }
    }
}
