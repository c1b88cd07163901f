using System.Text;
using Dedup.Engine.Evaluation;
using Dedup.Engine.IO;
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
        var (cluster, kept, members) = FindCluster(outputFolder, report, number, id);
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

    /// <summary>The cluster asked for; a cluster or document that is not there fails like a missing input (exit 2).</summary>
    private static (int Number, string Kept, string[] Members) FindCluster(string runFolder, RunReport report, int? number, string? id)
    {
        var clusters = ClustersFile.Read(runFolder);
        var cluster = clusters.FirstOrDefault(c =>
            c.Number == number || (id is not null && c.Members.Contains(id, StringComparer.Ordinal)));
        if (cluster is not null)
        {
            return (cluster.Number, cluster.Kept, cluster.Members);
        }

        throw number is not null ? NoClusterNumbered(runFolder, clusters, number.Value) : NoClusterHolding(runFolder, report, id!);
    }

    private static InputException NoClusterNumbered(string runFolder, List<ClusterLine> clusters, int number) => new(clusters.Count switch
    {
        0 => $"there is no cluster {number} in {runFolder}: the run found no duplicates.",
        1 => $"there is no cluster {number} in {runFolder}; its one cluster is {clusters[0].Number}.",
        _ => $"there is no cluster {number} in {runFolder}; its clusters are numbered {clusters.Min(c => c.Number)} to {clusters.Max(c => c.Number)}.",
    });

    /// <summary>
    /// Why <paramref name="id"/> is in no cluster: a document that duplicates nothing, or no document
    /// of the run at all. Only then are the inputs read, to tell the two apart and name the nearest ids.
    /// </summary>
    private static InputException NoClusterHolding(string runFolder, RunReport report, string id)
    {
        bool found = false;
        var nearest = new NearestIds(id, count: 3);
        RunInputs.ForEach(report, (docId, _) =>
        {
            found |= docId == id;
            nearest.Offer(docId);
        });
        if (found)
        {
            return new InputException($"'{id}' is in no cluster of {runFolder}: it was not found to duplicate anything.");
        }

        string suggestion = nearest.Ids.Count > 0 ? $"; the nearest ids are {string.Join(", ", nearest.Ids.Select(i => $"'{i}'"))}" : string.Empty;
        return new InputException($"there is no document with the id '{id}' in the run's inputs ({string.Join(", ", report.Inputs.Paths)}){suggestion}.");
    }
}
