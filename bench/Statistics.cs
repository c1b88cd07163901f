namespace Dedup.Bench;

/// <summary>Summaries of repeated measurements.</summary>
public static class Statistics
{
    /// <summary>The median: robust to the one slow run a busy machine gives now and then, unlike the mean.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("no values", nameof(values));
        }

        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
