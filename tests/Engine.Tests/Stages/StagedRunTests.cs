using Dedup.Engine.IO;
using Dedup.Engine.Plan;
using Dedup.Engine.RunFiles;
using Dedup.Engine.Stages.Signatures;
using Dedup.Engine.Tests.EndToEnd;

namespace Dedup.Engine.Tests.Stages;

/// <summary>Staged runs: task layouts, resuming, and what a stage does with missing or damaged inputs.</summary>
public sealed class StagedRunTests(DevmixRunFixture oneProcess) : IClassFixture<DevmixRunFixture>
{
    private static string Shards => Path.Combine(TestPaths.Devmix, "shards");

    [Fact]
    public void ManyTasksSmallMemoryAndOneProcessGiveByteIdenticalOutputs()
    {
        using var temp = new TempFolder();
        // 16 MiB leaves 6 MiB for band records: devmix's 29k documents x 10 sections spill twice.
        var options = DevmixRunFixture.Options(Shards, temp.PathOf("out")) with { MemoryBytes = MemoryBudget.Minimum, Tasks = 4, Partitions = 3 };
        var run = StagedRun.Plan(options, temp.PathOf("run"));
        StagedRun.All(run);

        SameOutputs.Assert(oneProcess.Output, temp.PathOf("out"));
        Assert.Equal(4, run.Plan.TaskCount(Stage.Signatures));
        var oneTask = StagedRun.Plan(options with { Tasks = 1, Partitions = 1, Output = temp.PathOf("out1") }, temp.PathOf("run1"));
        StagedRun.All(oneTask);
        Assert.True(oneTask.Marker(Stage.Signatures, 0).StatsAs<SignatureTaskStats>().BandRuns > 1);
        SameOutputs.Assert(oneProcess.Output, temp.PathOf("out1"));
    }

    [Fact]
    public void RerunSkipsFinishedTasksAndFinishesTheRest()
    {
        using var temp = new TempFolder();
        var options = DevmixRunFixture.Options(Shards, temp.PathOf("out")) with { Tasks = 3, Partitions = 2 };
        var run = StagedRun.Plan(options, temp.PathOf("run"));
        StagedRun.Task(run, Stage.Signatures, 1);
        var finished = File.GetLastWriteTimeUtc(Path.Combine(run.TaskFolder(Stage.Signatures, 1), RunFileNames.TaskDone));

        var again = StagedRun.Plan(options, temp.PathOf("run"));
        StagedRun.All(again);

        Assert.Equal(finished, File.GetLastWriteTimeUtc(Path.Combine(run.TaskFolder(Stage.Signatures, 1), RunFileNames.TaskDone)));
        SameOutputs.Assert(oneProcess.Output, temp.PathOf("out"));
    }

    [Fact]
    public void AStageNamesTheMissingTasksOfThePreviousStage()
    {
        using var temp = new TempFolder();
        var run = StagedRun.Plan(DevmixRunFixture.Options(Shards, temp.PathOf("out")) with { Tasks = 3 }, temp.PathOf("run"));
        StagedRun.Task(run, Stage.Signatures, 0);
        StagedRun.Task(run, Stage.Signatures, 2);

        var e = Assert.Throws<InputException>(() => StagedRun.Task(run, Stage.Buckets, 0));
        Assert.Contains("signatures task 1 of 3", e.Message);
        Assert.Contains($"dedup signatures --run-dir {run.Path} --task-index 1", e.Message);
        Assert.False(Directory.Exists(run.TaskFolder(Stage.Buckets, 0)));
    }

    [Theory]
    [InlineData("signatures", "signatures.bin", Stage.Buckets)]
    [InlineData("signatures", "bands-p00001.bin", Stage.Buckets)]
    [InlineData("signatures", "documents.bin", Stage.Cluster)]
    [InlineData("buckets", "edges.bin", Stage.Cluster)]
    [InlineData("cluster", "assignments.bin", Stage.Filter)]
    public void ADamagedIntermediateFileIsAnErrorThatNamesIt(string stageName, string file, Stage reader)
    {
        using var temp = new TempFolder();
        var run = StagedRun.Plan(DevmixRunFixture.Options(Shards, temp.PathOf("out")) with { Tasks = 2, Partitions = 2 }, temp.PathOf("run"));
        var damaged = StageNames.Parse(stageName);
        foreach (var stage in Enum.GetValues<Stage>().Where(s => s <= damaged))
        {
            StagedRun.Stage(run, stage);
        }

        string path = Path.Combine(run.TaskFolder(damaged, damaged == Stage.Signatures || damaged == Stage.Buckets ? 1 : 0), file);
        using (var stream = File.Open(path, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Position = stream.Length / 2;
            int b = stream.ReadByte();
            stream.Position--;
            stream.WriteByte((byte)(b ^ 0x10));
        }

        // The stages between the damaged one and the reader finish first when they do not read the file.
        foreach (var stage in Enum.GetValues<Stage>().Where(s => s > damaged && s < reader))
        {
            StagedRun.Stage(run, stage);
        }

        var e = Assert.ThrowsAny<IOException>(() => StagedRun.Stage(run, reader));
        Assert.IsType<IntermediateFileException>(e);
        Assert.Contains(path, e.Message);
        Assert.Contains("does not match its checksum", e.Message);
    }

    [Fact]
    public void ATruncatedIntermediateFileIsAnError()
    {
        using var temp = new TempFolder();
        var run = StagedRun.Plan(DevmixRunFixture.Options(Shards, temp.PathOf("out")), temp.PathOf("run"));
        StagedRun.Stage(run, Stage.Signatures);
        string path = Path.Combine(run.TaskFolder(Stage.Signatures, 0), "signatures.bin");
        using (var stream = File.Open(path, FileMode.Open))
        {
            stream.SetLength(stream.Length - 512);
        }

        var e = Assert.Throws<IntermediateFileException>(() => StagedRun.Stage(run, Stage.Buckets));
        Assert.Contains("bytes, but its task wrote", e.Message);
    }

    [Fact]
    public void AShardChangedAfterPlanningIsAnError()
    {
        using var temp = new TempFolder();
        foreach (var shard in Directory.GetFiles(Shards))
        {
            File.Copy(shard, temp.PathOf("in/" + Path.GetFileName(shard)));
        }

        var run = StagedRun.Plan(DevmixRunFixture.Options(temp.PathOf("in"), temp.PathOf("out")), temp.PathOf("run"));
        string changed = temp.PathOf("in/part-00002.jsonl.gz");
        File.AppendAllText(changed, "\n");

        var e = Assert.Throws<InputException>(() => StagedRun.Stage(run, Stage.Signatures));
        Assert.Contains(changed, e.Message);
    }

    [Fact]
    public void ASignatureTaskOnAMachineWithAnotherFoldTableIsRefused()
    {
        using var temp = new TempFolder();
        var options = DevmixRunFixture.Options(Shards, temp.PathOf("out"));
        var plan = RunPlanner.Create(options, ShardDiscovery.Discover(options.Inputs));
        var elsewhere = (plan with { Configuration = plan.Configuration with { FoldTable = "0000000000000000" } }).Sealed();
        var run = RunPlanner.PlanOrResume(temp.PathOf("run"), elsewhere);

        var e = Assert.Throws<InputException>(() => StagedRun.Task(run, Stage.Signatures, 0));
        Assert.Contains("fold table", e.Message);
        Assert.False(run.IsDone(Stage.Signatures, 0));
    }

    [Fact]
    public void PlanningAnotherRunIntoTheSameFolderIsRefused()
    {
        using var temp = new TempFolder();
        var options = DevmixRunFixture.Options(Shards, temp.PathOf("out"));
        StagedRun.Plan(options, temp.PathOf("run"));

        Assert.Throws<UsageException>(() => StagedRun.Plan(options with { Threshold = 0.7 }, temp.PathOf("run")));
        StagedRun.Plan(options, temp.PathOf("run"));
    }

    [Fact]
    public void AnEditedPlanIsRefused()
    {
        using var temp = new TempFolder();
        var run = StagedRun.Plan(DevmixRunFixture.Options(Shards, temp.PathOf("out")), temp.PathOf("run"));
        string plan = Path.Combine(run.Path, RunFileNames.Plan);
        File.WriteAllText(plan, File.ReadAllText(plan).Replace("\"threshold\": 0.8", "\"threshold\": 0.7"));

        var e = Assert.Throws<InputException>(() => RunFolder.Open(run.Path));
        Assert.Contains("was changed after it was planned", e.Message);
    }

    [Fact]
    public void EditedStatisticsInADoneJsonAreRefusedBeforeTheyReachTheReport()
    {
        using var temp = new TempFolder();
        var run = StagedRun.Plan(DevmixRunFixture.Options(Shards, temp.PathOf("out")), temp.PathOf("run"));
        StagedRun.Stage(run, Stage.Signatures);
        string marker = Path.Combine(run.TaskFolder(Stage.Signatures, 0), RunFileNames.TaskDone);
        string text = File.ReadAllText(marker);
        string edited = System.Text.RegularExpressions.Regex.Replace(text, "\"text_bytes\": \\d+", "\"text_bytes\": 1");
        Assert.NotEqual(text, edited);
        File.WriteAllText(marker, edited);

        var e = Assert.Throws<InputException>(() => StagedRun.Stage(run, Stage.Buckets));
        Assert.Contains($"{marker} was changed after the task wrote it", e.Message);
    }
}
