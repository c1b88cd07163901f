namespace Dedup.Engine.Execution;

/// <summary>The process's peak resident memory so far (VmHWM on Linux; the peak working set elsewhere).</summary>
public static class PeakMemory
{
    /// <summary>
    /// Starts the peak again (Linux: writing 5 to /proc/self/clear_refs), so that each task of a
    /// one-process run reports its own peak. Elsewhere the peak stays the process's.
    /// </summary>
    public static void Reset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    public static long Bytes()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
