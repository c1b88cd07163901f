namespace Dedup.Engine.Evaluation;

/// <summary>
/// Pair-level scores: <see cref="Predicted"/> pairs of documents in one predicted cluster,
/// <see cref="Truth"/> pairs in one truth group, <see cref="Both"/> pairs in both.
/// </summary>
public sealed record PairScores(long Predicted, long Truth, long Both, double Precision, double Recall, double F1)
{
    /// <summary>
    /// Counted from the contingency of (predicted cluster, truth group) without listing pairs:
    /// a cluster of n documents holds n (n - 1) / 2 pairs, and the pairs in both partitions are
    /// the sum of that over the cells of the contingency, so a cluster of a million documents
    /// costs a million steps, not half a trillion.
    /// </summary>
    public static PairScores Compute(IdPartition predicted, IdPartition truth)
    {
        long predictedPairs = predicted.Groups.Sum(g => Ratios.Pairs(g.Length));
        long truthPairs = truth.Groups.Sum(g => Ratios.Pairs(g.Length));
        long both = 0;
        var cell = new Dictionary<int, long>();
        foreach (var cluster in predicted.Groups)
        {
            cell.Clear();
            foreach (string id in cluster)
            {
                // Ids alone in the truth share no truth pair with anyone: their cells hold one document.
                int group = truth.GroupOf(id);
                if (group >= 0)
                {
                    cell[group] = cell.GetValueOrDefault(group) + 1;
                }
            }

            both += cell.Values.Sum(Ratios.Pairs);
        }

        double precision = Ratios.Of(both, predictedPairs);
        double recall = Ratios.Of(both, truthPairs);
        return new PairScores(predictedPairs, truthPairs, both, precision, recall, Ratios.F1(precision, recall));
    }
}
