namespace Dedup.Engine.Reporting.Html;

/// <summary>Seconds per pipeline stage and the text throughput each stage had.</summary>
internal static class StagePlot
{
    private const string Title = "Time and throughput per stage";

    /// <summary>The report's sum of the stages: a bar of its own would dwarf the rest.</summary>
    private const string Total = "total";

    /// <summary>Runs inside read_and_sign, so its bar is not more time on top of that one.</summary>
    private const string Overlapping = "sign_compute";

    public static Plot Render(IReadOnlyDictionary<string, double> stageSeconds, long textBytes, int width)
    {
        var rows = stageSeconds.Where(kv => kv.Key != Total).Select(kv => new BarRow(
            kv.Key,
            kv.Value,
            $"{DisplayFormat.Seconds(kv.Value)} · {DisplayFormat.Throughput(textBytes, kv.Value)}",
            $"{kv.Key}: {DisplayFormat.Number(kv.Value, 3)} s, {DisplayFormat.Throughput(textBytes, kv.Value)} of text")).ToList();
        string total = stageSeconds.TryGetValue(Total, out double seconds) ? $"{DisplayFormat.Seconds(seconds)} in all; " : string.Empty;
        string overlap = stageSeconds.ContainsKey(Overlapping) ? $" {Overlapping} is the backend's share of read_and_sign, which it overlaps." : string.Empty;
        string note = $"{total}MB/s is the run's {DisplayFormat.Megabytes(textBytes)} of text over the stage's seconds.{overlap}";
        return new Plot(Title, HorizontalBarChart.Render(Title, width, rows, "s", "bar", "No stage timings in this report."), note);
    }
}
