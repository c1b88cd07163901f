using System.Text;
using System.Text.Json;
using Dedup.Engine.Evaluation;
using Dedup.Engine.Pipeline;
using Dedup.Engine.Reporting;
using Dedup.Kernels.Signatures;

namespace Dedup.Engine.Inspection;

/// <summary>
/// <c>dedup inspect</c>: a cluster of a finished run, its members' sizes, similarity to the kept
/// document and a word diff against it. The texts are read again from the run's inputs.
/// </summary>
public sealed record ClusterInspection(int Number, IReadOnlyList<InspectedMember> Members)
{
    /// <summary>The cluster numbered <paramref name="number"/>, or the one holding <paramref name="id"/>.</summary>
    public static ClusterInspection Load(string outputFolder, int? number, string? id)
    {
        string reportPath = Path.Combine(outputFolder, OutputNames.Report);
        if (!File.Exists(reportPath))
        {
            throw new UsageException($"{outputFolder} has no {OutputNames.Report}: give the output folder of a finished dedup run.");
        }

        var report = ReportFile.Read(reportPath);
        var (cluster, kept, members) = FindCluster(Path.Combine(outputFolder, OutputNames.Clusters), number, id);
        var texts = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var wanted = members.ToHashSet(StringComparer.Ordinal);
        RunInputs.ForEach(report, (docId, text) =>
        {
            if (wanted.Contains(docId))
            {
                texts[docId] = text.ToArray();
            }
        });

        var missing = members.FirstOrDefault(m => !texts.ContainsKey(m));
        if (missing is not null)
        {
            throw new UsageException($"document '{missing}' of cluster {cluster} is no longer in the run's inputs ({string.Join(", ", report.Inputs.Paths)}); were they moved or changed?");
        }

        int n = report.Parameters.ShingleSize;
        var keptShingles = EngineShingles.Set(texts[kept], n);
        string keptText = Encoding.UTF8.GetString(texts[kept]);
        var inspected = members.Select(m => new InspectedMember(
            m,
            m == kept,
            texts[m].Length,
            ReferenceSignature.Tokens(texts[m]).Count,
            EngineShingles.Jaccard(EngineShingles.Set(texts[m], n), keptShingles),
            m == kept ? string.Empty : WordDiff.Compact(keptText, Encoding.UTF8.GetString(texts[m])))).ToList();
        return new ClusterInspection(cluster, inspected);
    }

    private static (int Number, string Kept, string[] Members) FindCluster(string path, int? number, string? id)
    {
        foreach (string line in File.ReadLines(path))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            int cluster = root.GetProperty("cluster").GetInt32();
            var members = root.GetProperty("members").EnumerateArray().Select(m => m.GetString()!).ToArray();
            if (cluster == number || (id is not null && members.Contains(id, StringComparer.Ordinal)))
            {
                return (cluster, root.GetProperty("kept").GetString()!, members);
            }
        }

        throw new UsageException(number is not null
            ? $"there is no cluster {number} in {path}."
            : $"'{id}' is in no cluster in {path}: it was not found to duplicate anything.");
    }
}
