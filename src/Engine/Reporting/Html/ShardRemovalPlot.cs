namespace Dedup.Engine.Reporting.Html;

/// <summary>The share of each shard's records that was removed; with many shards, the highest and lowest.</summary>
internal static class ShardRemovalPlot
{
    /// <summary>Up to this many shards get a bar each, in path order.</summary>
    private const int AllShardsUpTo = 30;

    /// <summary>With more shards, this many highest and this many lowest rates are shown.</summary>
    private const int Extremes = 12;

    public static Plot Render(IReadOnlyList<ShardSummary> shards, int width)
    {
        var (title, rows) = shards.Count <= AllShardsUpTo
            ? ("Removal rate per shard", shards.Select(Row).ToList())
            : HighestAndLowest(shards);
        return new Plot(title, HorizontalBarChart.Render(title, width, rows, "%", "bar removed", "No shards were read."), Note(shards));
    }

    private static (string Title, List<BarRow> Rows) HighestAndLowest(IReadOnlyList<ShardSummary> shards)
    {
        var ranked = shards.OrderByDescending(Rate).ThenBy(s => s.Path, StringComparer.Ordinal).ToList();
        var rows = ranked.Take(Extremes).Select(Row).ToList();
        rows.Add(new BarRow($"⋯ {DisplayFormat.Count(ranked.Count - (2 * Extremes))} more shards ⋯", null, string.Empty, string.Empty));
        rows.AddRange(ranked.Skip(ranked.Count - Extremes).Select(Row));
        return ($"Removal rate per shard ({Extremes} highest and {Extremes} lowest of {DisplayFormat.Count(shards.Count)})", rows);
    }

    private static double Rate(ShardSummary shard) => shard.Records == 0 ? 0 : (double)shard.Removed / shard.Records;

    private static BarRow Row(ShardSummary shard) => new(
        shard.Path,
        Rate(shard) * 100,
        $"{DisplayFormat.Percent(shard.Removed, shard.Records)} ({DisplayFormat.Count(shard.Removed)} of {DisplayFormat.Count(shard.Records)})",
        $"{shard.Path}: removed {DisplayFormat.Count(shard.Removed)} of {DisplayFormat.Count(shard.Records)} records");

    private static string Note(IReadOnlyList<ShardSummary> shards)
    {
        long records = shards.Sum(s => s.Records), removed = shards.Sum(s => s.Removed);
        return $"Records removed as near-duplicates over records read, per shard; {DisplayFormat.Count(shards.Count)} shards, "
            + $"{DisplayFormat.Percent(removed, records)} overall. Hover a bar for the full path.";
    }
}
