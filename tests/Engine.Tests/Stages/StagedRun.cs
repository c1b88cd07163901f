using Dedup.Engine.Execution;
using Dedup.Engine.IO;
using Dedup.Engine.Plan;
using Dedup.Engine.RunFiles;
using Dedup.Engine.Stages;
using Dedup.Engine.Tests.EndToEnd;
using Dedup.Kernels.Backends;

namespace Dedup.Engine.Tests.Stages;

/// <summary>Plans a run into a folder and runs its stages in this process, as the stage commands do.</summary>
internal static class StagedRun
{
    public static RunFolder Plan(DedupOptions options, string runDir) =>
        RunPlanner.PlanOrResume(runDir, RunPlanner.Create(options, ShardDiscovery.Discover(options.Inputs)));

    public static void Task(RunFolder run, Stage stage, int task) =>
        StageRunner.Run(stage, [task], Context(run));

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

    private static StageContext Context(RunFolder run) =>
        new(run, DeviceKind.Cpu, 0, run.Plan.Output, new CollectingLog(), new RunProgress(), CancellationToken.None);
}
