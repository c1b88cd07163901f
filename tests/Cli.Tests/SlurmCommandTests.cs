using System.Diagnostics;
using Dedup.Engine.Plan;
using Dedup.Engine.RunFiles;
using Dedup.Engine.Slurm;

namespace Dedup.Cli.Tests;

/// <summary><c>dedup slurm submit|status</c> against a recording sbatch on PATH (no Slurm needed).</summary>
public class SlurmCommandTests
{
    [Fact]
    public void SubmitPlansWritesTheScriptsAndSubmitsChainedArrays()
    {
        using var temp = new TempFolder();
        using var sbatch = new SlurmFakeSbatch();
        string input = Path.Combine(temp.Root, "in put");
        SlurmTestSupport.Copy(TestPaths.SamplesCorpus, input);
        string run = Path.Combine(temp.Root, "run dir");

        var result = sbatch.Dedup(
            "slurm", "submit", input, "--run-dir", run, "--tasks", "3", "--partitions", "2", "--max-parallel", "2",
            "--partition", "debug", "--sbatch-arg=--mem=1G", "--sbatch-arg", "--comment=a b", "--device", "cpu", "--threads", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        string Script(Stage s) => Path.Combine(run, "slurm", $"{s.Name()}.sbatch");
        Assert.Equal(
            [
                ["--parsable", "--array=0-2%2", Script(Stage.Signatures)],
                ["--parsable", "--array=0-1", "--dependency=afterok:1001", "--kill-on-invalid-dep=yes", Script(Stage.Buckets)],
                ["--parsable", "--dependency=afterok:1002", "--kill-on-invalid-dep=yes", Script(Stage.Cluster)],
                ["--parsable", "--array=0-2%2", "--dependency=afterok:1003", "--kill-on-invalid-dep=yes", Script(Stage.Filter)],
                ["--parsable", "--dependency=afterok:1004", "--kill-on-invalid-dep=yes", Script(Stage.Report)],
            ],
            sbatch.Calls());
        Assert.Contains("submitted 5 job(s): 1001 1002 1003 1004 1005", result.Stdout);
        Assert.True(File.Exists(Path.Combine(run, RunFileNames.Plan)));
        Assert.True(Directory.Exists(Path.Combine(run, "slurm", "logs")));

        string signatures = File.ReadAllText(Script(Stage.Signatures));
        Assert.Contains("#SBATCH --partition=debug\n#SBATCH --mem=1G\n#SBATCH \"--comment=a b\"\n", signatures);
        string dll = Path.Combine(AppContext.BaseDirectory, "dedup.dll");
        string exec = signatures.Split('\n').Single(l => l.StartsWith("exec ", StringComparison.Ordinal));
        Assert.Matches("^exec [^ ]*dotnet ", exec);
        Assert.EndsWith($" {ShellQuote.Bash(dll)} signatures --run-dir '{run}' --device cpu --threads 2", exec);
    }

    /// <summary>
    /// The whole run through the written scripts, started by bash as Slurm would start them (task by
    /// task, $SLURM_ARRAY_TASK_ID set), gives what `dedup run` gives; then a lost filter task is found
    /// by status and resubmitted alone.
    /// </summary>
    [Fact]
    public void TheScriptsRunTheStagesAndALostTaskIsResubmittedAlone()
    {
        using var temp = new TempFolder();
        using var sbatch = new SlurmFakeSbatch();
        string input = Path.Combine(temp.Root, "in put");
        SlurmTestSupport.Copy(TestPaths.SamplesCorpus, input);
        string run = Path.Combine(temp.Root, "run 'dir'");
        string reference = Path.Combine(temp.Root, "reference");
        var oneProcess = CliRunner.Run("run", input, "-o", reference, "--device", "cpu", "-q");
        Assert.True(oneProcess.ExitCode == 0, oneProcess.ToString());

        var submit = sbatch.Dedup("slurm", "submit", input, "--run-dir", run, "--tasks", "3", "--partitions", "2", "--device", "cpu", "--sbatch-arg=--mem=1G");
        Assert.True(submit.ExitCode == 0, submit.ToString());
        var plan = RunPlan.Load(run);
        foreach (var stage in Enum.GetValues<Stage>())
        {
            for (int task = 0; task < plan.TaskCount(stage); task++)
            {
                RunScript(Path.Combine(run, "slurm", $"{stage.Name()}.sbatch"), task);
            }
        }

        string output = Path.Combine(run, "output");
        SameOutputs.Assert(reference, output);
        var done = sbatch.Dedup("slurm", "status", run);
        Assert.True(done.ExitCode == 0, done.ToString());
        Assert.Contains("every task has finished", done.Stdout);

        // Task 1 of filter is lost, with the shard it wrote.
        Directory.Delete(Path.Combine(run, "filter", "task-00001"), recursive: true);
        var range = plan.SignatureTasks[1];
        foreach (var shard in plan.Shards.Skip(range[0]).Take(range[1] - range[0]))
        {
            File.Delete(Path.Combine(output, shard.Path));
        }

        var status = sbatch.Dedup("slurm", "status", "--run-dir", run);
        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Matches(@"filter +2/3 +missing 1\n", status.Stdout);
        Assert.Contains($"slurm submit --run-dir {ShellQuote.Bash(Path.GetFullPath(run))}\n", status.Stdout);
        Assert.Contains($"  sbatch --parsable --array=1 {ShellQuote.Bash(Path.Combine(run, "slurm", "filter.sbatch"))}\n", status.Stdout);

        var resubmit = sbatch.Dedup("slurm", "submit", "--run-dir", run);
        Assert.True(resubmit.ExitCode == 0, resubmit.ToString());
        Assert.Equal(["--parsable", "--array=1", Path.Combine(run, "slurm", "filter.sbatch")], sbatch.Calls()[^1]);
        Assert.Contains("#SBATCH --mem=1G\n", File.ReadAllText(Path.Combine(run, "slurm", "filter.sbatch")));
        RunScript(Path.Combine(run, "slurm", "filter.sbatch"), 1);
        SameOutputs.Assert(reference, output);

        var nothing = sbatch.Dedup("slurm", "submit", "--run-dir", run);
        Assert.True(nothing.ExitCode == 0, nothing.ToString());
        Assert.Contains("nothing to submit", nothing.Stdout);
        Assert.Equal(6, sbatch.Calls().Count);
    }

    [Fact]
    public void StatusShowsMissingTasksAsRangesAndTheChainedSbatchLines()
    {
        using var temp = new TempFolder();
        using var sbatch = new SlurmFakeSbatch();
        string run = Path.Combine(temp.Root, "run");
        Assert.Equal(0, sbatch.Dedup("slurm", "submit", TestPaths.SamplesCorpus, "--run-dir", run, "--tasks", "3", "--partitions", "3").ExitCode);
        Directory.CreateDirectory(Path.Combine(run, "signatures", "task-00001"));
        File.WriteAllText(Path.Combine(run, "signatures", "task-00001", "done.json"), "{}");
        Directory.CreateDirectory(Path.Combine(run, "signatures", ".task-00002.partial-node7-77-abc"));

        var status = sbatch.Dedup("slurm", "status", run);

        Assert.True(status.ExitCode == 0, status.ToString());
        Assert.Matches(@"signatures +1/3 +missing 0,2\n", status.Stdout);
        Assert.Matches(@"buckets +0/3 +missing 0-2\n", status.Stdout);
        Assert.Contains("task 2: an attempt (dedup pid 77 on host node7,", status.Stdout);
        Assert.Contains("none of them is still in the queue", status.Stdout);
        string Script(string stage) => Path.Combine(run, "slurm", $"{stage}.sbatch");
        Assert.Contains(
            $"  j1=$(sbatch --parsable --array=0,2 {Script("signatures")})\n"
            + $"  j2=$(sbatch --parsable --array=0-2 --dependency=afterok:$j1 --kill-on-invalid-dep=yes {Script("buckets")})\n"
            + $"  j3=$(sbatch --parsable --dependency=afterok:$j2 --kill-on-invalid-dep=yes {Script("cluster")})\n"
            + $"  j4=$(sbatch --parsable --array=0-2 --dependency=afterok:$j3 --kill-on-invalid-dep=yes {Script("filter")})\n"
            + $"  sbatch --parsable --dependency=afterok:$j4 --kill-on-invalid-dep=yes {Script("report")}\n",
            status.Stdout);
    }

    [Fact]
    public void SubmitRefusesWhileJobsOfTheRunAreQueuedUnlessForced()
    {
        using var temp = new TempFolder();
        using var sbatch = new SlurmFakeSbatch();
        string run = Path.Combine(temp.Root, "run");
        Assert.Equal(0, sbatch.Dedup("slurm", "submit", TestPaths.SamplesCorpus, "--run-dir", run, "--tasks", "2").ExitCode);
        sbatch.Queue = "1004_[0-1] PENDING (Dependency)\n";

        var refused = sbatch.Dedup("slurm", "submit", "--run-dir", run);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("1004_[0-1] PENDING", refused.Stderr);
        Assert.Contains("--force", refused.Stderr);
        Assert.Equal(5, sbatch.Calls().Count);

        var forced = sbatch.Dedup("slurm", "submit", "--run-dir", run, "--force");
        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.Equal(10, sbatch.Calls().Count);
    }

    [Fact]
    public void AFailedSbatchExits2AndNamesTheJobsToCancel()
    {
        using var temp = new TempFolder();
        using var sbatch = new SlurmFakeSbatch();
        sbatch.FailAt(3);

        var result = sbatch.Dedup("slurm", "submit", TestPaths.SamplesCorpus, "--run-dir", Path.Combine(temp.Root, "run"), "--tasks", "2");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("invalid partition specified", result.Stderr);
        Assert.Contains("scancel 1001 1002", result.Stderr);
    }

    [Fact]
    public void PlanOptionsWithoutInputAndFoldersThatAreNotRunsAreRefused()
    {
        using var temp = new TempFolder();
        using var sbatch = new SlurmFakeSbatch();
        string run = Path.Combine(temp.Root, "run");
        Assert.Equal(0, sbatch.Dedup("slurm", "submit", TestPaths.SamplesCorpus, "--run-dir", run).ExitCode);

        var replan = sbatch.Dedup("slurm", "submit", "--run-dir", run, "--tasks", "5");
        Assert.Equal(1, replan.ExitCode);
        Assert.Contains("--tasks without INPUT", replan.Stderr);

        var other = sbatch.Dedup("slurm", "submit", TestPaths.SamplesCorpus, "--run-dir", run, "--ngram", "3");
        Assert.Equal(1, other.ExitCode);
        Assert.Contains("already holds a run planned with other inputs or settings", other.Stderr);

        var lower = sbatch.Dedup("slurm", "submit", TestPaths.SamplesCorpus, "--run-dir", run, "--threshold", "0.7");
        Assert.Equal(1, lower.ExitCode);
        Assert.Contains("threshold 0.7 needs the bands chosen for it", lower.Stderr);

        var notRun = sbatch.Dedup("slurm", "status", temp.Root);
        Assert.Equal(2, notRun.ExitCode);
        Assert.Contains("is not a run folder", notRun.Stderr);

        Assert.Equal(1, sbatch.Dedup("slurm", "submit", "--run-dir", run, "--max-parallel", "0").ExitCode);
        Assert.Equal(5, sbatch.Calls().Count);
    }

    private static void RunScript(string script, int task)
    {
        var start = new ProcessStartInfo("bash") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.Environment["SLURM_ARRAY_TASK_ID"] = task.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var bash = Process.Start(start)!;
        var stdout = bash.StandardOutput.ReadToEndAsync();
        string stderr = bash.StandardError.ReadToEnd();
        bash.WaitForExit();
        Assert.True(bash.ExitCode == 0, $"bash {script} (task {task}): exit {bash.ExitCode}\n{stdout.Result}\n{stderr}");
    }
}
