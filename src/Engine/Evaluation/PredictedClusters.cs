using System.Text.Json;
using Dedup.Engine.IO;
using Dedup.Engine.Pipeline;

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
        string path = Path.Combine(runFolder, OutputNames.Clusters);
        var groups = new List<string[]>();
        var removed = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        JsonLinesInput.ForEach(path, (row, line) =>
        {
            string kept = JsonLinesInput.IdField(row, "kept", path, line);
            if (!row.TryGetProperty("members", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new InputException($"{path} line {line}: 'members' is missing or not an array.");
            }

            var members = list.EnumerateArray().Select(m => m.ValueKind == JsonValueKind.String ? m.GetString()! : m.GetRawText()).ToArray();
            foreach (string id in members)
            {
                if (!seen.Add(id))
                {
                    throw new InputException($"{path} line {line}: id '{id}' is in two clusters; eval matches documents by id, so ids must be unique.");
                }
            }

            if (!members.Contains(kept, StringComparer.Ordinal))
            {
                throw new InputException($"{path} line {line}: the kept id '{kept}' is not among the members.");
            }

            groups.Add(members);
            removed.AddRange(members.Where(m => !string.Equals(m, kept, StringComparison.Ordinal)));
        });
        return new PredictedClusters(IdPartition.FromGroups(groups), removed);
    }
}
