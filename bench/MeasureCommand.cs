using System.ComponentModel;
using System.Diagnostics;

namespace Dedup.Bench;

/// <summary>
/// <c>measure --result FILE -- COMMAND [ARGS...]</c>: runs COMMAND (its output passes through), then writes its
/// exit code, wall time, CPU time, peak RSS and the machine's busy CPU time meanwhile to FILE as JSON, and exits with its exit code.
/// </summary>
/// <remarks>
/// Why a process of its own: the peak comes from getrusage(RUSAGE_CHILDREN), which the kernel computes
/// exactly at the child's exit, but which is a maximum over all the children ever reaped; with exactly one
/// child it is that child's peak. Sampling VmHWM in /proc/PID/status would miss the growth after the last
/// sample (the file is gone once the child exits), and Process.PeakWorkingSet64 likewise reads only a live
/// process. One caveat: the child is a copy of this process until it executes the command, and the kernel
/// counts that copy's RSS too, so the figure is never below this process's own, about 33 MB; any .NET
/// child is above that anyway (dedup on a 21 MB corpus: ~150 MiB, as GNU time -v reports).
/// </remarks>
public static class MeasureCommand
{
    public static int Run(string[] args)
    {
        var options = new BenchArgs(args, ["--result"], passThrough: true);
        string result = options.Required("--result");
        var command = options.PassThrough;
        if (command.Count == 0)
        {
            throw new BenchUsageException("name the command to measure after '--'.");
        }

        if (!OperatingSystem.IsLinux())
        {
            throw new BenchFailureException("measure reads peak memory with Linux's getrusage; run the bench on Linux.");
        }

        var start = new ProcessStartInfo(command[0]);
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        double busyBefore = MachineCpu.BusySeconds();
        var clock = Stopwatch.StartNew();
        using var child = StartOrExplain(start);
        child.WaitForExit();
        double wall = clock.Elapsed.TotalSeconds;
        double busy = MachineCpu.BusySeconds() - busyBefore;
        var (user, system, peak) = ChildResourceUsage.Read();
        BenchJson.Write(result, new ChildUsage(child.ExitCode, wall, user, system, peak, busy));
        return child.ExitCode;
    }

    private static Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new BenchFailureException($"{start.FileName} did not start.");
        }
        catch (Win32Exception e)
        {
            throw new BenchFailureException($"{start.FileName} could not be started ({e.Message}); check the command and PATH.");
        }
    }
}
