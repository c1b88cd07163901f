using Dedup.Engine.Execution;
using Dedup.Engine.IO;
using Dedup.Engine.Output;
using Dedup.Engine.Plan;
using Dedup.Engine.RunFiles;
using Dedup.Engine.RunFiles.Records;
using Dedup.Engine.Stages.Cluster;
using Dedup.Engine.Stages.Signatures;

namespace Dedup.Engine.Stages.Filter;

/// <summary>What a filter task wrote: the bytes on disk of each output shard of its range, in plan order.</summary>
public sealed record FilterTaskStats(int Shards, long RowsRemoved, IReadOnlyList<long> OutputFileBytes);

/// <summary>
/// <c>dedup filter --task-index I</c>: writes each shard of the task's range without its removed
/// rows, in its own format, and its removed rows (id, row, cluster, kept id, similarity) into OUT.
/// Each file appears whole, by a rename. The report step after it publishes the report.
/// </summary>
public sealed class FilterTask : IStageTask
{
    public Stage Stage => Stage.Filter;

    public string ProgressUnit => "rows";

    public void Run(int task, StageContext context)
    {
        var (run, progress, output, threads) = (context.Run, context.Progress, context.Output, context.Threads);
        using var runs = RunSet.Open(run, Stage.Filter);
        var clusterMarker = run.RequireComplete(Stage.Cluster, Stage.Filter)[0];
        var stats = clusterMarker.StatsAs<ClusterTaskStats>();
        var range = run.Plan.SignatureTasks[task];
        var shards = run.Plan.ShardList().Skip(range[0]).Take(range[1] - range[0]).ToList();
        context.Log.Info($"filter task {task}: shards {range[0]}..{range[1] - 1} into {output}");
        progress.Expect(shards.Sum(s => s.Length));
        using var writer = new TaskWriter(run, Stage.Filter, task);
        using var assignments = run.Open<Assignment>(clusterMarker, RunFileNames.Assignments);
        var contentHashes = runs.SignatureMarkers(0).SelectMany(m => m.StatsAs<SignatureTaskStats>().ContentHashes).ToList();
        long removedRows = 0;
        var outputBytes = new long[shards.Count];
        // Each thread's lookups get their share of the budget (a removed row loads its keeper too: two documents).
        int batchDocuments = Math.Max(2, context.Budget.LookupDocuments(run.Plan.Configuration.Permutations) / (threads > 0 ? threads : Environment.ProcessorCount));
        // Shards are independent: written in parallel, as many at once as there are threads; the threads
        // left over compress blocks of each shard (a single large shard still uses every core).
        int cores = threads > 0 ? threads : Environment.ProcessorCount;
        int compressionThreads = Math.Max(1, cores / Math.Max(1, Math.Min(cores, shards.Count)));
        ParallelWork.ForEach(Enumerable.Range(0, shards.Count).ToList(), threads, i =>
        {
            var shard = shards[i];
            run.Plan.CheckUnchanged(shard);
            long first = stats.AssignmentStarts[shard.Index];
            string target = Path.Combine(output, shard.RelativePath);
            string removedTarget = Path.Combine(output, OutputNames.Removed(shard.RelativePath));
            DurableFile.RemoveLeftovers(target);
            DurableFile.RemoveLeftovers(removedTarget);
            long count = stats.AssignmentStarts[shard.Index + 1] - first;
            // Streamed twice, a batch at a time, never listed: once for the copy, once for removed/.
            long removedHere = 0;
            IEnumerable<long> Rows()
            {
                foreach (var row in RemovedOf(runs, assignments, first, count, batchDocuments))
                {
                    removedHere++;
                    yield return row.Row;
                }
            }

            ShardFilter.Write(shard, target, Rows(), run.Plan.OutputCompression, ContentHashingStream.Parse(contentHashes[shard.Index]), compressionThreads, progress.Add);
            outputBytes[i] = new FileInfo(target).Length;
            if (removedHere > 0)
            {
                WriteRemovedRows(runs, removedTarget, RemovedOf(runs, assignments, first, count, batchDocuments / 2), batchDocuments / 2);
            }

            Interlocked.Add(ref removedRows, removedHere);
        }, context.Cancellation);

        writer.Commit(new FilterTaskStats(shards.Count, removedRows, outputBytes));
    }

    private sealed record RemovedRow(long Row, ulong Document, Assignment Assignment);

    /// <summary>
    /// The removed documents among a shard's clustered ones (its slice of assignments.bin), by row (a shard's
    /// documents are signed in row order), looked up <paramref name="batchDocuments"/> at a time.
    /// </summary>
    private static IEnumerable<RemovedRow> RemovedOf(RunSet runs, RecordFile<Assignment> assignments, long first, long count, int batchDocuments)
    {
        foreach (var batch in RemovedAssignments(runs, assignments, first, count).Chunk(batchDocuments))
        {
            var details = DocumentDetails.Load(runs, batch.Select(r => r.Document), DocumentParts.Records);
            foreach (var (document, assignment) in batch)
            {
                yield return new RemovedRow(details.Record(document).Row, document, assignment);
            }
        }
    }

    private static IEnumerable<(ulong Document, Assignment Assignment)> RemovedAssignments(RunSet runs, RecordFile<Assignment> assignments, long first, long count)
    {
        using var reader = new RecordReader<Assignment>(assignments, first, count, MemoryBudget.StreamBufferBytes);
        while (reader.MoveNext())
        {
            ulong document = runs.Reference(0, reader.Current.Dense);
            if (reader.Current.Keeper != document)
            {
                yield return (document, reader.Current);
            }
        }
    }

    private static void WriteRemovedRows(RunSet runs, string path, IEnumerable<RemovedRow> removed, int batchDocuments)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        DurableFile.Write(path, stream =>
        {
            using var file = new JsonLinesFile(stream);
            foreach (var batch in removed.Chunk(batchDocuments))
            {
                var details = DocumentDetails.Load(runs, batch.SelectMany(r => new[] { r.Document, r.Assignment.Keeper }), DocumentParts.Ids | DocumentParts.Signatures);
                foreach (var row in batch)
                {
                    string id = details.Id(row.Document);
                    string kept = details.Id(row.Assignment.Keeper);
                    double similarity = Math.Round(details.EstimatedJaccard(row.Document, row.Assignment.Keeper), 4);
                    file.WriteLine(w =>
                    {
                        w.WriteString("id", id);
                        w.WriteNumber("row", row.Row);
                        w.WriteNumber("cluster", row.Assignment.Cluster);
                        w.WriteString("kept", kept);
                        w.WriteNumber("similarity", similarity);
                    });
                }
            }
        });
    }
}
