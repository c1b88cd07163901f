using System.Diagnostics;
using System.Text;
using Dedup.Reliability;

namespace Dedup.Cli.Tests;

/// <summary>
/// A dedup process that a test talks to while it runs: it waits for a line on its stderr, sends it
/// signals as a terminal (Ctrl-C) or a scheduler (SIGTERM) would, and collects its result.
/// </summary>
public sealed class LiveRun : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder stderr = new();
    private readonly Task<string> stdout;
    private readonly TaskCompletionSource stderrClosed = new();

    private LiveRun(Process process)
    {
        this.process = process;
        stdout = process.StandardOutput.ReadToEndAsync();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                stderrClosed.TrySetResult();
                return;
            }

            lock (stderr)
            {
                stderr.Append(e.Data).Append('\n');
            }
        };
        process.BeginErrorReadLine();
    }

    public int Pid => process.Id;

    public bool HasExited => process.HasExited;

    public static LiveRun Start(params string[] args) => new(Process.Start(CliRunner.StartInfo(CliRunner.Dedup, [], args))!);

    /// <summary>Waits until stderr has a line containing <paramref name="text"/>; fails if the process ends first.</summary>
    public void WaitForLine(string text) => WaitUntil(() => Stderr.Contains(text, StringComparison.Ordinal), $"a line with '{text}'");

    /// <summary>Waits until <paramref name="condition"/> holds while the process still runs.</summary>
    public void WaitUntil(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.False(process.HasExited, $"dedup ended (exit {(process.HasExited ? process.ExitCode : 0)}) before {what}:\n{Stderr}");
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"no {what} in 2 minutes:\n{Stderr}");
            Thread.Sleep(1);
        }
    }

    /// <summary>Sends signal <paramref name="signal"/> (<see cref="Signals.SigInt"/>, <see cref="Signals.SigTerm"/>) to the process.</summary>
    public void Signal(int signal) => Signals.Send(process.Id, signal);

    /// <summary>Waits for the process to end and returns what it printed.</summary>
    public CliRunner.Result Finish()
    {
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dedup did not finish in 5 minutes:\n{Stderr}");
        }

        stderrClosed.Task.Wait(TimeSpan.FromSeconds(30));
        return new CliRunner.Result(process.ExitCode, stdout.Result, Stderr);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    private string Stderr
    {
        get
        {
            lock (stderr)
            {
                return stderr.ToString();
            }
        }
    }
}
