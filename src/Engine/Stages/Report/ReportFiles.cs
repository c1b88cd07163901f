using System.Text.Json;
using Dedup.Engine.IO;
using Dedup.Engine.Output;
using Dedup.Engine.Plan;
using Dedup.Engine.Reporting;
using Dedup.Engine.Reporting.Html;
using Dedup.Engine.RunFiles;

namespace Dedup.Engine.Stages.Report;

/// <summary>What report.html plots besides report.json: cluster sizes and removed documents' similarities to their keepers (evenly sampled).</summary>
public sealed record ReportPlots(EvenSample<int> ClusterSizes, EvenSample<double> RemovedSimilarities);

/// <summary>
/// The report as the cluster task keeps it (report.json and report-plots.json in its folder), and
/// as the report step publishes it into OUT.
/// </summary>
public static class ReportFiles
{
    private sealed record PlotData(int[] ClusterSizes, double[] RemovedSimilarities);

    public static void Write(TaskWriter task, RunReport report, ReportPlots plots)
    {
        string reportPath = task.PathOf(OutputNames.Report);
        ReportFile.Write(reportPath, report);
        task.Record(OutputNames.Report, ChecksummedWriter.Seal(reportPath));
        string plotsPath = task.PathOf(RunFileNames.ReportPlots);
        DurableFile.Write(plotsPath, s => JsonSerializer.Serialize(s, new PlotData(plots.ClusterSizes.ToArray(), plots.RemovedSimilarities.ToArray()), RunJson.Options));
        task.Record(RunFileNames.ReportPlots, ChecksummedWriter.Seal(plotsPath));
    }

    /// <summary>The report and plot data as the cluster task built them, checked against its checksums.</summary>
    public static HtmlReportData ReadBuilt(RunFolder run, TaskMarker cluster)
    {
        var report = JsonSerializer.Deserialize<RunReport>(ReadVerified(run, cluster, OutputNames.Report), ReportFile.Json)!;
        var plots = JsonSerializer.Deserialize<PlotData>(ReadVerified(run, cluster, RunFileNames.ReportPlots), RunJson.Options)!;
        return new HtmlReportData(report, plots.ClusterSizes, plots.RemovedSimilarities);
    }

    /// <summary>Writes report.json and report.html into <paramref name="output"/>, each whole.</summary>
    public static void Publish(string output, HtmlReportData data)
    {
        ReportFile.Write(Path.Combine(output, OutputNames.Report), data.Report);
        DurableFile.Write(Path.Combine(output, OutputNames.ReportHtml), s => HtmlReport.Write(s, data));
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
