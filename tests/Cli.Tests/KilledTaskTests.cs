using System.Diagnostics;

namespace Dedup.Cli.Tests;

/// <summary>
/// A task killed with SIGKILL in the middle of each stage leaves nothing that looks finished, and
/// rerunning the stages gives outputs byte-identical to one uninterrupted `dedup run`.
/// </summary>
public sealed class KilledTaskTests : IClassFixture<DoubledDevmix>
{
    private readonly DoubledDevmix corpus;

    public KilledTaskTests(DoubledDevmix corpus) => this.corpus = corpus;

    [Theory]
    [InlineData("signatures")]
    [InlineData("buckets")]
    [InlineData("cluster")]
    [InlineData("filter")]
    public void AKilledTaskIsRunAgainAndTheOutputsAreThoseOfAnUninterruptedRun(string stage)
    {
        using var temp = new TempFolder();
        string runDir = temp.PathOf("run");
        Succeed(CliRunner.Run("plan", corpus.Input, "--run-dir", runDir, "--tasks", "2", "--partitions", "2"));
        foreach (string earlier in Stages.TakeWhile(s => s != stage))
        {
            Succeed(CliRunner.Run(earlier, "--run-dir", runDir, "-q"));
        }

        KillInTheMiddle(runDir, stage);
        Assert.False(Directory.Exists(Path.Combine(runDir, stage, "task-00000")), $"the killed {stage} task looks finished");

        foreach (string rest in Stages.SkipWhile(s => s != stage))
        {
            Succeed(CliRunner.Run(rest, "--run-dir", runDir, "-q"));
        }

        Assert.Empty(Directory.GetDirectories(Path.Combine(runDir, stage), ".task-*"));
        SameOutputs.Assert(corpus.Expected, Path.Combine(runDir, "output"));
    }

    private static readonly string[] Stages = ["signatures", "buckets", "cluster", "filter", "report"];

    /// <summary>Starts task 0 on one thread and kills it as soon as its partial folder appears.</summary>
    private static void KillInTheMiddle(string runDir, string stage)
    {
        string stageFolder = Path.Combine(runDir, stage);
        using var process = CliRunner.Start(stage, "--run-dir", runDir, "--task-index", "0", "--threads", "1", "-q");
        var clock = Stopwatch.StartNew();
        while (!(Directory.Exists(stageFolder) && Directory.GetDirectories(stageFolder, ".task-00000.partial-*").Length > 0))
        {
            Assert.False(process.HasExited, $"{stage} task 0 finished (exit {(process.HasExited ? process.ExitCode : 0)}) before it could be killed");
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"{stage} task 0 made no partial folder");
            Thread.Sleep(1);
        }

        process.Kill();
        process.WaitForExit();
    }

    private static void Succeed(CliRunner.Result result) => Assert.True(result.ExitCode == 0, result.ToString());
}
