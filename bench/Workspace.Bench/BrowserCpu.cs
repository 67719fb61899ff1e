namespace Workspace.Bench;

/// <summary>
/// CPU time of every Chromium process on this machine (user and system, from /proc): what the tabs cost beside the app,
/// since both share the same cores.
/// </summary>
public static class BrowserCpu
{
    // USER_HZ: the unit of /proc/[pid]/stat's times; 100 on every Linux the bench runs on.
    private const double MillisecondsPerTick = 10;

    public static double Milliseconds() => ByProcessType().Values.Sum();

    /// <summary>The same, by Chromium's process type (browser, renderer, gpu-process, utility...).</summary>
    public static Dictionary<string, double> ByProcessType()
    {
        var byType = new Dictionary<string, double>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out _))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var open = stat.IndexOf('(');
                var close = stat.LastIndexOf(')');
                var name = stat[(open + 1)..close];
                if (!name.StartsWith("chrom", StringComparison.Ordinal))
                {
                    continue;
                }
                // After the name: state is field 3, utime field 14, stime field 15.
                var fields = stat[(close + 2)..].Split(' ');
                var ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
                var type = File.ReadAllText(Path.Combine(directory, "cmdline")).Split('\0', ' ')
                    .FirstOrDefault(a => a.StartsWith("--type=", StringComparison.Ordinal))?["--type=".Length..] ?? "browser";
                byType[type] = byType.GetValueOrDefault(type) + ticks * MillisecondsPerTick;
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
        }
        return byType;
    }
}
