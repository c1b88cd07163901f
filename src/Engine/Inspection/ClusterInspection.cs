using System.Text;
using Dedup.Engine.Evaluation;
using Dedup.Engine.IO;
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
        var report = ReportFile.ReadFinished(outputFolder);
        var (cluster, kept, members) = FindCluster(outputFolder, number, id);
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
            throw new InputException($"document '{missing}' of cluster {cluster} is no longer in the run's inputs ({string.Join(", ", report.Inputs.Paths)}); were they moved or changed?");
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

    private static (int Number, string Kept, string[] Members) FindCluster(string runFolder, int? number, string? id)
    {
        var cluster = ClustersFile.Read(runFolder).FirstOrDefault(c =>
            c.Number == number || (id is not null && c.Members.Contains(id, StringComparer.Ordinal)));
        return cluster is not null
            ? (cluster.Number, cluster.Kept, cluster.Members)
            : throw new UsageException(number is not null
                ? $"there is no cluster {number} in {runFolder}."
                : $"'{id}' is in no cluster of {runFolder}: it was not found to duplicate anything.");
    }
}
