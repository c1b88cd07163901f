namespace Dedup.Cli.Tests;

/// <summary>
/// Issue 12, finding 6: a second run on an OUT or a run folder in use fails at once, naming the
/// first one's pid and host, and the first finishes with correct outputs; the tasks of one stage
/// still run side by side (as Slurm array tasks do), but two attempts of one task do not.
/// </summary>
public sealed class LockTests : IClassFixture<DoubledDevmix>
{
    private static readonly string Host = Environment.MachineName;

    private readonly DoubledDevmix corpus;

    public LockTests(DoubledDevmix corpus) => this.corpus = corpus;

    [Fact]
    public void ASecondRunOnTheSameOutputFailsAtOnceNamingTheFirstWhichStillFinishesWithCorrectOutputs()
    {
        using var temp = new TempFolder();
        string output = temp.PathOf("out");
        using var first = LiveRun.Start("run", corpus.Input, "-o", output, "--threads", "1");
        first.WaitForLine("signatures: started");

        var second = CliRunner.Run("run", corpus.Input, "-o", output);

        Assert.False(first.HasExited, "the first run ended before the second was refused");
        Assert.True(second.ExitCode == 2, second.ToString());
        Assert.Contains($"{output} is in use by dedup pid {first.Pid} on host {Host}", second.Stderr);
        var result = first.Finish();
        Assert.True(result.ExitCode == 0, result.ToString());
        SameOutputs.Assert(corpus.Expected, output);
        Assert.Equal(["out"], temp.Entries());
    }

    [Fact]
    public void ASecondRunOnTheSameRunFolderFailsAtOnceNamingTheFirst()
    {
        using var temp = new TempFolder();
        string runDir = temp.PathOf("run");
        using var first = LiveRun.Start("run", corpus.Input, "-o", temp.PathOf("out-1"), "--run-dir", runDir, "--threads", "1");
        first.WaitForLine("signatures: started");

        var second = CliRunner.Run("run", corpus.Input, "-o", temp.PathOf("out-2"), "--run-dir", runDir);

        Assert.False(first.HasExited, "the first run ended before the second was refused");
        Assert.True(second.ExitCode == 2, second.ToString());
        Assert.Contains($"{runDir} is in use by dedup pid {first.Pid} on host {Host}", second.Stderr);
        Assert.False(Directory.Exists(temp.PathOf("out-2")));
        var result = first.Finish();
        Assert.True(result.ExitCode == 0, result.ToString());
        SameOutputs.Assert(corpus.Expected, temp.PathOf("out-1"));
    }

    [Fact]
    public void TwoTasksOfOneStageRunSideBySideOnOneRunFolder()
    {
        using var temp = new TempFolder();
        string runDir = temp.PathOf("run");
        var plan = CliRunner.Run("plan", corpus.Input, "--run-dir", runDir, "--tasks", "2");
        Assert.True(plan.ExitCode == 0, plan.ToString());

        using var task0 = LiveRun.Start("signatures", "--run-dir", runDir, "--task-index", "0", "--threads", "1");
        using var task1 = LiveRun.Start("signatures", "--run-dir", runDir, "--task-index", "1", "--threads", "1");

        foreach (var (task, name) in new[] { (task0, "task-00000"), (task1, "task-00001") })
        {
            var result = task.Finish();
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.True(File.Exists(Path.Combine(runDir, "signatures", name, "done.json")), $"{name} did not finish");
        }
    }

    [Fact]
    public void ASecondAttemptOfARunningTaskFailsAtOnceNamingTheFirst()
    {
        using var temp = new TempFolder();
        string runDir = temp.PathOf("run");
        var plan = CliRunner.Run("plan", corpus.Input, "--run-dir", runDir);
        Assert.True(plan.ExitCode == 0, plan.ToString());
        using var first = LiveRun.Start("signatures", "--run-dir", runDir, "--task-index", "0", "--threads", "1");
        first.WaitForLine("signatures: started");

        var second = CliRunner.Run("signatures", "--run-dir", runDir, "--task-index", "0");

        Assert.False(first.HasExited, "the first attempt ended before the second was refused");
        Assert.True(second.ExitCode == 2, second.ToString());
        Assert.Contains($"signatures task 0 of {runDir} is in use by dedup pid {first.Pid} on host {Host}", second.Stderr);
        var result = first.Finish();
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(runDir, "signatures", "task-00000", "done.json")));
    }
}
