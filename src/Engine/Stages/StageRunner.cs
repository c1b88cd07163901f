using Dedup.Engine.Plan;
using Dedup.Engine.RunFiles;
using Dedup.Engine.Stages.Buckets;
using Dedup.Engine.Stages.Cluster;
using Dedup.Engine.Stages.Filter;
using Dedup.Engine.Stages.Report;
using Dedup.Engine.Stages.Signatures;
using Dedup.Kernels.Backends;

namespace Dedup.Engine.Stages;

/// <summary>How a stage's tasks run here: the backend for signatures, CPU threads, where OUT is.</summary>
public sealed record StageContext(DeviceKind Device, int Threads, string Output, IRunLog Log, RunProgress Progress);

/// <summary>Runs tasks of a stage, one after another, except those that have finished already (a rerun skips finished tasks).</summary>
public static class StageRunner
{
    /// <summary>Runs the unfinished ones of <paramref name="tasks"/> as one stage of <see cref="StageContext.Progress"/>; returns how many ran.</summary>
    public static int Run(RunFolder run, Stage stage, IReadOnlyList<int> tasks, StageContext context, CancellationToken cancellation)
    {
        var pending = new List<int>();
        foreach (int task in tasks)
        {
            CheckIndex(run, stage, task);
            if (run.IsDone(stage, task))
            {
                context.Log.Info($"{stage.Name()} task {task} finished earlier; skipped");
            }
            else
            {
                pending.Add(task);
            }
        }

        if (pending.Count == 0)
        {
            return 0;
        }

        context.Progress.StartStage(stage.Name(), Unit(stage), pending, run.Plan.TaskCount(stage));
        foreach (int task in pending)
        {
            RunTask(run, stage, task, context, cancellation);
            context.Progress.TaskDone();
        }

        context.Progress.EndStage();
        return pending.Count;
    }

    /// <summary>What each stage's progress counts as its items.</summary>
    private static string Unit(Stage stage) => stage switch
    {
        Stage.Signatures => "documents",
        Stage.Buckets => "band records",
        Stage.Cluster => "records",
        Stage.Filter => "rows",
        _ => "reports",
    };

    private static void CheckIndex(RunFolder run, Stage stage, int task)
    {
        int count = run.Plan.TaskCount(stage);
        if (task < 0 || task >= count)
        {
            throw new UsageException($"--task-index {task}: {stage.Name()} has tasks 0..{count - 1} in {Path.Combine(run.Path, RunPlan.FileName)}.");
        }
    }

    private static void RunTask(RunFolder run, Stage stage, int task, StageContext context, CancellationToken cancellation)
    {
        switch (stage)
        {
            case Stage.Signatures:
                SignatureTask.Run(run, task, context.Device, context.Threads, context.Log, context.Progress, cancellation);
                break;
            case Stage.Buckets:
                BucketTask.Run(run, task, context.Threads, context.Progress, context.Log, cancellation);
                break;
            case Stage.Cluster:
                ClusterTask.Run(run, context.Progress, context.Log, cancellation);
                break;
            case Stage.Filter:
                FilterTask.Run(run, task, context.Output, context.Threads, context.Progress, context.Log, cancellation);
                break;
            default:
                ReportTask.Run(run, context.Output, context.Progress, context.Log);
                break;
        }

        // The task's large buffers are garbage now; without a full collection the next task of this
        // process would allocate its own beside them and go over --memory (measured: 699 MiB at 512M).
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
