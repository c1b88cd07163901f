using Dedup.Engine.Execution;
using Dedup.Engine.Plan;
using Dedup.Engine.RunFiles;
using Dedup.Engine.Stages.Buckets;
using Dedup.Engine.Stages.Cluster;
using Dedup.Engine.Stages.Filter;
using Dedup.Engine.Stages.Report;
using Dedup.Engine.Stages.Signatures;
using Dedup.Kernels.Backends;

namespace Dedup.Engine.Stages;

/// <summary>
/// What a task is given besides its index: the run folder (whose plan fixes the configuration), the
/// memory budget the plan sets, the backend and threads to use here, OUT, the log, the progress and
/// the cancellation.
/// </summary>
public sealed record StageContext(RunFolder Run, DeviceKind Device, int Threads, string Output, IRunLog Log, RunProgress Progress, CancellationToken Cancellation)
{
    /// <summary>The plan's --memory: every task sizes its buffers by it; a budget above what this machine has is refused.</summary>
    public MemoryBudget Budget { get; } = MemoryBudget.OnThisMachine(Run.Plan.MemoryBytes);
}

/// <summary>
/// Runs tasks of a stage, one after another, except those that have finished already (a rerun skips
/// finished tasks). Each attempt holds its task's lock, so a second attempt of a running task fails
/// at once while the stage's other tasks run beside it; a cancelled task stops at its next batch and
/// removes its partial folder.
/// </summary>
public static class StageRunner
{
    /// <summary>
    /// Runs the unfinished ones of <paramref name="tasks"/> as one stage of <see cref="StageContext.Progress"/>
    /// (all of them with <paramref name="again"/>, their finished folders removed first); returns how many ran.
    /// </summary>
    public static int Run(Stage stage, IReadOnlyList<int> tasks, StageContext context, bool again = false)
    {
        var run = context.Run;
        var stageTask = TaskOf(stage);
        var pending = new List<int>();
        foreach (int task in tasks)
        {
            CheckIndex(run, stage, task);
            if (!again && run.IsDone(stage, task))
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

        context.Progress.StartStage(stage.Name(), stageTask.ProgressUnit, pending, run.Plan.TaskCount(stage), context.Cancellation);
        foreach (int task in pending)
        {
            RunOne(stageTask, task, context, again);
            CollectGarbage();
            context.Progress.TaskDone();
        }

        context.Progress.EndStage();
        return pending.Count;
    }

    private static void RunOne(IStageTask stageTask, int task, StageContext context, bool again)
    {
        var (run, stage) = (context.Run, stageTask.Stage);
        try
        {
            context.Cancellation.ThrowIfCancellationRequested();
            Directory.CreateDirectory(run.StageFolder(stage));
            using var taskLock = run.LockTask(stage, task);
            if (again && Directory.Exists(run.TaskFolder(stage, task)))
            {
                Directory.Delete(run.TaskFolder(stage, task), recursive: true);
            }
            else if (run.IsDone(stage, task))
            {
                context.Log.Info($"{stage.Name()} task {task} was finished by another attempt meanwhile; skipped");
                return;
            }

            stageTask.Run(task, context);
        }
        catch (OperationCanceledException e) when (context.Cancellation.IsCancellationRequested && e is not RunInterruptedException)
        {
            int finished = run.Plan.TaskCount(stage) - run.MissingTasks(stage).Count;
            throw new RunInterruptedException(
                $"{stage.Name()} task {task} stopped and its partial folder is removed; {finished} of {run.Plan.TaskCount(stage)} {stage.Name()} tasks are finished and kept in {run.Path}, and the same command goes on from there",
                e);
        }
    }

    private static IStageTask TaskOf(Stage stage) => stage switch
    {
        Stage.Signatures => new SignatureTask(),
        Stage.Buckets => new BucketTask(),
        Stage.Cluster => new ClusterTask(),
        Stage.Filter => new FilterTask(),
        _ => new ReportTask(),
    };

    private static void CheckIndex(RunFolder run, Stage stage, int task)
    {
        int count = run.Plan.TaskCount(stage);
        if (task < 0 || task >= count)
        {
            throw new UsageException($"--task-index {task}: {stage.Name()} has tasks 0..{count - 1} in {Path.Combine(run.Path, RunFileNames.Plan)}.");
        }
    }

    /// <summary>
    /// The task's large buffers are garbage now; without a full collection the next task of this
    /// process would allocate its own beside them and go over --memory (measured: 699 MiB at 512M).
    /// </summary>
    private static void CollectGarbage()
    {
        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
