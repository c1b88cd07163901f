using System.Text.Json;
using Dedup.Engine.Pipeline;
using Dedup.Engine.Reporting;
using Dedup.Engine.Reporting.Html;
using Dedup.Engine.Staged.Files;

namespace Dedup.Engine.Staged;

/// <summary>What report.html plots besides report.json: cluster sizes and removed documents' similarities to their keepers (evenly sampled).</summary>
public sealed record ReportPlots(EvenSample<int> ClusterSizes, EvenSample<double> RemovedSimilarities);

/// <summary>
/// The report as the cluster task keeps it (report.json and report-plots.json in its folder), and
/// as it is published into OUT, with any later stage's seconds added.
/// </summary>
public static class ReportFiles
{
    private const string Plots = "report-plots.json";

    private sealed record PlotData(int[] ClusterSizes, double[] RemovedSimilarities);

    public static void Write(TaskWriter task, RunReport report, ReportPlots plots)
    {
        string reportPath = task.PathOf(OutputNames.Report);
        ReportFile.Write(reportPath, report);
        task.Record(OutputNames.Report, ChecksummedWriter.Seal(reportPath));
        string plotsPath = task.PathOf(Plots);
        DurableFile.Write(plotsPath, s => JsonSerializer.Serialize(s, new PlotData(plots.ClusterSizes.ToArray(), plots.RemovedSimilarities.ToArray()), RunJson.Options));
        task.Record(Plots, ChecksummedWriter.Seal(plotsPath));
    }

    /// <summary>Writes report.json and report.html into <paramref name="output"/>; returns the report.</summary>
    public static RunReport Publish(RunFolder run, string output, IReadOnlyDictionary<string, double> laterSeconds)
    {
        var marker = run.Marker(Stage.Cluster, 0);
        var report = JsonSerializer.Deserialize<RunReport>(ReadVerified(run, marker, OutputNames.Report), ReportFile.Json)!;
        var plots = JsonSerializer.Deserialize<PlotData>(ReadVerified(run, marker, Plots), RunJson.Options)!;
        if (laterSeconds.Count > 0)
        {
            var seconds = new Dictionary<string, double>(report.StageSeconds);
            foreach (var (stage, value) in laterSeconds)
            {
                seconds[stage] = value;
            }

            seconds["total"] = Math.Round(seconds.Where(kv => kv.Key is not ("sign_compute" or "total")).Sum(kv => kv.Value), 3);
            report = report with { StageSeconds = seconds };
        }

        DurableFile.Write(Path.Combine(output, OutputNames.Report), s => JsonSerializer.Serialize(s, report, ReportFile.Json));
        string html = Path.Combine(output, OutputNames.ReportHtml);
        string partial = $"{html}.partial-{Guid.NewGuid():N}";
        HtmlReport.Write(partial, new HtmlReportData(report, plots.ClusterSizes, plots.RemovedSimilarities));
        File.Move(partial, html, overwrite: true);
        return report;
    }

    /// <summary>A finished task's small file, whole, checked against its checksums.</summary>
    public static byte[] ReadVerified(RunFolder run, TaskMarker marker, string name)
    {
        using var file = run.Open<byte>(marker, name);
        var bytes = new byte[file.Count];
        file.Read(0, bytes);
        return bytes;
    }
}
