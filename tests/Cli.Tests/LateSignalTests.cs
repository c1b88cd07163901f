using Dedup.Cli.Commands;
using Dedup.Reliability;

namespace Dedup.Cli.Tests;

/// <summary>
/// A signal that arrives after the run's last cancellation check (while OUT is being committed) cannot
/// stop it: the run ends with exit 0 and OUT complete, and must say so. Before, the only line was the
/// notice "stopping at the next batch and removing what this run staged", then exit 0 (bench kill found it).
/// </summary>
public sealed class LateSignalTests
{
    [Fact]
    public void ASignalDuringTheCommitIsFollowedByALineSayingTheRunFinished()
    {
        using var error = new StringWriter();

        int code = FailureHandler.RunInterruptible(error, interruption =>
        {
            Signals.Send(Environment.ProcessId, Signals.SigInt);
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (interruption.Signal is null && waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                Thread.Sleep(10);
            }

            return ExitCodes.Success;
        });

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("SIGINT: stopping at the next batch", error.ToString());
        Assert.Contains("dedup: SIGINT came too late to stop the run: it had finished, and OUT holds its whole output.", error.ToString());
    }
}
