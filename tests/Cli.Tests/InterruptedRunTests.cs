using Dedup.Reliability;

namespace Dedup.Cli.Tests;

/// <summary>
/// Issue 12, finding 5: Ctrl-C (SIGINT) and SIGTERM stop a run at its next batch, say so, remove
/// what it staged and its temporary work folder, leave OUT as it was and exit 130 or 143; with
/// --run-dir the finished tasks stay, and the same command resumes to the outputs of an
/// uninterrupted run.
/// </summary>
public sealed class InterruptedRunTests : IClassFixture<DoubledDevmix>
{
    private readonly DoubledDevmix corpus;

    public InterruptedRunTests(DoubledDevmix corpus) => this.corpus = corpus;

    [Fact]
    public void CtrlCDuringSigningStopsTheRunWithExit130AndLeavesNoOutputNoStagingAndNoWorkFolder()
    {
        using var temp = new TempFolder();
        string output = temp.PathOf("target/out");
        using var run = LiveRun.Start("run", corpus.Input, "-o", output, "--threads", "1");
        run.WaitForLine("signatures: started");
        run.Signal(Signals.SigInt);
        var result = run.Finish();

        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.Contains("dedup: interrupted (SIGINT)", result.Stderr);
        Assert.Contains($"{output} is as it was", result.Stderr);
        Assert.Empty(Directory.GetFileSystemEntries(temp.PathOf("target")));
    }

    [Fact]
    public void SigtermDuringTheFilterStopsTheRunWithExit143AndLeavesTheOldOutputByteForByte()
    {
        using var temp = new TempFolder();
        string output = temp.PathOf("target/out");
        CopyFolder(corpus.Expected, output);
        using var run = LiveRun.Start("run", corpus.Input, "-o", output, "--overwrite", "--threads", "1");
        run.WaitForLine("filter: started");
        run.Signal(Signals.SigTerm);
        var result = run.Finish();

        Assert.True(result.ExitCode == 143, result.ToString());
        Assert.Contains("dedup: interrupted (SIGTERM)", result.Stderr);
        Assert.Equal(["out"], Directory.GetFileSystemEntries(temp.PathOf("target")).Select(Path.GetFileName));
        AssertSameFiles(corpus.Expected, output);
    }

    [Fact]
    public void AnInterruptedRunWithARunFolderKeepsItsFinishedTasksAndTheSameCommandResumesToTheSameOutputs()
    {
        using var temp = new TempFolder();
        string output = temp.PathOf("target/out");
        string runDir = temp.PathOf("run");
        string[] command = ["run", corpus.Input, "-o", output, "--run-dir", runDir, "--threads", "1"];
        using (var run = LiveRun.Start(command))
        {
            run.WaitForLine("buckets: started");
            run.Signal(Signals.SigInt);
            var result = run.Finish();
            Assert.True(result.ExitCode == 130, result.ToString());
            Assert.Contains($"{runDir} keeps the finished tasks", result.Stderr);
        }

        Assert.Empty(Directory.GetFileSystemEntries(temp.PathOf("target")));
        Assert.True(Directory.Exists(Path.Combine(runDir, "signatures", "task-00000")), "the finished signatures task was not kept");
        Assert.Empty(Directory.GetDirectories(Path.Combine(runDir, "buckets"), ".task-*"));

        var rerun = CliRunner.Run(command);
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Contains("signatures task 0 finished earlier; skipped", rerun.Stderr);
        SameOutputs.Assert(corpus.Expected, output);
    }

    [Fact]
    public void CtrlCDuringAStageTaskRemovesItsPartialFolderAndExits130()
    {
        using var temp = new TempFolder();
        string runDir = temp.PathOf("run");
        var plan = CliRunner.Run("plan", corpus.Input, "--run-dir", runDir);
        Assert.True(plan.ExitCode == 0, plan.ToString());
        using var task = LiveRun.Start("signatures", "--run-dir", runDir, "--task-index", "0", "--threads", "1");
        task.WaitUntil(() => Directory.Exists(Path.Combine(runDir, "signatures")) && Directory.GetDirectories(Path.Combine(runDir, "signatures"), ".task-00000.partial-*").Length > 0, "a partial folder");
        task.Signal(Signals.SigInt);
        var result = task.Finish();

        Assert.True(result.ExitCode == 130, result.ToString());
        Assert.Contains("dedup: interrupted (SIGINT)", result.Stderr);
        Assert.Empty(Directory.GetDirectories(Path.Combine(runDir, "signatures")));
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (string file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Every file, the reports included: the old OUT must be untouched, not just equivalent.</summary>
    private static void AssertSameFiles(string expected, string actual)
    {
        string[] Files(string root) => Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToArray();
        var files = Files(expected);
        Assert.Equal(files, Files(actual));
        foreach (string file in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expected, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actual, file))), $"{file} changed");
        }
    }
}
