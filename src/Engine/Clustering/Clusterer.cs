using Dedup.Engine.Lsh;
using Dedup.Engine.Pipeline;

namespace Dedup.Engine.Clustering;

/// <summary>Counts of what clustering joined and what each check rejected, for the report.</summary>
/// <param name="RejectedByEstimate">Candidate pairs whose estimated Jaccard is below the threshold.</param>
/// <param name="RejectedByExact">Candidate pairs whose exact Jaccard is below the threshold; null when not computed.</param>
public sealed record ClusteringCounts(int CandidatePairs, int MergedPairs, int RejectedByEstimate, int? RejectedByExact, int ExactDuplicateGroups);

/// <summary>
/// Joins exact duplicates (equal content hash) and the candidate pairs that pass verification
/// with union-find; the keeper of a cluster is its highest-ranked member (<see cref="KeepPolicy"/>),
/// ties going to the first in (shard, row) order, i.e. the smallest index.
/// </summary>
public static class Clusterer
{
    public static (ClusterResult Result, ClusteringCounts Counts) Cluster(
        DocumentTable documents, ExactDuplicates exact, CandidateSimilarities candidates, VerifyMode mode, double threshold)
    {
        var sets = new UnionFind(documents.Count);
        foreach (var (a, b) in exact.Pairs)
        {
            sets.Union(a, b);
        }

        int merged = 0, belowEstimate = 0, belowExact = 0;
        for (int i = 0; i < candidates.Pairs.Length; i++)
        {
            belowEstimate += candidates.Passes(i, VerifyMode.Estimate, threshold) ? 0 : 1;
            belowExact += candidates.Exact is null || candidates.Passes(i, VerifyMode.Exact, threshold) ? 0 : 1;
            if (candidates.Passes(i, mode, threshold))
            {
                var (a, b) = BandIndex.Unpack(candidates.Pairs[i]);
                sets.Union(a, b);
                merged++;
            }
        }

        var counts = new ClusteringCounts(
            candidates.Pairs.Length, merged, belowEstimate, candidates.Exact is null ? null : belowExact, exact.Groups);
        return (Collect(sets, documents), counts);
    }

    /// <summary>Numbers clusters by their first member (the union-find root), so numbering follows (shard, row) order.</summary>
    private static ClusterResult Collect(UnionFind sets, DocumentTable documents)
    {
        int n = sets.Count;
        var size = new int[n];
        for (int d = 0; d < n; d++)
        {
            size[sets.Find(d)]++;
        }

        var clusterOfRoot = new int[n];
        var members = new List<List<int>>();
        for (int d = 0; d < n; d++)
        {
            clusterOfRoot[d] = -1;
            if (size[d] > 1)
            {
                clusterOfRoot[d] = members.Count;
                members.Add(new List<int>(size[d]));
            }
        }

        var clusterOf = new int[n];
        for (int d = 0; d < n; d++)
        {
            int cluster = clusterOfRoot[sets.Find(d)];
            clusterOf[d] = cluster;
            if (cluster >= 0)
            {
                members[cluster].Add(d);
            }
        }

        var clusters = new DuplicateCluster[members.Count];
        for (int c = 0; c < clusters.Length; c++)
        {
            clusters[c] = new DuplicateCluster(c, Keeper(members[c], documents), members[c].ToArray());
        }

        return new ClusterResult(clusters, clusterOf);
    }

    /// <summary>The highest-ranked member; members are ascending, so a strict comparison keeps the first of equals.</summary>
    private static int Keeper(List<int> members, DocumentTable documents)
    {
        int keeper = members[0];
        foreach (int d in members)
        {
            if (documents[d].Rank > documents[keeper].Rank)
            {
                keeper = d;
            }
        }

        return keeper;
    }
}
