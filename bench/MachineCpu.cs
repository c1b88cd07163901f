using System.Globalization;

namespace Dedup.Bench;

/// <summary>
/// CPU time the whole machine has spent busy (all cores, all processes), from /proc/stat. Taken around a
/// measured run and compared with the run's own CPU time, it shows how much other work shared the cores:
/// on a shared machine that, not the program, is often why a wall time is long.
/// </summary>
public static class MachineCpu
{
    // /proc/stat counts in USER_HZ, which Linux fixes at 100 for user space whatever the kernel's tick.
    private const double TicksPerSecond = 100;

    /// <summary>Busy seconds since boot; NaN where there is no /proc/stat (not Linux).</summary>
    public static double BusySeconds()
    {
        if (!File.Exists("/proc/stat"))
        {
            return double.NaN;
        }

        // "cpu  user nice system idle iowait irq softirq steal guest guest_nice": everything but idle and iowait is busy.
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ticks = fields.Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return (ticks.Sum() - ticks[3] - ticks[4]) / TicksPerSecond;
    }
}
