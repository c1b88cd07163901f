using Dedup.Engine.Clustering;
using Dedup.Engine.Lsh;
using Dedup.Engine.Pipeline;

namespace Dedup.Engine.Reporting;

/// <summary>
/// What a run would remove at another threshold (<c>--sweep</c>): the run's candidate pairs,
/// re-verified at <see cref="Threshold"/>. The banding stays the run's, so thresholds well below
/// the run's own lose recall that a run at that threshold would have.
/// </summary>
public sealed record SweepPoint(double Threshold, long Clusters, long DocumentsRemoved, long BytesRemoved)
{
    public static SweepPoint At(double threshold, DocumentTable documents, ExactDuplicates exact, CandidateSimilarities candidates, VerifyMode mode)
    {
        // Without verification every candidate pair joins, so a sweep compares estimates instead.
        var check = mode == VerifyMode.None ? VerifyMode.Estimate : mode;
        var (result, _) = Clusterer.Cluster(documents, exact, candidates, check, threshold);
        long bytes = 0;
        for (int d = 0; d < documents.Count; d++)
        {
            bytes += result.IsRemoved(d) ? documents[d].TextBytes : 0;
        }

        return new SweepPoint(threshold, result.Clusters.Count, result.RemovedCount, bytes);
    }
}
