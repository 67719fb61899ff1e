using System.Diagnostics;

namespace Workspace.Bench;

/// <summary>
/// How fast this machine is right now, beside every run's figures: the same code measured remark p95 230-250 ms at one hour
/// and 270-390 ms at another on this shared machine. A fixed piece of work on one core (its median time), and the CPU time
/// the hypervisor gave to other guests (steal, from <c>/proc/stat</c>) over the run.
/// </summary>
public static class MachineSpeed
{
    private static readonly int[] Work = Enumerable.Range(0, 4_000_000).Select(i => (int)((i * 2_654_435_761L) % 1_000_003)).ToArray();

    /// <summary>Median milliseconds to sort four million numbers on one core, of seven tries.</summary>
    public static double SortMilliseconds()
    {
        var times = new List<double>();
        var copy = new int[Work.Length];
        for (var i = 0; i < 7; i++)
        {
            Work.CopyTo(copy, 0);
            var watch = Stopwatch.StartNew();
            Array.Sort(copy);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }

    /// <summary>All CPU time and stolen CPU time so far, in clock ticks (Linux; zeros elsewhere).</summary>
    public static (long Total, long Steal) CpuTicks()
    {
        if (!File.Exists("/proc/stat"))
        {
            return (0, 0);
        }
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        return (fields.Sum(), fields.Length > 7 ? fields[7] : 0);
    }

    public static double StealPercent((long Total, long Steal) from, (long Total, long Steal) to) =>
        to.Total == from.Total ? 0 : 100.0 * (to.Steal - from.Steal) / (to.Total - from.Total);
}
