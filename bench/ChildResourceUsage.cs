using System.Runtime.InteropServices;

namespace Dedup.Bench;

/// <summary>
/// getrusage(RUSAGE_CHILDREN) on Linux: the CPU time of the children this process has reaped, summed, and the
/// largest peak resident set among them. The kernel keeps each process's RSS high-water mark and folds it into
/// its parent's figure when the parent reaps it (.NET's Process does, before WaitForExit returns).
/// </summary>
internal static partial class ChildResourceUsage
{
    private const int RusageChildren = -1;

    public static (double UserSeconds, double SystemSeconds, long PeakRssBytes) Read()
    {
        if (GetResourceUsage(RusageChildren, out var usage) != 0)
        {
            throw new BenchFailureException($"getrusage(RUSAGE_CHILDREN) failed with errno {Marshal.GetLastPInvokeError()}.");
        }

        // Linux counts ru_maxrss in KiB.
        return (usage.UserTime.TotalSeconds, usage.SystemTime.TotalSeconds, usage.MaxRssKiB * 1024);
    }

    [LibraryImport("libc", EntryPoint = "getrusage", SetLastError = true)]
    private static partial int GetResourceUsage(int who, out ResourceUsage usage);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeValue
    {
        public long Seconds;
        public long Microseconds;

        public readonly double TotalSeconds => Seconds + (Microseconds / 1e6);
    }

    /// <summary>struct rusage of 64-bit Linux: two timevals, then 14 longs, ru_maxrss the first of them.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct ResourceUsage
    {
        public TimeValue UserTime;
        public TimeValue SystemTime;
        public long MaxRssKiB;
        private fixed long others[13];
    }
}
