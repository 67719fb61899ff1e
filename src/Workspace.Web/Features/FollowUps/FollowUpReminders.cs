using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Features.FollowUps;

/// <summary><c>FollowUps:Reminders</c> settings.</summary>
public sealed class FollowUpReminderOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>How often the due follow-ups are looked through.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The first look after start (not at once: a starting node has other work, and tests their own clock).</summary>
    public TimeSpan FirstRunAfter { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Sends each owner the "due in three days" and the "overdue" reminder of their open follow-ups, once each (the time
/// sent is stored on the follow-up), unless the owner turned reminders off. Runs on the <see cref="TimeProvider"/>'s
/// timer, so tests move the clock instead of waiting. With several nodes each looks, and the stored time keeps a
/// reminder from going twice except in a race of the same minute.
/// </summary>
public sealed class FollowUpReminders(
    IDbContextFactory<WorkspaceDbContext> dbFactory,
    FollowUpMail mail,
    FollowUpReminderOptions options,
    TimeProvider clock,
    ILogger<FollowUpReminders> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }
        try
        {
            await Task.Delay(options.FirstRunAfter, clock, stoppingToken);
            using var timer = new PeriodicTimer(options.Interval, clock);
            do
            {
                try
                {
                    await SendDueAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Follow-up reminders failed; trying again in {Interval}", options.Interval);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Sends the reminders due now; returns how many went.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var candidates = await FollowUpService.RowsAsync(db, db.FollowUps.Where(f =>
                (f.Status == FollowUpStatus.Open || f.Status == FollowUpStatus.InProgress)
                && f.OwnerKind == FollowUpOwnerKind.Person && !f.OwnerPerson!.FollowUpRemindersOff
                && (f.DueSoonReminderSentAt == null || f.OverdueReminderSentAt == null)), ct);
        var starts = new Dictionary<Guid, IReadOnlyList<DateTimeOffset>>();
        var sent = 0;
        foreach (var row in candidates)
        {
            if (!starts.TryGetValue(row.FollowUp.CouncilId, out var councilStarts))
            {
                starts[row.FollowUp.CouncilId] = councilStarts = await FollowUpService.MeetingStartsAsync(db, row.FollowUp.CouncilId, ct);
            }
            var due = FollowUpService.DueOf(row, councilStarts, now);
            FollowUpMailKind? kind = due.IsOverdue && row.FollowUp.OverdueReminderSentAt is null ? FollowUpMailKind.Overdue
                : due.IsDueSoon && row.FollowUp.DueSoonReminderSentAt is null && row.FollowUp.OverdueReminderSentAt is null ? FollowUpMailKind.DueSoon
                : null;
            if (kind is null)
            {
                continue;
            }
            // Claimed before sending, in one conditional update: with several nodes only one of them sends each reminder.
            if (!await ClaimAsync(db, row.FollowUp.Id, kind.Value, now, ct))
            {
                continue;
            }
            try
            {
                if (!await mail.SendReminderAsync(db, row.FollowUp.Id, kind.Value, ct))
                {
                    await ReleaseAsync(db, row.FollowUp.Id, kind.Value, ct);
                    continue;
                }
            }
            catch (EmailDeliveryException ex)
            {
                await ReleaseAsync(db, row.FollowUp.Id, kind.Value, ct);
                logger.LogWarning(ex, "Reminder for follow-up {FollowUpId} not sent; trying again next time", row.FollowUp.Id);
                continue;
            }
            sent++;
        }
        return sent;
    }

    // Bookkeeping columns, written without the audit trail and concurrency stamp: nobody edits them in a form.
    private static async Task<bool> ClaimAsync(WorkspaceDbContext db, Guid id, FollowUpMailKind kind, DateTimeOffset now, CancellationToken ct) =>
        kind == FollowUpMailKind.Overdue
            // An overdue follow-up is past "due soon": that reminder would only repeat the news.
            ? await db.FollowUps.Where(f => f.Id == id && f.OverdueReminderSentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.OverdueReminderSentAt, now).SetProperty(f => f.DueSoonReminderSentAt, f => f.DueSoonReminderSentAt ?? now), ct) == 1
            : await db.FollowUps.Where(f => f.Id == id && f.DueSoonReminderSentAt == null && f.OverdueReminderSentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.DueSoonReminderSentAt, now), ct) == 1;

    private static Task ReleaseAsync(WorkspaceDbContext db, Guid id, FollowUpMailKind kind, CancellationToken ct) =>
        kind == FollowUpMailKind.Overdue
            ? db.FollowUps.Where(f => f.Id == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.OverdueReminderSentAt, (DateTimeOffset?)null), ct)
            : db.FollowUps.Where(f => f.Id == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.DueSoonReminderSentAt, (DateTimeOffset?)null), ct);
}
