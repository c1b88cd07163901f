using System.Diagnostics;

namespace Dedup.Reliability;

/// <summary>
/// The built dedup program (dedup.dll, which every project that references the Cli finds beside its own
/// binaries) in a child process: run to the end within a time limit, or started to be killed or signalled.
/// </summary>
public sealed class DedupProcess : IDisposable
{
    private readonly Process process;
    private readonly Task<string> stdout;
    private readonly Task<string> stderr;

    private DedupProcess(IEnumerable<string> args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "dedup.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: reference src/Cli from the project that runs dedup, so that it is built beside it.", dll);
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args.Prepend(dll))
        {
            start.ArgumentList.Add(a);
        }

        process = Process.Start(start)!;
        // Both pipes drained from the start: a child blocked on a full pipe would never exit.
        stdout = process.StandardOutput.ReadToEndAsync();
        stderr = process.StandardError.ReadToEndAsync();
    }

    public sealed record Result(int ExitCode, string Stdout, string Stderr, bool TimedOut);

    public static DedupProcess Start(IEnumerable<string> args) => new(args);

    /// <summary>Runs dedup to its end; one still running after <paramref name="timeout"/> is killed and reported as timed out.</summary>
    public static Result Run(IEnumerable<string> args, TimeSpan timeout)
    {
        using var run = Start(args);
        return run.Wait(timeout);
    }

    public bool HasExited => process.HasExited;

    /// <summary>SIGKILL: the process ends at once, in whatever it was doing.</summary>
    public void Kill() => process.Kill(entireProcessTree: true);

    /// <summary>Sends <paramref name="signal"/> (<see cref="Signals.SigInt"/>, <see cref="Signals.SigTerm"/>).</summary>
    public void Signal(int signal) => Signals.Send(process.Id, signal);

    public Result Wait(TimeSpan timeout)
    {
        bool exited = process.WaitForExit(timeout);
        if (!exited)
        {
            Kill();
            process.WaitForExit();
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result, TimedOut: !exited);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
            process.WaitForExit();
        }

        process.Dispose();
    }
}
