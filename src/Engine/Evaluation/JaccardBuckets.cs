namespace Dedup.Engine.Evaluation;

/// <summary>Recall per exact-Jaccard bucket of the truth pairs, against the LSH curves.</summary>
public static class JaccardBuckets
{
    /// <summary>Bucket edges: finer around the usual thresholds, where the S-curve climbs.</summary>
    public static readonly double[] Edges = [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1];

    /// <summary>Non-empty buckets, ascending; a pair is found when both documents are in one predicted cluster.</summary>
    public static List<BucketRecall> Compute(IEnumerable<TruthPair> pairs, IdPartition predicted, DetectionCurve curve)
    {
        var buckets = new List<TruthPair>[Edges.Length];
        for (int b = 0; b < buckets.Length; b++)
        {
            buckets[b] = [];
        }

        foreach (var pair in pairs)
        {
            buckets[BucketOf(pair.Jaccard)].Add(pair);
        }

        var rows = new List<BucketRecall>();
        for (int b = 0; b < buckets.Length; b++)
        {
            var members = buckets[b];
            if (members.Count == 0)
            {
                continue;
            }

            long found = members.Count(p => predicted.Together(p.A, p.B));
            double high = b + 1 < Edges.Length ? Edges[b + 1] : 1;
            rows.Add(new BucketRecall(
                Edges[b], high, members.Count, found, (double)found / members.Count,
                members.Average(p => curve.Candidate(p.Jaccard)), members.Average(p => curve.Joined(p.Jaccard))));
        }

        return rows;
    }

    /// <summary>The last edge, 1, is a bucket of its own: identical shingle sets.</summary>
    private static int BucketOf(double jaccard)
    {
        int b = Edges.Length - 1;
        while (b > 0 && jaccard < Edges[b])
        {
            b--;
        }

        return b;
    }
}
