using Dedup.Engine.IO;
using Dedup.Engine.Progress;
using Dedup.Engine.Staged;
using Dedup.Engine.Tests.EndToEnd;
using Dedup.Kernels.Backends;

namespace Dedup.Engine.Tests.Staged;

/// <summary>Plans a run into a folder and runs its stages in this process, as the stage commands do.</summary>
internal static class StagedRun
{
    public static RunFolder Plan(DedupOptions options, string runDir) =>
        RunPlanner.PlanOrResume(runDir, RunPlanner.Create(options, ShardDiscovery.Discover(options.Inputs)));

    public static void Task(RunFolder run, Stage stage, int task) =>
        StageRunner.Run(run, stage, task, Context(run), CancellationToken.None);

    public static void Stage(RunFolder run, Stage stage)
    {
        for (int task = 0; task < run.Plan.TaskCount(stage); task++)
        {
            Task(run, stage, task);
        }
    }

    public static void All(RunFolder run)
    {
        foreach (var stage in Enum.GetValues<Stage>())
        {
            Stage(run, stage);
        }
    }

    /// <summary>Every output file's bytes by relative path, leaving out the report (it holds timings).</summary>
    public static SortedDictionary<string, byte[]> Outputs(string folder) => new(
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith("report.", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes),
        StringComparer.Ordinal);

    public static void AssertSameOutputs(string expected, string actual)
    {
        var a = Outputs(expected);
        var b = Outputs(actual);
        Assert.Equal(a.Keys, b.Keys);
        foreach (var (name, bytes) in a)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(b[name]), $"{name} differs between {expected} and {actual}");
        }
    }

    private static StageContext Context(RunFolder run) =>
        new(DeviceKind.Cpu, 0, run.Plan.Output, new CollectingLog(), new RunProgress());
}
