namespace Dedup.Engine.Clustering;

/// <summary>The clusters of a run and, per document, its cluster (or -1) and whether it is removed.</summary>
public sealed class ClusterResult(IReadOnlyList<DuplicateCluster> clusters, int[] clusterOf)
{
    public IReadOnlyList<DuplicateCluster> Clusters { get; } = clusters;

    /// <summary>Cluster number per document, -1 for a document in no cluster.</summary>
    public int ClusterOf(int document) => clusterOf[document];

    public bool IsRemoved(int document) => clusterOf[document] >= 0 && Clusters[clusterOf[document]].Keeper != document;

    public int RemovedCount => Clusters.Sum(c => c.Members.Length - 1);
}
