using Dedup.Engine.IO;
using Dedup.Engine.Output;

namespace Dedup.Engine.Evaluation;

/// <summary>A run's clusters.jsonl: the clusters as a partition, and the ids the run removed.</summary>
public sealed class PredictedClusters
{
    private PredictedClusters(IdPartition clusters, IReadOnlyList<string> removed)
    {
        Clusters = clusters;
        Removed = removed;
    }

    public IdPartition Clusters { get; }

    /// <summary>Every member of a cluster but its kept one.</summary>
    public IReadOnlyList<string> Removed { get; }

    public static PredictedClusters Read(string runFolder)
    {
        var groups = new List<string[]>();
        var removed = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cluster in ClustersFile.Read(runFolder))
        {
            foreach (string id in cluster.Members)
            {
                if (!seen.Add(id))
                {
                    throw new InputException($"{Path.Combine(runFolder, OutputNames.Clusters)} line {cluster.Line}: id '{id}' is in two clusters; eval matches documents by id, so ids must be unique.");
                }
            }

            groups.Add(cluster.Members);
            removed.AddRange(cluster.Members.Where(m => !string.Equals(m, cluster.Kept, StringComparison.Ordinal)));
        }

        return new PredictedClusters(IdPartition.FromGroups(groups), removed);
    }
}
