using Dedup.Engine.Clustering;
using Dedup.Engine.IO;
using Dedup.Engine.Output;
using Dedup.Engine.Progress;

namespace Dedup.Engine.Pipeline;

/// <summary>
/// Writes each deduplicated shard in its input format, the removed rows of each shard, and the
/// clusters file. Shards are independent, so they are written in parallel.
/// </summary>
public sealed class FilterStage(ReaderOptions readerOptions, int threads, RunProgress progress)
{
    public void Run(IReadOnlyList<Shard> shards, SignedCorpus corpus, ClusterResult clusters, OutputDirectory output, CancellationToken cancellation)
    {
        var removedByShard = RemovedRowsByShard(shards.Count, corpus.Documents, clusters);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount, CancellationToken = cancellation };
        Parallel.ForEach(shards, parallel, shard =>
        {
            var removed = removedByShard[shard.Index];
            var rows = removed.Select(d => corpus.Documents[d].Row).ToArray();
            ShardFilter.Write(shard, output.PathFor(shard.RelativePath), rows, readerOptions);
            if (removed.Count > 0)
            {
                WriteRemovedRows(output.PathFor(OutputNames.Removed(shard.RelativePath)), removed, corpus, clusters);
            }

            progress.ShardWritten();
        });

        WriteClusters(output.PathFor(OutputNames.Clusters), corpus.Documents, clusters);
    }

    private static List<int>[] RemovedRowsByShard(int shardCount, DocumentTable documents, ClusterResult clusters)
    {
        var byShard = new List<int>[shardCount];
        for (int s = 0; s < shardCount; s++)
        {
            byShard[s] = [];
        }

        // Dense indices follow (shard, row) order, so each list comes out sorted by row.
        for (int d = 0; d < documents.Count; d++)
        {
            if (clusters.IsRemoved(d))
            {
                byShard[documents[d].Shard].Add(d);
            }
        }

        return byShard;
    }

    private static void WriteRemovedRows(string path, List<int> removed, SignedCorpus corpus, ClusterResult clusters)
    {
        using var file = new JsonLinesFile(path);
        foreach (int d in removed)
        {
            var cluster = clusters.Clusters[clusters.ClusterOf(d)];
            file.WriteLine(w =>
            {
                w.WriteString("id", corpus.Documents.Id(d));
                w.WriteNumber("row", corpus.Documents[d].Row);
                w.WriteNumber("cluster", cluster.Number);
                w.WriteString("kept", corpus.Documents.Id(cluster.Keeper));
                w.WriteNumber("similarity", Math.Round(corpus.Signatures.EstimatedJaccard(d, cluster.Keeper), 4));
            });
        }
    }

    private static void WriteClusters(string path, DocumentTable documents, ClusterResult clusters)
    {
        using var file = new JsonLinesFile(path);
        foreach (var cluster in clusters.Clusters)
        {
            file.WriteLine(w =>
            {
                w.WriteNumber("cluster", cluster.Number);
                w.WriteString("kept", documents.Id(cluster.Keeper));
                w.WriteStartArray("members");
                foreach (int member in cluster.Members)
                {
                    w.WriteStringValue(documents.Id(member));
                }

                w.WriteEndArray();
            });
        }
    }
}
