using System.Diagnostics;

namespace Dedup.Cli.Tests;

/// <summary>Runs the real dedup program (or the bench harness) in a child process, as a user would.</summary>
public static class CliRunner
{
    internal const string Dedup = "dedup.dll";

    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
    }

    public static Result Run(params string[] args) => RunWith([], args);

    /// <summary>Runs with extra environment variables set for the child process.</summary>
    public static Result RunWith((string Name, string Value)[] environment, params string[] args) => Wait(StartInfo(Dedup, environment, args));

    /// <summary>Runs in <paramref name="directory"/>, for relative paths.</summary>
    public static Result RunIn(string directory, params string[] args)
    {
        var start = StartInfo(Dedup, [], args);
        start.WorkingDirectory = directory;
        return Wait(start);
    }

    /// <summary>
    /// Runs dedup as the last arguments of <paramref name="program"/> (<c>program programArgs... dotnet dedup.dll args...</c>):
    /// for a wrapper such as <c>unshare</c> that sets up what the run sees.
    /// </summary>
    public static Result RunUnder(string program, string[] programArgs, params string[] args)
    {
        var dedup = StartInfo(Dedup, [], args);
        var start = StartInfo(Dedup, [], []);
        start.FileName = program;
        start.ArgumentList.Clear();
        foreach (string a in programArgs.Append(dedup.FileName).Concat(dedup.ArgumentList))
        {
            start.ArgumentList.Add(a);
        }

        return Wait(start);
    }

    /// <summary>Runs the bench harness, which the test project references so that it is built and copied beside dedup.</summary>
    public static Result Bench(params string[] args) => Wait(StartInfo("Dedup.Bench.dll", [], args));

    private static Result Wait(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', start.ArgumentList)} did not finish in 5 minutes");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts dedup without waiting, its output discarded: for tests that kill it (<see cref="LiveRun"/> for tests that talk to it).</summary>
    public static Process Start(params string[] args)
    {
        var start = StartInfo(Dedup, [], args);
        start.RedirectStandardOutput = false;
        start.RedirectStandardError = false;
        return Process.Start(start)!;
    }

    internal static ProcessStartInfo StartInfo(string program, (string Name, string Value)[] environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, program));
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        return start;
    }
}
