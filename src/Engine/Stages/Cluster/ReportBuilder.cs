using System.Reflection;
using Dedup.Engine.Execution;
using Dedup.Engine.IO;
using Dedup.Engine.Reporting;
using Dedup.Engine.RunFiles;
using Dedup.Engine.Stages.Buckets;
using Dedup.Engine.Stages.Signatures;

namespace Dedup.Engine.Stages.Cluster;

/// <summary>Assembles report.json from what every task recorded in its done.json.</summary>
public static class ReportBuilder
{
    private const int ExamplesKept = 100;

    public static RunReport Build(RunSet runs, IReadOnlyList<TaskMarker> buckets, ClusterTaskStats cluster, double clusterSeconds)
    {
        var plan = runs.This.Plan;
        var config = plan.Configuration;
        var signatureMarkers = runs.SignatureMarkers(0);
        var signing = signatureMarkers.Select(m => m.StatsAs<SignatureTaskStats>()).ToList();
        var bucketing = buckets.Select(m => m.StatsAs<BucketTaskStats>()).ToList();

        var recordsPerShard = signing.SelectMany(s => s.RecordsPerShard).ToList();
        var contentHashes = signing.SelectMany(s => s.ContentHashes).ToList();
        var shards = plan.Shards.Select((s, i) => new ShardSummary(
            s.Path, s.Format.ToString().ToLowerInvariant(), s.Compression.ToString().ToLowerInvariant(), s.Bytes,
            recordsPerShard[i], cluster.SignedPerShard[i], cluster.RemovedPerShard[i], OutputFileBytes: 0, contentHashes[i])).ToList();

        var byReason = signing.SelectMany(s => s.RecordsByReason)
            .GroupBy(kv => kv.Key)
            .ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
        long records = recordsPerShard.Sum();
        long signed = signing.Sum(s => s.Documents);
        long textBytes = signing.Sum(s => s.TextBytes);
        var skipped = byReason
            .Where(kv => kv.Key is not ("ok" or "invalid_utf8_repaired"))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        var documents = new DocumentCounts(
            records, signed, records - cluster.Removed, cluster.Removed, signing.Sum(s => s.WithoutTokens),
            byReason.GetValueOrDefault("invalid_utf8_repaired"), skipped);

        var backends = signing.Select(s => (s.Backend, s.BackendReason)).Distinct().ToList();
        var backend = new BackendSummary(string.Join(", ", backends.Select(b => b.Backend)), string.Join("; ", backends.Select(b => b.BackendReason).Distinct()));

        var lsh = new LshSummary(
            bucketing.Sum(b => b.CandidateEdges), cluster.Edges.Merged, cluster.Edges.BelowByEstimate, cluster.Edges.BelowByExact,
            bucketing.Sum(b => b.ExactGroups));

        var seconds = new Dictionary<string, double>
        {
            ["read_and_sign"] = Math.Round(signatureMarkers.Sum(m => m.Seconds), 3),
            ["sign_compute"] = Math.Round(signing.Sum(s => s.ComputeSeconds), 3),
            ["buckets"] = Math.Round(buckets.Sum(m => m.Seconds), 3),
            ["cluster"] = clusterSeconds,
        };
        var peaks = new Dictionary<string, long>
        {
            ["signatures"] = signatureMarkers.Max(m => m.PeakMemoryBytes),
            ["buckets"] = buckets.Max(m => m.PeakMemoryBytes),
            ["cluster"] = PeakMemory.Bytes(),
        };

        return new RunReport(
            "dedup",
            typeof(ReportBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
            new InputSummary(plan.Inputs, shards, plan.Against.Select(a => a.RunDir).ToList()),
            documents,
            new ByteCounts(textBytes, textBytes - cluster.BytesRemoved, cluster.BytesRemoved),
            new FileBytes(plan.Shards.Sum(s => s.Bytes), Output: 0),
            config,
            backend,
            lsh,
            new ClusterSummary(cluster.Clusters, cluster.ClusteredDocuments, cluster.Largest),
            cluster.Sweep,
            seconds,
            peaks,
            signing.SelectMany(s => s.ProblemExamples).Take(ExamplesKept).ToList(),
            RepeatedIds(runs, bucketing));
    }

    private static RepeatedIdSummary RepeatedIds(RunSet runs, IReadOnlyList<BucketTaskStats> bucketing)
    {
        var examples = bucketing.SelectMany(b => b.RepeatedIdExamples).Take(BucketTask.RepeatedIdExamplesKept).ToList();
        var details = DocumentDetails.Load(runs, examples.SelectMany(e => new[] { e.First, e.Again }), DocumentParts.Ids);
        var shards = runs.This.Plan.Shards;
        var named = examples.Select(e =>
        {
            var (first, again) = (details.Record(e.First), details.Record(e.Again));
            return new RepeatedIdExample(
                MessageText.Safe(details.Id(e.Again)), shards[first.Shard].Path, first.Row, shards[again.Shard].Path, again.Row);
        }).ToList();
        return new RepeatedIdSummary(bucketing.Sum(b => b.RepeatedIds), named);
    }
}
