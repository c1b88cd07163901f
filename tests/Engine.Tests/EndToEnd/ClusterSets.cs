using Dedup.Engine.Evaluation;

namespace Dedup.Engine.Tests.EndToEnd;

/// <summary>Views of a run's clusters for assertions.</summary>
public static class ClusterSets
{
    /// <summary>The clusters as a canonical set of member sets: comparable across shard orders.</summary>
    public static SortedSet<string> Canonical(IEnumerable<ClusterLine> clusters) =>
        new(clusters.Select(c => string.Join("|", c.Members.Order(StringComparer.Ordinal))), StringComparer.Ordinal);

    /// <summary>Cluster number of each clustered id.</summary>
    public static Dictionary<string, int> ClusterOf(IEnumerable<ClusterLine> clusters)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var c in clusters)
        {
            foreach (string m in c.Members)
            {
                map[m] = c.Number;
            }
        }

        return map;
    }
}
