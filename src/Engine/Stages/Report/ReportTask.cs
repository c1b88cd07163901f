using Dedup.Engine.IO;
using Dedup.Engine.Output;
using Dedup.Engine.Plan;
using Dedup.Engine.Reporting;
using Dedup.Engine.RunFiles;
using Dedup.Engine.Stages.Filter;

namespace Dedup.Engine.Stages.Report;

/// <summary>
/// <c>dedup report</c>, the one step after the filter: completes the report the cluster task built
/// with what the filter tasks recorded (their seconds, peak memory and the output shards' sizes on
/// disk) and publishes clusters.jsonl, report.json and report.html into OUT, each whole.
/// </summary>
public sealed class ReportTask : IStageTask
{
    public Stage Stage => Stage.Report;

    public string ProgressUnit => "reports";

    public void Run(int task, StageContext context)
    {
        var (run, output, progress) = (context.Run, context.Output, context.Progress);
        var cluster = run.RequireComplete(Stage.Cluster, Stage.Report)[0];
        var filters = run.RequireComplete(Stage.Filter, Stage.Report);
        context.Log.Info($"report: into {output}");
        progress.Expect(1);
        using var writer = new TaskWriter(run, Stage.Report, 0);
        foreach (string name in new[] { OutputNames.Clusters, OutputNames.Report, OutputNames.ReportHtml })
        {
            DurableFile.RemoveLeftovers(Path.Combine(output, name));
        }

        DurableFile.Write(Path.Combine(output, OutputNames.Clusters), s => s.Write(ReportFiles.ReadVerified(run, cluster, OutputNames.Clusters)));
        var built = ReportFiles.ReadBuilt(run, cluster);
        var report = WithFilter(built.Report, filters);
        report = report with { Files = report.Files with { Intermediate = IntermediateBytes(run, cluster) } };
        ReportFiles.Publish(output, built with { Report = report });
        progress.Add(1, 1);
        writer.Commit(new ReportTaskStats(report.Files.Output));
    }

    /// <summary>The bytes of every file the signatures, buckets and cluster tasks recorded: the run folder's scratch.</summary>
    private static long IntermediateBytes(RunFolder run, TaskMarker cluster) =>
        new[] { Stage.Signatures, Stage.Buckets }.SelectMany(stage => run.RequireComplete(stage, Stage.Report)).Append(cluster)
            .Sum(marker => marker.Files.Values.Sum(file => file.Bytes));

    /// <summary>The cluster task's report with the filter's seconds, peak memory and output sizes added.</summary>
    internal static RunReport WithFilter(RunReport report, IReadOnlyList<TaskMarker> filters)
    {
        var outputBytes = filters.SelectMany(m => m.StatsAs<FilterTaskStats>().OutputFileBytes).ToList();
        var shards = report.Inputs.Shards.Select((s, i) => s with { OutputFileBytes = outputBytes[i] }).ToList();
        var seconds = new Dictionary<string, double>(report.StageSeconds)
        {
            ["filter"] = Math.Round(filters.Sum(m => m.Seconds), 3),
        };
        seconds["total"] = Math.Round(seconds.Where(kv => kv.Key is not ("sign_compute" or "total")).Sum(kv => kv.Value), 3);
        var peaks = new Dictionary<string, long>(report.PeakMemoryBytes)
        {
            ["filter"] = filters.Max(m => m.PeakMemoryBytes),
        };
        return report with
        {
            Inputs = report.Inputs with { Shards = shards },
            Files = report.Files with { Output = outputBytes.Sum() },
            StageSeconds = seconds,
            PeakMemoryBytes = peaks,
        };
    }
}

/// <summary>What the report step published: the output shards' bytes on disk.</summary>
public sealed record ReportTaskStats(long OutputFileBytes);
