using System.Text.Json;

namespace Dedup.Engine.Tests.EndToEnd;

/// <summary>Reads OUT/clusters.jsonl.</summary>
public static class ClustersFile
{
    public sealed record Cluster(int Number, string Kept, string[] Members);

    public static List<Cluster> Read(string outputFolder)
    {
        var clusters = new List<Cluster>();
        foreach (string line in File.ReadLines(Path.Combine(outputFolder, "clusters.jsonl")))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            clusters.Add(new Cluster(
                root.GetProperty("cluster").GetInt32(),
                root.GetProperty("kept").GetString()!,
                root.GetProperty("members").EnumerateArray().Select(m => m.GetString()!).ToArray()));
        }

        return clusters;
    }

    /// <summary>The clusters as a canonical set of member sets: comparable across shard orders.</summary>
    public static SortedSet<string> Canonical(IEnumerable<Cluster> clusters) =>
        new(clusters.Select(c => string.Join("|", c.Members.Order(StringComparer.Ordinal))), StringComparer.Ordinal);

    /// <summary>Cluster number of each clustered id.</summary>
    public static Dictionary<string, int> ClusterOf(IEnumerable<Cluster> clusters)
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
