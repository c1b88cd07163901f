using System.Runtime.InteropServices;
using Dedup.Engine.Clustering;
using Dedup.Engine.Execution;
using Dedup.Engine.IO;
using Dedup.Engine.Output;
using Dedup.Engine.Plan;
using Dedup.Engine.Reporting;
using Dedup.Engine.RunFiles;
using Dedup.Engine.RunFiles.Records;
using Dedup.Engine.Stages.Report;

namespace Dedup.Engine.Stages.Cluster;

/// <summary>What the cluster task decided, per shard and in all.</summary>
/// <param name="AssignmentStarts">Per shard (and one past the last), where its documents start in assignments.bin.</param>
public sealed record ClusterTaskStats(
    long Clusters,
    long ClusteredDocuments,
    long Largest,
    long Removed,
    long BytesRemoved,
    EdgeTally Edges,
    IReadOnlyList<long> SignedPerShard,
    IReadOnlyList<long> RemovedPerShard,
    IReadOnlyList<long> AssignmentStarts,
    IReadOnlyList<SweepPoint> Sweep);

/// <summary>
/// <c>dedup cluster</c> (one task): joins the verified edges of every buckets task with union-find,
/// chooses each cluster's keeper, and writes assignments.bin (every clustered document of this
/// run, in (shard, row) order, with its cluster and keeper), clusters.jsonl and the report.
/// Memory: the union-find array (8 bytes a document) plus the sort buffer of --memory.
/// </summary>
public sealed class ClusterTask : IStageTask
{
    public Stage Stage => Stage.Cluster;

    public string ProgressUnit => "records";

    public void Run(int task, StageContext context)
    {
        var (run, progress, budget) = (context.Run, context.Progress, context.Budget);
        using var runs = RunSet.Open(run, Stage.Cluster);
        var buckets = run.RequireComplete(Stage.Buckets, Stage.Cluster);
        var config = run.Plan.Configuration;
        context.Log.Info($"cluster: {runs.DocumentCount(0):N0} documents{(runs.Runs.Count > 1 ? $" and {runs.Runs.Count - 1} earlier run(s)" : string.Empty)}, edges of {buckets.Count} buckets tasks");
        // Each threshold reads what building its clusters reads, then this run's documents once more
        // (to count or to assign them); clusters.jsonl, written last, is not counted.
        long perThreshold = ClusterSets.BytesToRead(runs, buckets, config.KeepPolicy) + runs.DocumentCount(0) * Marshal.SizeOf<DocumentRecord>();
        progress.Expect((config.Sweep.Count + 1) * perThreshold);
        using var writer = new TaskWriter(run, Stage.Cluster, 0);

        // Other thresholds first: each needs the union-find array again, and only one is alive at a time.
        var sweep = config.Sweep.Select(t => SweepAt(runs, buckets, config, t, progress)).ToList();
        context.Cancellation.ThrowIfCancellationRequested();
        var sets = ClusterSets.Build(runs, buckets, config.Verify, config.Threshold, config.KeepPolicy, progress);
        var plots = new ReportPlots(new EvenSample<int>(), new EvenSample<double>());
        ClusterTaskStats stats;
        using (var sorter = new ExternalSorter<ClusterMember>(writer.PathOf("sort.tmp"), budget.SortBufferBytes))
        {
            stats = WriteAssignments(runs, sets, writer, sorter, sweep, progress);
            context.Cancellation.ThrowIfCancellationRequested();
            stats = stats with { Largest = WriteClusters(runs, sets, writer, sorter, plots, budget.LookupDocuments(config.Permutations)) };
        }

        var report = ReportBuilder.Build(runs, buckets, stats, writer.Elapsed);
        if (report.RepeatedIds.Documents > 0)
        {
            context.Log.Warning(report.RepeatedIds.Warning());
        }
        ReportFiles.Write(writer, report, plots);
        writer.Commit(stats);
    }

    private static SweepPoint SweepAt(RunSet runs, IReadOnlyList<TaskMarker> buckets, RunConfiguration config, double threshold, RunProgress progress)
    {
        // Without verification every candidate pair joins, so a sweep compares estimates instead.
        var mode = config.Verify == Lsh.VerifyMode.None ? Lsh.VerifyMode.Estimate : config.Verify;
        var sets = ClusterSets.Build(runs, buckets, mode, threshold, config.KeepPolicy, progress);
        long removed = 0, bytes = 0;
        using var documents = new DocumentStream(runs, progress);
        for (long d = 0; d < sets.ThisRun; d++)
        {
            var document = documents.Next();
            long root = sets.RootOf(d);
            if (root >= 0 && sets.KeeperOf(root) != d)
            {
                removed++;
                bytes += document.TextBytes;
            }
        }

        return new SweepPoint(threshold, sets.Clustered.Rank(sets.ThisRun), removed, bytes);
    }

    /// <summary>One pass over this run's documents in (shard, row) order: assignments.bin, counts per shard, and the members to sort by cluster.</summary>
    private static ClusterTaskStats WriteAssignments(RunSet runs, ClusterSets sets, TaskWriter writer, ExternalSorter<ClusterMember> sorter, IReadOnlyList<SweepPoint> sweep, RunProgress progress)
    {
        int shards = runs.This.Plan.Shards.Count;
        var signed = new long[shards];
        var removed = new long[shards];
        var clusteredPerShard = new long[shards];
        long count = 0, bytesRemoved = 0, clustered = 0;
        using var assignments = writer.Create(RunFileNames.Assignments);
        using var documents = new DocumentStream(runs, progress);
        for (long d = 0; d < sets.ThisRun; d++)
        {
            var document = documents.Next();
            signed[document.Shard]++;
            long root = sets.RootOf(d);
            if (root < 0)
            {
                continue;
            }

            long keeper = sets.KeeperOf(root);
            long cluster = sets.Clustered.Rank(root);
            clusteredPerShard[document.Shard]++;
            assignments.Write(new Assignment(d, cluster, sets.Reference(runs, keeper)));
            sorter.Add(new ClusterMember(cluster, d));
            // An earlier run's keeper is listed with the cluster's members, once.
            if (d == root && keeper >= sets.ThisRun)
            {
                sorter.Add(new ClusterMember(cluster, keeper));
            }

            clustered++;
            if (keeper != d)
            {
                removed[document.Shard]++;
                bytesRemoved += document.TextBytes;
                count++;
            }
        }

        writer.Complete(RunFileNames.Assignments, assignments);
        var starts = new long[shards + 1];
        for (int s = 0; s < shards; s++)
        {
            starts[s + 1] = starts[s] + clusteredPerShard[s];
        }

        return new ClusterTaskStats(sets.Clustered.Rank(sets.ThisRun), clustered, 0, count, bytesRemoved, sets.Edges, signed, removed, starts, sweep);
    }

    /// <summary>
    /// clusters.jsonl: each cluster with its keeper's id and its members' ids, written as the sorted
    /// members stream past (a cluster's first member is its root), their ids and signatures loaded a
    /// batch at a time; returns the largest cluster's size.
    /// </summary>
    private static long WriteClusters(RunSet runs, ClusterSets sets, TaskWriter writer, ExternalSorter<ClusterMember> sorter, ReportPlots plots, int batchDocuments)
    {
        long largest = 0, size = 0, current = -1;
        ulong keeperRef = 0;
        string path = writer.PathOf(OutputNames.Clusters);
        DurableFile.Write(path, stream =>
        {
            using var file = new JsonLinesFile(stream);
            foreach (var batch in sorter.Sorted().Chunk(batchDocuments / 2))
            {
                var members = batch.Select(m => (m.Cluster, Document: sets.Reference(runs, m.Document), Keeper: sets.Reference(runs, sets.KeeperOf(m.Document)))).ToArray();
                var details = DocumentDetails.Load(runs, members.SelectMany(m => new[] { m.Document, m.Keeper }), DocumentParts.Ids | DocumentParts.Signatures);
                foreach (var member in members)
                {
                    if (member.Cluster != current)
                    {
                        if (current >= 0)
                        {
                            file.EndLine(w => w.WriteEndArray());
                            plots.ClusterSizes.Add((int)Math.Min(size, int.MaxValue));
                        }

                        current = member.Cluster;
                        keeperRef = member.Keeper;
                        size = 0;
                        string kept = details.Id(keeperRef);
                        file.StartLine(w =>
                        {
                            w.WriteNumber("cluster", current);
                            w.WriteString("kept", kept);
                            w.WriteStartArray("members");
                        });
                    }

                    string id = details.Id(member.Document);
                    file.Continue(w => w.WriteStringValue(id));
                    if (member.Document != keeperRef)
                    {
                        plots.RemovedSimilarities.Add(Math.Round(details.EstimatedJaccard(member.Document, keeperRef), 4));
                    }

                    largest = Math.Max(largest, ++size);
                }
            }

            if (current >= 0)
            {
                file.EndLine(w => w.WriteEndArray());
                plots.ClusterSizes.Add((int)Math.Min(size, int.MaxValue));
            }
        });

        writer.Record(OutputNames.Clusters, ChecksummedWriter.Seal(path));
        return largest;
    }

    /// <summary>A cluster's member, sorted by cluster then document.</summary>
    private readonly record struct ClusterMember(long Cluster, long Document) : IComparable<ClusterMember>
    {
        public int CompareTo(ClusterMember other)
        {
            int c = Cluster.CompareTo(other.Cluster);
            return c != 0 ? c : Document.CompareTo(other.Document);
        }
    }
}
