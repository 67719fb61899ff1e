using Microsoft.EntityFrameworkCore;
using Workspace.Data;
using Workspace.Data.Entities;
using Workspace.Web.Components.Shared;

namespace Workspace.Web.Features.Hearings;

/// <summary><c>Hearings:Reminders</c> settings.</summary>
public sealed class HearingReminderOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>How often the open hearings are looked through.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan FirstRunAfter { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// Three days before a hearing's internal deadline, reminds the members who have not written a remark, once: the
/// hearing is claimed in one conditional update before any mail goes, so with several nodes only one of them sends.
/// </summary>
public sealed class HearingReminders(
    IDbContextFactory<WorkspaceDbContext> dbFactory,
    HearingMail mail,
    HearingReminderOptions options,
    TimeProvider clock,
    ILogger<HearingReminders> logger) : BackgroundService
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
                    logger.LogError(ex, "Hearing reminders failed; trying again in {Interval}", options.Interval);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Sends the reminders due now; returns how many hearings were reminded of.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, CopenhagenTime.Zone).DateTime);
        var soon = today.AddDays(3);
        var due = await db.Hearings.Where(h => (h.Status == HearingStatus.Open || h.Status == HearingStatus.Drafting)
                && h.RemarksReminderSentAt == null && h.RemarksDeadline >= today && h.RemarksDeadline <= soon)
            .Select(h => h.Id).ToListAsync(ct);
        var reminded = 0;
        foreach (var id in due)
        {
            // Bookkeeping, written without the audit trail: claimed before sending, so no two nodes send it.
            var claimed = await db.Hearings.Where(h => h.Id == id && h.RemarksReminderSentAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.RemarksReminderSentAt, now), ct) == 1;
            if (!claimed)
            {
                continue;
            }
            await mail.SendAsync(db, id, HearingMailKind.RemarksDeadlineSoon, ct);
            reminded++;
        }
        return reminded;
    }
}
