using System.Diagnostics;
using System.Text.RegularExpressions;
using Dedup.Engine.Plan;
using Dedup.Engine.RunFiles;
using Dedup.Engine.Slurm;

namespace Dedup.Cli.Tests;

/// <summary>
/// Issue 4: a staged run submitted to a real (single-node) Slurm cluster as chained array jobs gives
/// the same bytes as `dedup run`; a lost task is named by `dedup slurm status` and resubmitted by
/// the command it prints. Needs slurm-wlm and munge (.ci/install-slurm.sh): skipped without them, failed on CI.
/// </summary>
public partial class SlurmClusterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    [SkippableFact]
    public void ARunOnSlurmMatchesDedupRunAndALostFilterTaskIsResubmitted()
    {
        using var temp = new TempFolder();
        using var cluster = new SlurmLocalCluster(Path.Combine(temp.Root, "slurm-local"));
        string input = Path.Combine(TestPaths.Shared, "data", "devmix", "shards");
        string run = Path.Combine(temp.Root, "run dir");
        string reference = Path.Combine(temp.Root, "reference");
        var oneProcess = CliRunner.Run("run", input, "-o", reference, "--device", "cpu", "-q");
        Assert.True(oneProcess.ExitCode == 0, oneProcess.ToString());

        // --mem: without it each job would take the whole node's memory and the tasks would run one by one.
        var submit = CliRunner.RunWith(
            cluster.Environment,
            "slurm", "submit", input, "--run-dir", run, "--tasks", "4", "--partitions", "4", "--device", "cpu", "--threads", "1", "--sbatch-arg=--mem=1G");
        Assert.True(submit.ExitCode == 0, submit.ToString());
        Assert.Equal(4, RunPlan.Load(run).TaskCount(Stage.Signatures));
        WaitForRun(cluster, run, JobIds(submit.Stdout));
        string output = Path.Combine(run, "output");
        SameOutputs.Assert(reference, output);

        // Filter task 2 is lost, with what it wrote.
        var plan = RunPlan.Load(run);
        Directory.Delete(Path.Combine(run, "filter", "task-00002"), recursive: true);
        var range = plan.SignatureTasks[2];
        foreach (var shard in plan.Shards.Skip(range[0]).Take(range[1] - range[0]))
        {
            File.Delete(Path.Combine(output, shard.Path));
            File.Delete(Path.Combine(output, "removed", shard.Path + ".removed.jsonl"));
        }

        var status = CliRunner.RunWith(cluster.Environment, "slurm", "status", run);
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Matches(@"filter +3/4 +missing 2\n", status.Stdout);
        Assert.Contains($"sbatch --parsable --array=2 {ShellQuote.Bash(Path.Combine(run, "slurm", "filter.sbatch"))}\n", status.Stdout);
        string resubmitLine = status.Stdout.Split('\n').Select(l => l.Trim()).Single(l => l.Contains(" slurm submit --run-dir ", StringComparison.Ordinal));

        var resubmit = cluster.Run("bash", "-c", resubmitLine);
        Assert.True(resubmit.Exit == 0, $"{resubmitLine}\n{resubmit.Output}");
        var jobs = JobIds(resubmit.Output);
        string job = Assert.Single(jobs);
        WaitForRun(cluster, run, jobs);
        SameOutputs.Assert(reference, output);
        Assert.True(File.Exists(Path.Combine(run, "slurm", "logs", $"dedup-filter-{job}_2.out")), $"no log of the resubmitted task in {Path.Combine(run, "slurm", "logs")}");
    }

    private static IReadOnlyList<string> JobIds(string stdout)
    {
        var match = SubmittedLine().Match(stdout);
        Assert.True(match.Success, $"no job ids in:\n{stdout}");
        return match.Groups[1].Value.Split(' ');
    }

    /// <summary>Waits until every task of the run has finished and its jobs have left the queue; on failure says what the logs say.</summary>
    private static void WaitForRun(SlurmLocalCluster cluster, string run, IReadOnlyList<string> jobs)
    {
        var folder = RunFolder.Open(run);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var queued = cluster.Queued(jobs);
            bool finished = Enum.GetValues<Stage>().All(s => folder.MissingTasks(s).Count == 0);
            if (queued is { Count: 0 })
            {
                Assert.True(finished, $"the jobs {string.Join(' ', jobs)} left the queue with tasks unfinished.\n{Logs(run)}");
                return;
            }

            Assert.True(clock.Elapsed < Patience, $"the run did not finish in {Patience.TotalMinutes} minutes; still queued: {(queued is null ? "(squeue failed)" : string.Join("; ", queued))}\n{Logs(run)}");
            Thread.Sleep(500);
        }
    }

    private static string Logs(string run)
    {
        string logs = Path.Combine(run, "slurm", "logs");
        return Directory.Exists(logs)
            ? string.Join('\n', Directory.EnumerateFiles(logs).Order(StringComparer.Ordinal).Select(f => $"== {Path.GetFileName(f)}\n{File.ReadAllText(f)}"))
            : $"(no {logs})";
    }

    [GeneratedRegex(@"submitted \d+ job\(s\): ([0-9 ]+);")]
    private static partial Regex SubmittedLine();
}
