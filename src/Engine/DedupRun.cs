using Dedup.Engine.Execution;
using Dedup.Engine.IO;
using Dedup.Engine.Output;
using Dedup.Engine.Plan;
using Dedup.Engine.Reporting;
using Dedup.Engine.Stages;

namespace Dedup.Engine;

/// <summary>
/// <c>dedup run</c>: the stages of a staged run (plan, signatures, buckets, cluster, filter, report), one
/// after another in one process, over a run folder (temporary unless --run-dir names one, which
/// makes a rerun resume). The outputs are committed into OUT at once, at the end.
/// </summary>
public static class DedupRun
{
    public static RunReport Execute(DedupOptions options, IRunLog log, CancellationToken cancellation = default) =>
        Execute(options, log, new RunProgress(), cancellation);

    /// <summary>
    /// Runs with <paramref name="progress"/> updated as the stages go, for a caller that shows it.
    /// Holds OUT's lock (and the run folder's, with --run-dir) throughout. Cancelled, it stops at
    /// the next batch, removes the staging folder and a temporary run folder, and throws
    /// <see cref="RunInterruptedException"/>; OUT is left as it was.
    /// </summary>
    public static RunReport Execute(DedupOptions options, IRunLog log, RunProgress progress, CancellationToken cancellation = default)
    {
        // Before any work: the stages check the budget against this machine too, but only once they start.
        MemoryBudget.OnThisMachine(options.MemoryBytes);
        var shards = ShardDiscovery.Discover(options.Inputs);
        var plan = RunPlanner.Create(options, shards);
        using var output = OutputDirectory.Open(options.Output, options.Inputs, options.Overwrite);
        foreach (var leftover in output.Leftovers)
        {
            log.Info(leftover.ToString());
        }

        using var runLock = options.RunDir is null ? null : RunPlanner.LockRunFolder(options.RunDir, plan);
        string runDir = options.RunDir ?? output.NewWorkFolder();
        try
        {
            var run = RunPlanner.PlanOrResume(runDir, plan, log);
            plan = run.Plan;
            var c = plan.Configuration;
            log.Info($"{shards.Count} shards; {c.ShingleSize}-gram shingles, {c.Permutations} permutations, {c.Bands} bands x {c.Rows} rows, threshold {c.Threshold}");
            var context = new StageContext(run, options.Device, options.Threads, output.Staging, log, progress, cancellation);
            foreach (var stage in new[] { Stage.Signatures, Stage.Buckets, Stage.Cluster })
            {
                StageRunner.Run(stage, AllTasks(plan, stage), context);
            }

            // The filter and the report write into this attempt's staging folder, so they always run
            // (an earlier attempt's outputs went with that attempt).
            foreach (var stage in new[] { Stage.Filter, Stage.Report })
            {
                StageRunner.Run(stage, AllTasks(plan, stage), context, again: true);
            }

            var report = ReportFile.Read(Path.Combine(output.Staging, OutputNames.Report));
            cancellation.ThrowIfCancellationRequested();
            output.Commit();
            return report;
        }
        catch (OperationCanceledException e) when (cancellation.IsCancellationRequested)
        {
            // Said once the finally below and the output's Dispose have done what it says.
            throw new RunInterruptedException(
                options.RunDir is null
                    ? $"{output.Target} is as it was; the staging folder and the temporary work folder are removed"
                    : $"{output.Target} is as it was and the staging folder is removed; {Path.GetFullPath(runDir)} keeps the finished tasks, and the same command resumes from them",
                e);
        }
        finally
        {
            if (options.RunDir is null && Directory.Exists(runDir))
            {
                Directory.Delete(runDir, recursive: true);
            }
        }
    }

    private static List<int> AllTasks(RunPlan plan, Stage stage) => Enumerable.Range(0, plan.TaskCount(stage)).ToList();
}
