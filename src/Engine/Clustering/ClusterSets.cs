using System.Runtime.InteropServices;
using Dedup.Engine.Execution;
using Dedup.Engine.Lsh;
using Dedup.Engine.Plan;
using Dedup.Engine.RunFiles;
using Dedup.Engine.RunFiles.Records;

namespace Dedup.Engine.Clustering;

/// <summary>
/// The clusters of a run at one threshold, in about 8 bytes per document: union-find over every
/// signed document of this run and of its --against runs (these after this run's, at
/// <see cref="Offset"/>), fed by streaming the edges; then one array that says, per document,
/// its root (for a member, always below it) or, for a root, its cluster's keeper (at or above it).
/// The keeper is the highest-ranked member, ties to the smallest index; documents of earlier
/// runs rank above all of this run's, so a cluster that reaches an earlier run keeps that run's document.
/// </summary>
public sealed class ClusterSets
{
    private readonly BigArray<long> slots;
    private readonly long[] offsets;

    private ClusterSets(BigArray<long> slots, RankedBits clustered, long[] offsets, EdgeTally edges)
    {
        this.slots = slots;
        Clustered = clustered;
        this.offsets = offsets;
        Edges = edges;
    }

    /// <summary>Set for each root of a set of two or more documents.</summary>
    public RankedBits Clustered { get; }

    /// <summary>This run's signed documents: indices [0, ThisRun) are theirs.</summary>
    public long ThisRun => offsets[1];

    /// <summary>What became of the candidate edges at this threshold.</summary>
    public EdgeTally Edges { get; }

    public long Offset(int run) => offsets[run];

    /// <summary>The bytes <see cref="Build"/> counts to <see cref="RunProgress"/>: every edge and, unless under --keep first, every document of this run.</summary>
    public static long BytesToRead(RunSet runs, IReadOnlyList<TaskMarker> buckets, KeepPolicy keep) =>
        buckets.Sum(b => b.Files[RunFileNames.Edges].Bytes) + (keep == KeepPolicy.First ? 0 : runs.DocumentCount(0) * Marshal.SizeOf<DocumentRecord>());

    public static ClusterSets Build(RunSet runs, IReadOnlyList<TaskMarker> buckets, VerifyMode mode, double threshold, KeepPolicy keep, RunProgress progress)
    {
        var offsets = new long[runs.Runs.Count + 1];
        for (int run = 0; run < runs.Runs.Count; run++)
        {
            offsets[run + 1] = offsets[run] + runs.DocumentCount(run);
        }

        var sets = new UnionFind(offsets[^1]);
        JoinEarlierClusters(runs, offsets, sets);
        var edges = JoinEdges(runs, buckets, offsets, sets, mode, (float)threshold, progress);
        var slots = sets.Flatten();
        var clustered = new RankedBits(slots.Length);
        for (long d = 0; d < slots.Length; d++)
        {
            if (slots[d] != d)
            {
                clustered.Set(slots[d]);
            }
        }

        clustered.Seal();
        ChooseKeepers(runs, slots, offsets[1], keep, progress);
        return new ClusterSets(slots, clustered, offsets, edges);
    }

    /// <summary>Document d's cluster root, or -1 when it is in no cluster.</summary>
    public long RootOf(long d)
    {
        long root = slots[d] < d ? slots[d] : d;
        return Clustered.Get(root) ? root : -1;
    }

    /// <summary>The keeper of the cluster with root <paramref name="root"/>.</summary>
    public long KeeperOf(long root) => slots[root];

    /// <summary>The reference of the document at index <paramref name="d"/> (of this run or an earlier one).</summary>
    public ulong Reference(RunSet runs, long d)
    {
        int run = 0;
        while (d >= offsets[run + 1])
        {
            run++;
        }

        return runs.Reference(run, d - offsets[run]);
    }

    private static long Index(RunSet runs, long[] offsets, ulong reference) => offsets[DocumentRef.Run(reference)] + runs.Dense(reference);

    /// <summary>An earlier run's clusters are final: their members are joined as that run joined them.</summary>
    private static void JoinEarlierClusters(RunSet runs, long[] offsets, UnionFind sets)
    {
        for (int run = 1; run < runs.Runs.Count; run++)
        {
            var folder = runs.Runs[run];
            var marker = folder.Marker(Stage.Cluster, 0);
            using var file = folder.Open<Assignment>(marker, RunFileNames.Assignments);
            using var reader = new RecordReader<Assignment>(file, 0, file.Count, MemoryBudget.StreamBufferBytes);
            while (reader.MoveNext())
            {
                var a = reader.Current;
                // Its keeper may belong to a run it was itself deduplicated against, which is not in this set.
                if (DocumentRef.Run(a.Keeper) == 0)
                {
                    sets.Union(offsets[run] + a.Dense, Index(runs, offsets, DocumentRef.InRun(a.Keeper, run)));
                }
            }
        }
    }

    private static EdgeTally JoinEdges(RunSet runs, IReadOnlyList<TaskMarker> buckets, long[] offsets, UnionFind sets, VerifyMode mode, float threshold, RunProgress progress)
    {
        long merged = 0, belowByEstimate = 0, belowByExact = 0;
        foreach (var marker in buckets)
        {
            using var file = runs.This.Open<EdgeRecord>(marker, RunFileNames.Edges);
            using var reader = new RecordReader<EdgeRecord>(file, 0, file.Count, MemoryBudget.StreamBufferBytes, progress: progress);
            while (reader.MoveNext())
            {
                var edge = reader.Current;
                if (!edge.IsExact)
                {
                    belowByEstimate += edge.Passes(VerifyMode.Estimate, threshold) ? 0 : 1;
                    belowByExact += edge.Passes(VerifyMode.Exact, threshold) ? 0 : 1;
                }

                if (edge.Passes(mode, threshold))
                {
                    sets.Union(Index(runs, offsets, edge.First), Index(runs, offsets, edge.Second));
                    merged += edge.IsExact ? 0 : 1;
                }
            }
        }

        // Edges carry an exact similarity only when the run verifies exactly.
        return new EdgeTally(merged, belowByEstimate, mode == VerifyMode.Exact ? belowByExact : null);
    }

    /// <summary>
    /// Turns each root's slot into its keeper's index, in one ascending pass: a root comes before
    /// its members (it is the smallest), and each member takes the slot when it outranks the keeper so far.
    /// </summary>
    private static void ChooseKeepers(RunSet runs, BigArray<long> slots, long thisRun, KeepPolicy keep, RunProgress progress)
    {
        // Under "first" every rank of this run is equal, and only earlier runs' documents outrank.
        bool ranked = keep != KeepPolicy.First;
        using var documents = ranked ? new DocumentStream(runs, progress) : null;
        for (long d = 0; d < slots.Length; d++)
        {
            double rank = d >= thisRun ? double.PositiveInfinity : ranked ? documents!.Next().Rank : 0;
            long root = slots[d];
            if (root == d)
            {
                continue;
            }

            long keeper = slots[root];
            double keeperRank = keeper >= thisRun ? double.PositiveInfinity : ranked ? runs.Document(runs.Reference(0, keeper)).Rank : 0;
            if (rank > keeperRank)
            {
                slots[root] = d;
            }
        }
    }
}

/// <summary>
/// The candidate edges at one threshold (exact-duplicate links aside): how many joined their documents, and
/// how many each check puts below the threshold (the exact one: null unless the run computed it).
/// </summary>
public readonly record struct EdgeTally(long Merged, long BelowByEstimate, long? BelowByExact);
