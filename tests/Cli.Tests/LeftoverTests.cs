using System.Diagnostics;

namespace Dedup.Cli.Tests;

/// <summary>
/// Issue 12, finding 5: the staging and work folders of runs that died (named with their host and
/// pid) are removed by the next run on the same OUT and by `dedup clean`; those of a live process,
/// or of another host, are kept.
/// </summary>
public sealed class LeftoverTests
{
    private static readonly string Host = Environment.MachineName;

    [Fact]
    public void ARunRemovesTheStagingAndWorkFoldersOfDeadRunsAndKeepsThoseOfLiveOnesAndOtherHosts()
    {
        using var temp = new TempFolder();
        int dead = DeadPid();
        string deadStaging = Leftover(temp, $".out.dedup-staging-{Host}-{dead}-{Guid.NewGuid():N}");
        string deadWork = Leftover(temp, $".out.dedup-work-{Host}-{dead}-{Guid.NewGuid():N}");
        string liveStaging = Leftover(temp, $".out.dedup-staging-{Host}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        string otherHost = Leftover(temp, $".out.dedup-work-some-other-node-{dead}-{Guid.NewGuid():N}");

        var run = CliRunner.Run("run", TestPaths.SamplesCorpus, "-o", temp.PathOf("out"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(Directory.Exists(deadStaging), "the dead run's staging folder is still there");
        Assert.False(Directory.Exists(deadWork), "the dead run's work folder is still there");
        Assert.True(Directory.Exists(liveStaging), "the staging folder of a live process was removed");
        Assert.True(Directory.Exists(otherHost), "another host's work folder was removed");
        Assert.Contains($"removed {deadStaging}", run.Stderr);
        Assert.Equal(new[] { "out", Path.GetFileName(liveStaging), Path.GetFileName(otherHost) }.Order(StringComparer.Ordinal), temp.Entries());
    }

    [Fact]
    public void CleanRemovesDeadLeftoversBesideTheOutputAndInTheRunFolderAndSaysWhatItRemoved()
    {
        using var temp = new TempFolder();
        int dead = DeadPid();
        string runDir = temp.PathOf("run");
        var plan = CliRunner.Run("plan", TestPaths.SamplesCorpus, "--run-dir", runDir, "--tasks", "2");
        Assert.True(plan.ExitCode == 0, plan.ToString());
        string deadStaging = Leftover(temp, $".out.dedup-staging-{Host}-{dead}-{Guid.NewGuid():N}");
        string deadWork = Leftover(temp, $".out.dedup-work-{Host}-{dead}-{Guid.NewGuid():N}");
        string liveWork = Leftover(temp, $".out.dedup-work-{Host}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        string deadAttempt = Leftover(temp, $"run/signatures/.task-00000.partial-{Host}-{dead}-{Guid.NewGuid():N}");
        string liveAttempt = Leftover(temp, $"run/signatures/.task-00001.partial-{Host}-{Environment.ProcessId}-{Guid.NewGuid():N}");
        string staleLock = temp.Write("run/signatures/.task-00000.lock", $"{{\"host\":\"{Host}\",\"pid\":{dead}}}\n");

        var clean = CliRunner.Run("clean", temp.PathOf("out"), "--run-dir", runDir);

        Assert.True(clean.ExitCode == 0, clean.ToString());
        foreach (string removed in new[] { deadStaging, deadWork, deadAttempt })
        {
            Assert.False(Directory.Exists(removed), $"{removed} is still there");
            Assert.Contains($"removed {removed}", clean.Stdout);
        }

        Assert.False(File.Exists(staleLock), "the dead holder's lock file is still there");
        Assert.True(Directory.Exists(liveWork), "the work folder of a live process was removed");
        Assert.True(Directory.Exists(liveAttempt), "the partial folder of a live process was removed");
        Assert.Contains($"kept {liveWork}", clean.Stdout);
    }

    [Fact]
    public void CleanPutsBackAnOutputThatADeadRunHadMovedAsideToReplaceIt()
    {
        using var temp = new TempFolder();
        string old = Leftover(temp, $".out.dedup-old-{Host}-{DeadPid()}-{Guid.NewGuid():N}");

        var clean = CliRunner.Run("clean", temp.PathOf("out"));

        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.False(Directory.Exists(old));
        Assert.Equal("kept", File.ReadAllText(temp.PathOf("out/file.txt")));
        Assert.Contains($"restored {temp.PathOf("out")}", clean.Stdout);
    }

    /// <summary>A folder with a file in it, as a run leaves them.</summary>
    private static string Leftover(TempFolder temp, string relative)
    {
        temp.Write(relative + "/file.txt", "kept");
        return temp.PathOf(relative);
    }

    /// <summary>The pid of a process that has exited (pids are not reused this soon).</summary>
    private static int DeadPid()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        process.WaitForExit();
        return process.Id;
    }
}
