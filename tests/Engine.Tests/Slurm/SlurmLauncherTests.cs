using Dedup.Engine.IO;
using Dedup.Engine.Plan;
using Dedup.Engine.Slurm;

namespace Dedup.Engine.Tests.Slurm;

public class SlurmLauncherTests
{
    [Fact]
    public void SubmitChainsTheFiveStagesWithAfterokAndKillOnInvalidDep()
    {
        using var f = new SlurmRunFixture(shards: 4, tasks: 4, partitions: 3);
        var jobs = SlurmLauncher.Submit(f.Run, f.Settings(), f.Slurm);

        string Script(Stage s) => SlurmFolder.Script(f.Run, s);
        Assert.Equal(
            [
                ["--parsable", "--array=0-3", Script(Stage.Signatures)],
                ["--parsable", "--array=0-2", "--dependency=afterok:1001", "--kill-on-invalid-dep=yes", Script(Stage.Buckets)],
                ["--parsable", "--dependency=afterok:1002", "--kill-on-invalid-dep=yes", Script(Stage.Cluster)],
                ["--parsable", "--array=0-3", "--dependency=afterok:1003", "--kill-on-invalid-dep=yes", Script(Stage.Filter)],
                ["--parsable", "--dependency=afterok:1004", "--kill-on-invalid-dep=yes", Script(Stage.Report)],
            ],
            f.Slurm.Calls);
        Assert.Equal(["1001", "1002", "1003", "1004", "1005"], jobs.Select(j => j.JobId));
        Assert.Equal(jobs.Select(j => (j.Stage, j.JobId, j.Tasks)), SubmittedJob.ReadAll(f.Run).Select(j => (j.Stage, j.JobId, j.Tasks)));
    }

    [Fact]
    public void MaxParallelLimitsEveryArray()
    {
        using var f = new SlurmRunFixture(shards: 4, tasks: 4, partitions: 4);
        SlurmLauncher.Submit(f.Run, f.Settings(maxParallel: 2), f.Slurm);

        Assert.Equal(["--array=0-3%2", "--array=0-3%2", null, "--array=0-3%2", null], f.Slurm.Calls.Select(c => c.FirstOrDefault(a => a.StartsWith("--array=", StringComparison.Ordinal))));
        Assert.Contains("#SBATCH --array=0-3%2\n", File.ReadAllText(SlurmFolder.Script(f.Run, Stage.Buckets)));
        Assert.DoesNotContain("#SBATCH --array", File.ReadAllText(SlurmFolder.Script(f.Run, Stage.Cluster)));
    }

    [Fact]
    public void ResubmissionSendsOnlyTheMissingTasksAndChainsOnlyTheStagesWithWork()
    {
        using var f = new SlurmRunFixture(shards: 4, tasks: 4, partitions: 4);
        f.Finish(Stage.Signatures, 0, 1, 2, 3);
        f.Finish(Stage.Buckets, 0, 2);

        SlurmLauncher.Submit(f.Run, f.Settings(maxParallel: 3), f.Slurm);

        Assert.Equal(
            [
                ["--parsable", "--array=1,3", SlurmFolder.Script(f.Run, Stage.Buckets)],
                ["--parsable", "--dependency=afterok:1001", "--kill-on-invalid-dep=yes", SlurmFolder.Script(f.Run, Stage.Cluster)],
                ["--parsable", "--array=0-3%3", "--dependency=afterok:1002", "--kill-on-invalid-dep=yes", SlurmFolder.Script(f.Run, Stage.Filter)],
                ["--parsable", "--dependency=afterok:1003", "--kill-on-invalid-dep=yes", SlurmFolder.Script(f.Run, Stage.Report)],
            ],
            f.Slurm.Calls);
    }

    [Fact]
    public void ResubmissionOfAFewFilterTasksDependsOnNothingAndTheReportWaitsForThem()
    {
        using var f = new SlurmRunFixture(shards: 4, tasks: 4, partitions: 2);
        f.Finish(Stage.Signatures, 0, 1, 2, 3);
        f.Finish(Stage.Buckets, 0, 1);
        f.Finish(Stage.Cluster, 0);
        f.Finish(Stage.Filter, 0, 1, 3);

        SlurmLauncher.Submit(f.Run, f.Settings(), f.Slurm);

        Assert.Equal(
            [
                ["--parsable", "--array=2", SlurmFolder.Script(f.Run, Stage.Filter)],
                ["--parsable", "--dependency=afterok:1001", "--kill-on-invalid-dep=yes", SlurmFolder.Script(f.Run, Stage.Report)],
            ],
            f.Slurm.Calls);
    }

    [Fact]
    public void AFinishedRunSubmitsNothing()
    {
        using var f = new SlurmRunFixture(shards: 2, tasks: 2, partitions: 1);
        f.Finish(Stage.Signatures, 0, 1);
        f.Finish(Stage.Buckets, 0);
        f.Finish(Stage.Cluster, 0);
        f.Finish(Stage.Filter, 0, 1);
        f.Finish(Stage.Report, 0);

        Assert.Empty(SlurmLauncher.Submit(f.Run, f.Settings(), f.Slurm));
        Assert.Empty(f.Slurm.Calls);
        Assert.Empty(SlurmLauncher.Pending(f.Run, null));
    }

    [Fact]
    public void AFailedSbatchNamesTheJobsAlreadySubmitted()
    {
        using var f = new SlurmRunFixture();
        var slurm = new FailingSlurm(failAt: 3);

        var e = Assert.Throws<InputException>(() => SlurmLauncher.Submit(f.Run, f.Settings(), slurm));

        Assert.Contains("sbatch: error: no partition", e.Message);
        Assert.Contains("scancel 1 2", e.Message);
        Assert.Equal(["1", "2"], SubmittedJob.ReadAll(f.Run).Select(j => j.JobId));
    }

    [Fact]
    public void SettingsAreKeptForTheNextSubmission()
    {
        using var f = new SlurmRunFixture();
        var settings = f.Settings(maxParallel: 2, sbatchArgs: ["--gres=gpu:1"]) with { Device = "cuda", Threads = 4 };
        SlurmLauncher.Submit(f.Run, settings, f.Slurm);

        var saved = SlurmSettings.Load(f.Run)!;
        Assert.Equal(settings.Program, saved.Program);
        Assert.Equal(settings.SbatchArguments, saved.SbatchArguments);
        Assert.Equal((settings.Partition, settings.Time, settings.MaxParallel, settings.Device, settings.Threads), (saved.Partition, saved.Time, saved.MaxParallel, saved.Device, saved.Threads));
    }

    private sealed class FailingSlurm(int failAt) : ISlurmCommands
    {
        private int calls;

        public string Submit(IReadOnlyList<string> arguments) =>
            ++calls == failAt ? throw new InputException("sbatch failed (exit code 1): sbatch: error: no partition") : calls.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public IReadOnlyList<string>? Queued(IReadOnlyList<string> jobIds) => [];
    }
}
