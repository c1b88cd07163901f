using Dedup.Engine.Reporting;

namespace Dedup.Cli.Commands;

/// <summary>The few lines printed to stdout after a successful run.</summary>
public static class RunSummary
{
    public static void Print(TextWriter output, RunReport report, string outputFolder)
    {
        var d = report.Documents;
        double mb = report.TextBytes.Read / 1e6;
        double seconds = report.StageSeconds.GetValueOrDefault("total");
        output.WriteLine($"read {d.Records:N0} records from {report.Inputs.Shards.Count} shards ({mb:N1} MB of text) in {seconds:N1} s ({(seconds > 0 ? mb / seconds : 0):N1} MB/s) on {report.Backend.Name}");
        if (report.StageSeconds.Count > 0)
        {
            output.WriteLine($"time per stage: {StageTimes(report.StageSeconds)}");
        }

        output.WriteLine($"removed {d.Removed:N0} documents ({report.TextBytes.Removed / 1e6:N1} MB) in {report.Clusters.Count:N0} clusters; kept {d.Kept:N0}");
        long skipped = d.Skipped.Values.Sum();
        if (skipped > 0 || d.Repaired > 0)
        {
            output.WriteLine($"skipped {skipped:N0} records ({string.Join(", ", d.Skipped.Select(kv => $"{kv.Key} {kv.Value:N0}"))}) and repaired {d.Repaired:N0}; they are kept, see report.json");
        }

        if (report.Sweep.Count > 0)
        {
            output.WriteLine("threshold  clusters  documents removed  MB removed");
            foreach (var point in report.Sweep)
            {
                output.WriteLine($"{point.Threshold,9:0.00}  {point.Clusters,8:N0}  {point.DocumentsRemoved,17:N0}  {point.BytesRemoved / 1e6,10:N1}");
            }
        }

        output.WriteLine($"wrote {outputFolder}: shards {report.Files.Output / 1e6:N1} MB on disk from {report.Files.Input / 1e6:N1} MB in; report.html, report.json, clusters.jsonl, removed/");
        output.WriteLine($"intermediate files: {report.Files.Intermediate / 1e6:N1} MB ({report.Files.IntermediatePerDocument(d.Signed):N0} bytes a document)");
    }

    /// <summary>
    /// The report's stage_seconds by the names of the stage commands: read_and_sign is the signatures
    /// stage, and sign_compute the backend's share of it (it overlaps the reading, so it is not added).
    /// </summary>
    private static string StageTimes(IReadOnlyDictionary<string, double> seconds) =>
        string.Join(", ", seconds.Where(kv => kv.Key is not ("total" or "sign_compute")).Select(kv => kv.Key switch
        {
            "read_and_sign" => $"signatures {kv.Value:N2} s" + (seconds.TryGetValue("sign_compute", out double compute) ? $" (backend {compute:N2} s of it)" : string.Empty),
            _ => $"{kv.Key.Replace('_', ' ')} {kv.Value:N2} s",
        }));
}
