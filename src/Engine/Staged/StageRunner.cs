using Dedup.Engine.Progress;
using Dedup.Kernels.Backends;

namespace Dedup.Engine.Staged;

/// <summary>How a stage's tasks run here: the backend for signatures, CPU threads, where OUT is.</summary>
public sealed record StageContext(DeviceKind Device, int Threads, string Output, IRunLog Log, RunProgress Progress);

/// <summary>Runs one task of a stage unless it has finished already (a rerun skips finished tasks).</summary>
public static class StageRunner
{
    /// <summary>Runs the task; returns false when it had already finished.</summary>
    public static bool Run(RunFolder run, Stage stage, int task, StageContext context, CancellationToken cancellation)
    {
        int count = run.Plan.TaskCount(stage);
        if (task < 0 || task >= count)
        {
            throw new UsageException($"--task-index {task}: {stage.Name()} has tasks 0..{count - 1} in {Path.Combine(run.Path, RunPlan.FileName)}.");
        }

        if (run.IsDone(stage, task))
        {
            context.Log.Info($"{stage.Name()} task {task} finished earlier; skipped");
            return false;
        }

        context.Progress.Start(stage.Name());
        switch (stage)
        {
            case Stage.Signatures:
                SignatureTask.Run(run, task, context.Device, context.Threads, context.Log, context.Progress, cancellation);
                break;
            case Stage.Buckets:
                BucketTask.Run(run, task, context.Threads, context.Log, cancellation);
                break;
            case Stage.Cluster:
                ClusterTask.Run(run, context.Log, cancellation);
                break;
            default:
                FilterTask.Run(run, task, context.Output, context.Threads, context.Progress, context.Log, cancellation);
                break;
        }

        // The task's large buffers are garbage now; without a full collection the next task of this
        // process would allocate its own beside them and go over --memory (measured: 699 MiB at 512M).
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return true;
    }
}
