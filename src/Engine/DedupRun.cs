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

    /// <summary>Runs with <paramref name="progress"/> updated as the stages go, for a caller that shows it.</summary>
    public static RunReport Execute(DedupOptions options, IRunLog log, RunProgress progress, CancellationToken cancellation = default)
    {
        // Before any work: the stages check the budget against this machine too, but only once they start.
        MemoryBudget.OnThisMachine(options.MemoryBytes);
        var shards = ShardDiscovery.Discover(options.Inputs);
        var plan = RunPlanner.Create(options, shards);
        using var output = OutputDirectory.Open(options.Output, options.Inputs, options.Overwrite);
        string runDir = options.RunDir ?? Path.Combine(Path.GetDirectoryName(output.Staging)!, $".{Path.GetFileName(plan.Output)}.dedup-work-{Guid.NewGuid():N}");
        try
        {
            var run = RunPlanner.PlanOrResume(runDir, plan);
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
                if (Directory.Exists(run.StageFolder(stage)))
                {
                    Directory.Delete(run.StageFolder(stage), recursive: true);
                }

                StageRunner.Run(stage, AllTasks(plan, stage), context);
            }

            var report = ReportFile.Read(Path.Combine(output.Staging, OutputNames.Report));
            output.Commit();
            return report;
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
