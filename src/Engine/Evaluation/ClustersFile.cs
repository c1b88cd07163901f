using System.Text.Json;
using Dedup.Engine.IO;
using Dedup.Engine.Output;

namespace Dedup.Engine.Evaluation;

/// <summary>One line of a run's clusters.jsonl.</summary>
public sealed record ClusterLine(int Number, string Kept, string[] Members, long Line);

/// <summary>Reads a finished run's clusters.jsonl (eval, inspect), checking each line's shape.</summary>
public static class ClustersFile
{
    public static List<ClusterLine> Read(string runFolder)
    {
        string path = Path.Combine(runFolder, OutputNames.Clusters);
        var clusters = new List<ClusterLine>();
        JsonLinesInput.ForEach(path, (row, line) =>
        {
            if (!row.TryGetProperty("cluster", out var number) || !number.TryGetInt32(out int cluster))
            {
                throw new InputException($"{path} line {line}: 'cluster' is missing or not a whole number.");
            }

            string kept = JsonLinesInput.IdField(row, "kept", path, line);
            if (!row.TryGetProperty("members", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new InputException($"{path} line {line}: 'members' is missing or not an array.");
            }

            var members = list.EnumerateArray().Select(m => m.ValueKind == JsonValueKind.String ? m.GetString()! : m.GetRawText()).ToArray();
            if (!members.Contains(kept, StringComparer.Ordinal))
            {
                throw new InputException($"{path} line {line}: the kept id '{kept}' is not among the members.");
            }

            clusters.Add(new ClusterLine(cluster, kept, members, line));
        });
        return clusters;
    }
}
