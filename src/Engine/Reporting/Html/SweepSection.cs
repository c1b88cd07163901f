namespace Dedup.Engine.Reporting.Html;

/// <summary>What other thresholds would have removed (--sweep), beside the run's own, to choose one without re-signing.</summary>
internal static class SweepSection
{
    public static string Render(RunReport report)
    {
        if (report.Sweep.Count == 0)
        {
            return string.Empty;
        }

        var d = report.Documents;
        return DataTable.Render(
            "Threshold sweep: what each threshold would remove",
            ["Threshold", "Clusters", "Documents removed", "Share of records", "Text removed"],
            report.Sweep.Select(p => new[]
            {
                DisplayFormat.Number(p.Threshold, 2) + (p.Threshold == report.Parameters.Threshold ? " (this run)" : string.Empty),
                DisplayFormat.Count(p.Clusters),
                DisplayFormat.Count(p.DocumentsRemoved),
                DisplayFormat.Percent(p.DocumentsRemoved, d.Records),
                DisplayFormat.Megabytes(p.BytesRemoved),
            }));
    }
}
