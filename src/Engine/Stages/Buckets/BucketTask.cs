using System.Runtime.InteropServices;
using Dedup.Engine.Execution;
using Dedup.Engine.Lsh;
using Dedup.Engine.Plan;
using Dedup.Engine.RunFiles;
using Dedup.Engine.RunFiles.Records;

namespace Dedup.Engine.Stages.Buckets;

/// <summary>
/// What a buckets task found. Candidate edges are counted per bucket link: a pair that shares several bands counts
/// once per band. Nothing here depends on the threshold (the cluster stage judges the edges), so a run folder's
/// buckets serve any threshold (<see cref="Plan.RunPlan.SigningHash"/>).
/// </summary>
/// <param name="RepeatedIds">This run's documents whose id prints like an earlier document's (in (task, index) order).</param>
/// <param name="RepeatedIdExamples">A few of them, each with the first document of its id.</param>
public sealed record BucketTaskStats(long CandidateEdges, long ExactGroups, long ExactEdges, long RepeatedIds, IReadOnlyList<RepeatedId> RepeatedIdExamples);

/// <summary>A document (<paramref name="Again"/>) whose id is that of an earlier one (<paramref name="First"/>).</summary>
public readonly record struct RepeatedId(ulong First, ulong Again);

/// <summary>
/// <c>dedup buckets --task-index P</c>: merges every signature task's band runs for key range P,
/// band by band. The members of each bucket are paired (every pair in small buckets, each with the
/// leader in large ones) and each pair is verified (estimated, and exact when planned); the
/// exact-hash section links documents with equal content, and the id section finds ids that repeat.
/// Writes edges.bin.
/// </summary>
public sealed class BucketTask : IStageTask
{
    /// <summary>Buckets with up to this many members have every pair verified; larger ones, each member with the leader.</summary>
    public const int AllPairsUpTo = 32;

    /// <summary>Repeated ids a task keeps as examples for the report.</summary>
    public const int RepeatedIdExamplesKept = 10;

    public Stage Stage => Stage.Buckets;

    public string ProgressUnit => "band records";

    public void Run(int partition, StageContext context)
    {
        var (run, progress, budget) = (context.Run, context.Progress, context.Budget);
        using var runs = RunSet.Open(run, Stage.Buckets);
        var config = run.Plan.Configuration;
        context.Log.Info($"buckets task {partition}: merging {config.Bands} bands, the exact hashes and the ids of {run.Plan.SignatureTasks.Count} signature tasks");
        int idSection = BandSections.Ids(config.Bands);
        // Ids are this run's own question: an earlier run's documents may share ids with it.
        var sections = Enumerable.Range(0, BandSections.Count(config.Bands))
            .Select(section => BandSlices.For(runs, partition, section).Where(s => section != idSection || s.Run == 0).ToList())
            .ToList();
        progress.Expect(sections.Sum(slices => slices.Sum(s => s.Count)) * Marshal.SizeOf<BandRecord>());
        using var writer = new TaskWriter(run, Stage.Buckets, partition);
        BucketTaskStats stats;
        using (var edges = writer.Create(RunFileNames.Edges))
        {
            var verifier = new EdgeVerifier(runs, edges, config, context.Threads, budget.LookupDocuments(config.Permutations) / 2);
            long exactGroups = 0, exactEdges = 0;
            var repeated = new RepeatedIds();
            for (int section = 0; section < sections.Count; section++)
            {
                context.Cancellation.ThrowIfCancellationRequested();
                using var merge = new BandMerge(sections[section], budget.MergeBufferBytes, progress);
                if (section < config.Bands)
                {
                    PairBucketMembers(merge, verifier);
                }
                else if (section == BandSections.Exact(config.Bands))
                {
                    (exactGroups, exactEdges) = LinkEqualContent(merge, edges);
                }
                else
                {
                    repeated.Find(merge);
                }
            }

            verifier.Flush();
            writer.Complete(RunFileNames.Edges, edges);
            stats = new BucketTaskStats(verifier.Candidates, exactGroups, exactEdges, repeated.Count, repeated.Examples);
        }

        writer.Commit(stats);
    }

    /// <summary>
    /// Pairs the members of each bucket for verification: every pair while the bucket has at most
    /// <see cref="AllPairsUpTo"/> members, so that whether two documents join does not depend on
    /// which other documents share their bucket (which makes a run against an earlier one agree with
    /// one run over both); beyond that, each member with its leader (the smallest content hash), n - 1
    /// pairs instead of n^2. Members with equal content are skipped (the exact section links them),
    /// and so are pairs of two earlier-run documents (their run decided them).
    /// </summary>
    private static void PairBucketMembers(BandMerge merge, EdgeVerifier verifier)
    {
        var bucket = new List<BandRecord>(AllPairsUpTo + 1);
        bool large = false;
        while (merge.MoveNext())
        {
            var record = merge.Current;
            if (bucket.Count > 0 && record.Key != bucket[0].Key)
            {
                PairAll(bucket, large ? 0 : bucket.Count, verifier);
                bucket.Clear();
                large = false;
            }

            if (large)
            {
                Pair(bucket[0], record, verifier);
                continue;
            }

            bucket.Add(record);
            if (bucket.Count > AllPairsUpTo)
            {
                // Too many members for every pair: link each to the leader instead.
                large = true;
                for (int i = 1; i < bucket.Count; i++)
                {
                    Pair(bucket[0], bucket[i], verifier);
                }

                bucket.RemoveRange(1, bucket.Count - 1);
            }
        }

        PairAll(bucket, large ? 0 : bucket.Count, verifier);
    }

    /// <summary>Every pair among the first <paramref name="count"/> members.</summary>
    private static void PairAll(List<BandRecord> bucket, int count, EdgeVerifier verifier)
    {
        for (int i = 0; i < count; i++)
        {
            for (int j = i + 1; j < count; j++)
            {
                Pair(bucket[i], bucket[j], verifier);
            }
        }
    }

    private static void Pair(BandRecord first, BandRecord second, EdgeVerifier verifier)
    {
        if (first.Content != second.Content && !BothEarlier(first.Document, second.Document))
        {
            verifier.Add(first.Document, second.Document);
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

    /// <summary>Documents whose 128-bit id hash equals the previous one's: the first of each id is the one with the smallest reference.</summary>
    private sealed class RepeatedIds
    {
        private readonly List<RepeatedId> examples = [];

        public long Count { get; private set; }

        public IReadOnlyList<RepeatedId> Examples => examples;

        public void Find(BandMerge merge)
        {
            BandRecord first = default;
            bool any = false;
            while (merge.MoveNext())
            {
                var record = merge.Current;
                if (any && record.Key == first.Key && record.Content == first.Content)
                {
                    Count++;
                    if (examples.Count < RepeatedIdExamplesKept)
                    {
                        examples.Add(new RepeatedId(first.Document, record.Document));
                    }

                    continue;
                }

                first = record;
                any = true;
            }
        }
    }

    private static bool BothEarlier(ulong a, ulong b) => DocumentRef.Run(a) != 0 && DocumentRef.Run(b) != 0;

    /// <summary>
    /// Verifies candidate pairs in batches of <paramref name="batchPairs"/> and writes them in the
    /// order they came: each batch loads the signature of every document it names once
    /// (<see cref="DocumentDetails"/>), then scores the pairs in parallel.
    /// </summary>
    private sealed class EdgeVerifier(RunSet runs, ChecksummedWriter edges, RunConfiguration config, int threads, int batchPairs)
    {
        private readonly List<(ulong First, ulong Second)> pending = [];
        private readonly bool exact = config.Verify == VerifyMode.Exact;

        public long Candidates { get; private set; }

        public void Add(ulong first, ulong second)
        {
            pending.Add((first, second));
            if (pending.Count == batchPairs)
            {
                Flush();
            }
        }

        public void Flush()
        {
            var details = DocumentDetails.Load(runs, pending.SelectMany(p => new[] { p.First, p.Second }), DocumentParts.Signatures);
            var verified = new EdgeRecord[pending.Count];
            ParallelWork.For(pending.Count, threads, i =>
            {
                var (a, b) = pending[i];
                float estimate = (float)details.EstimatedJaccard(a, b);
                float exactValue = exact ? (float)runs.ExactJaccard(a, b) : float.NaN;
                verified[i] = new EdgeRecord(a, b, estimate, exactValue);
            });

            foreach (var edge in verified)
            {
                edges.Write(edge);
            }

            Candidates += pending.Count;
            pending.Clear();
        }
    }
}
