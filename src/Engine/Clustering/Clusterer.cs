using Dedup.Engine.Lsh;
using Dedup.Engine.Pipeline;

namespace Dedup.Engine.Clustering;

/// <summary>Counts of what clustering joined, for the report.</summary>
public sealed record ClusteringCounts(int CandidatePairs, int VerifiedPairs, int RejectedPairs, int ExactDuplicateGroups);

/// <summary>
/// Joins exact duplicates (equal content hash) and verified candidate pairs with union-find; the
/// keeper of a cluster is its highest-ranked member (<see cref="KeepPolicy"/>), ties going to the
/// first in (shard, row) order, i.e. the smallest index.
/// </summary>
public static class Clusterer
{
    public static (ClusterResult Result, ClusteringCounts Counts) Cluster(
        DocumentTable documents, SignatureStore signatures, ulong[] candidatePairs, double threshold, bool verify)
    {
        var sets = new UnionFind(documents.Count);
        int exactGroups = JoinExactDuplicates(documents, sets);
        int verified = 0;
        foreach (ulong pair in candidatePairs)
        {
            var (a, b) = BandIndex.Unpack(pair);
            if (!verify || signatures.EstimatedJaccard(a, b) >= threshold)
            {
                sets.Union(a, b);
                verified++;
            }
        }

        var counts = new ClusteringCounts(candidatePairs.Length, verified, candidatePairs.Length - verified, exactGroups);
        return (Collect(sets, documents), counts);
    }

    private static int JoinExactDuplicates(DocumentTable documents, UnionFind sets)
    {
        var byContent = new List<(UInt128 Hash, int Document)>(documents.Count);
        for (int d = 0; d < documents.Count; d++)
        {
            if (documents[d].TokenCount > 0)
            {
                byContent.Add((documents[d].ContentHash, d));
            }
        }

        byContent.Sort();
        int groups = 0;
        for (int i = 1; i < byContent.Count; i++)
        {
            if (byContent[i].Hash == byContent[i - 1].Hash)
            {
                groups += i == 1 || byContent[i - 1].Hash != byContent[i - 2].Hash ? 1 : 0;
                sets.Union(byContent[i - 1].Document, byContent[i].Document);
            }
        }

        return groups;
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
