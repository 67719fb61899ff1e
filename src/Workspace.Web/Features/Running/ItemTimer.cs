using Workspace.Data.Entities;

namespace Workspace.Web.Features.Running;

/// <summary>How far an item's timer is: amber near the end of the allotted time, red past it.</summary>
public enum TimerPhase
{
    /// <summary>The item has no allotted time: the timer only counts.</summary>
    Unlimited,
    Normal,
    NearEnd,
    Over,
}

/// <summary>An item's timer at one moment: allotted (with the chair's extensions) against used, and whether it runs.</summary>
public sealed record ItemTimer(TimeSpan? Allotted, TimeSpan Used, bool IsRunning, DateTimeOffset? RunningSince, TimeSpan UsedBeforeRun)
{
    private static readonly TimeSpan NearEndAtMost = TimeSpan.FromMinutes(2);

    public static ItemTimer Of(AgendaItem item, DateTimeOffset now) =>
        Of(item.AllottedMinutes, item.TimerExtraMinutes, item.TimerUsedSeconds, item.TimerStartedAt, now);

    public static ItemTimer Of(int? allottedMinutes, int extraMinutes, int usedSeconds, DateTimeOffset? startedAt, DateTimeOffset now)
    {
        var before = TimeSpan.FromSeconds(Math.Max(0, usedSeconds));
        var running = startedAt is { } since && now > since ? now - since : TimeSpan.Zero;
        TimeSpan? allotted = allottedMinutes is > 0 || extraMinutes > 0
            ? TimeSpan.FromMinutes((allottedMinutes ?? 0) + extraMinutes)
            : null;
        return new ItemTimer(allotted, before + running, startedAt is not null, startedAt, before);
    }

    /// <summary>Time left (negative past the end); null without an allotted time.</summary>
    public TimeSpan? Remaining => Allotted is { } allotted ? allotted - Used : null;

    /// <summary>Amber in the last fifth of the allotted time, at most its last two minutes; red once it is used up.</summary>
    public TimerPhase Phase => Allotted is not { } allotted
        ? TimerPhase.Unlimited
        : Used >= allotted
            ? TimerPhase.Over
            : allotted - Used <= Min(NearEndAtMost, allotted / 5) ? TimerPhase.NearEnd : TimerPhase.Normal;

    /// <summary>The same timer a moment later (a ticking display needs no new read).</summary>
    public ItemTimer At(DateTimeOffset now) =>
        RunningSince is { } since ? this with { Used = UsedBeforeRun + (now > since ? now - since : TimeSpan.Zero) } : this;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
