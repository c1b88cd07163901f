using Dedup.Engine.Lsh;
using Dedup.Engine.Staged.Files;
using Dedup.Engine.Staged.Records;

namespace Dedup.Engine.Staged;

/// <summary>What a buckets task found. Candidate edges are counted per bucket link: a pair that shares several bands counts once per band.</summary>
public sealed record BucketTaskStats(long CandidateEdges, long RejectedByEstimate, long? RejectedByExact, long ExactGroups, long ExactEdges);

/// <summary>
/// <c>dedup buckets --task-index P</c>: merges every signature task's band runs for key range P,
/// band by band. Each bucket's members are linked to its leader (n - 1 edges, not n^2) and each
/// link is verified (estimated, and exact when planned); the exact-hash section links documents
/// with equal content. Writes edges.bin.
/// </summary>
public static class BucketTask
{
    public const string Edges = "edges.bin";

    private const int VerifyBatch = 1 << 16;

    public static void Run(RunFolder run, int partition, int threads, IRunLog log, CancellationToken cancellation)
    {
        using var runs = RunSet.Open(run, Stage.Buckets);
        var config = run.Plan.Configuration;
        var budget = new MemoryBudget(run.Plan.MemoryBytes);
        log.Info($"buckets task {partition}: merging {config.Bands} bands and the exact hashes of {run.Plan.SignatureTasks.Count} signature tasks");
        using var writer = new TaskWriter(run, Stage.Buckets, partition);
        BucketTaskStats stats;
        using (var edges = writer.Create(Edges))
        {
            var verifier = new EdgeVerifier(runs, edges, config, threads);
            long exactGroups = 0, exactEdges = 0;
            for (int section = 0; section <= config.Bands; section++)
            {
                cancellation.ThrowIfCancellationRequested();
                using var merge = new BandMerge(BandSlices.For(runs, partition, section), budget.MergeBufferBytes);
                if (section < config.Bands)
                {
                    LinkBucketsToLeaders(merge, verifier);
                }
                else
                {
                    (exactGroups, exactEdges) = LinkEqualContent(merge, edges);
                }
            }

            verifier.Flush();
            writer.Complete(Edges, edges);
            stats = new BucketTaskStats(verifier.Candidates, verifier.RejectedByEstimate, verifier.RejectedByExact, exactGroups, exactEdges);
        }

        writer.Commit(stats);
    }

    /// <summary>
    /// Links every member of a bucket to its leader (its first record: the smallest content hash),
    /// skipping members with the leader's content (equal content is linked by the exact section)
    /// and pairs of two earlier-run documents (their run decided them).
    /// </summary>
    private static void LinkBucketsToLeaders(BandMerge merge, EdgeVerifier verifier)
    {
        BandRecord leader = default;
        bool any = false;
        while (merge.MoveNext())
        {
            var record = merge.Current;
            if (!any || record.Key != leader.Key)
            {
                leader = record;
                any = true;
                continue;
            }

            if (record.Content != leader.Content && !BothEarlier(leader.Document, record.Document))
            {
                verifier.Add(leader.Document, record.Document);
            }
        }
    }

    /// <summary>Links each document to the previous one with the same 128-bit content hash.</summary>
    private static (long Groups, long Edges) LinkEqualContent(BandMerge merge, ChecksummedWriter edges)
    {
        long groups = 0, count = 0;
        BandRecord previous = default;
        bool any = false, groupCounted = false;
        while (merge.MoveNext())
        {
            var record = merge.Current;
            bool same = any && record.Key == previous.Key && record.Content == previous.Content;
            groupCounted &= same;
            if (same && !BothEarlier(previous.Document, record.Document))
            {
                edges.Write(EdgeRecord.ExactDuplicate(previous.Document, record.Document));
                count++;
                groups += groupCounted ? 0 : 1;
                groupCounted = true;
            }

            previous = record;
            any = true;
        }

        return (groups, count);
    }

    private static bool BothEarlier(ulong a, ulong b) => DocumentRef.Run(a) != 0 && DocumentRef.Run(b) != 0;

    /// <summary>Verifies candidate edges in batches, in parallel, and writes them in the order they came.</summary>
    private sealed class EdgeVerifier(RunSet runs, ChecksummedWriter edges, RunConfiguration config, int threads)
    {
        private readonly List<(ulong First, ulong Second)> pending = [];
        private readonly bool exact = config.VerifyMode == VerifyMode.Exact;
        private readonly float threshold = (float)config.Threshold;

        public long Candidates { get; private set; }

        public long RejectedByEstimate { get; private set; }

        public long? RejectedByExact { get; private set; } = config.VerifyMode == VerifyMode.Exact ? 0 : null;

        public void Add(ulong first, ulong second)
        {
            pending.Add((first, second));
            if (pending.Count == VerifyBatch)
            {
                Flush();
            }
        }

        public void Flush()
        {
            var verified = new EdgeRecord[pending.Count];
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount };
            Parallel.For(0, pending.Count, parallel, i =>
            {
                var (a, b) = pending[i];
                float estimate = (float)runs.EstimatedJaccard(a, b);
                float exactValue = exact ? (float)runs.ExactJaccard(a, b) : float.NaN;
                verified[i] = new EdgeRecord(a, b, estimate, exactValue);
            });

            foreach (var edge in verified)
            {
                edges.Write(edge);
                RejectedByEstimate += edge.Estimated >= threshold ? 0 : 1;
                if (exact)
                {
                    RejectedByExact += edge.Exact >= threshold ? 0 : 1;
                }
            }

            Candidates += pending.Count;
            pending.Clear();
        }
    }
}
