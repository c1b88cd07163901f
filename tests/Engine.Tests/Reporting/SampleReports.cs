using Dedup.Engine.Lsh;
using Dedup.Engine.Plan;
using Dedup.Engine.Reporting;
using Dedup.Engine.Reporting.Html;

namespace Dedup.Engine.Tests.Reporting;

/// <summary>
/// Report data shaped like a real run's, consistent with itself (removed = sum of cluster sizes
/// minus one = removed per shard summed = similarities), generated from a fixed seed.
/// </summary>
public static class SampleReports
{
    public const string HostileShard = "<script>alert(1)</script>.jsonl";
    public const int Permutations = 128;
    public const double Threshold = 0.8;

    public static HtmlReportData Create(IReadOnlyList<string> shardPaths, int clusterCount = 3000)
    {
        var random = new Random(20260101);
        // Sizes fall off roughly geometrically, as near-duplicate clusters do, with a few large ones.
        var sizes = Enumerable.Range(0, clusterCount).Select(_ => 2 + (int)(-Math.Log(1 - random.NextDouble()) * 1.5)).Append(37).ToArray();
        int removed = sizes.Sum(s => s - 1);
        // A third are identical; the rest spread above the threshold, a few below it (joined through others).
        var similarities = Enumerable.Range(0, removed)
            .Select(i => i % 3 == 0 ? Permutations : random.Next((int)(Threshold * Permutations) - 6, Permutations + 1))
            .Select(k => (double)k / Permutations).ToArray();

        var shards = Spread(shardPaths, removed, random);
        long records = shards.Sum(s => s.Records), textBytes = records * 2_000, removedBytes = removed * 2_100L;
        var report = new RunReport(
            Tool: "dedup",
            Version: "1.0.0-test",
            Inputs: new InputSummary(["/data/corpus"], shards, []),
            Documents: new DocumentCounts(records, records - 5, records - removed, removed, 2, 3, new Dictionary<string, long> { ["invalid_json"] = 4, ["empty_text"] = 1 }),
            TextBytes: new ByteCounts(textBytes, textBytes - removedBytes, removedBytes),
            Files: new FileBytes(shards.Sum(s => s.FileBytes), shards.Sum(s => s.OutputFileBytes)),
            Parameters: new RunConfiguration(["text"], "id", 5, Permutations, Threshold, 9, 13, true, 42, VerifyMode.Estimate, "first", false, 1 << 20, [0.7, 0.8, 0.9], "0123456789abcdef"),
            Backend: new BackendSummary("cpu (Vector512, 2 threads)", "no CUDA or OpenCL device found"),
            Lsh: new LshSummary(removed + 300, removed + 40, 260, null, 120),
            Clusters: new ClusterSummary(sizes.Length, sizes.Sum(), sizes.Max()),
            Sweep: [new SweepPoint(0.7, sizes.Length + 90, removed + 400, removedBytes + 840_000), new SweepPoint(Threshold, sizes.Length, removed, removedBytes), new SweepPoint(0.9, sizes.Length - 200, removed - 900, removedBytes - 1_890_000)],
            StageSeconds: new Dictionary<string, double> { ["read_and_sign"] = 2.5, ["sign_compute"] = 1.75, ["buckets"] = 0.25, ["cluster"] = 0.05, ["filter"] = 0.5, ["total"] = 3.3 },
            PeakMemoryBytes: new Dictionary<string, long> { ["signatures"] = 300_000_000, ["buckets"] = 120_000_000, ["cluster"] = 90_000_000 },
            ProblemExamples: [new RecordProblem(HostileShard, 7, "invalid_json", "unexpected '<' at byte 0")],
            RepeatedIds: new RepeatedIdSummary(0, []));
        return new HtmlReportData(report, sizes, similarities);
    }

    /// <summary>Shards of different sizes and removal rates whose removed rows add up to <paramref name="removed"/>.</summary>
    private static List<ShardSummary> Spread(IReadOnlyList<string> paths, int removed, Random random)
    {
        var weights = paths.Select(_ => 0.2 + random.NextDouble()).ToArray();
        var share = weights.Select(w => (long)(removed * w / weights.Sum())).ToArray();
        share[0] += removed - share.Sum();
        return paths.Select((path, i) =>
        {
            long records = share[i] + 500 + random.Next(5_000);
            return new ShardSummary(path, "jsonl", "gzip", records * 700, records, records, share[i], (records - share[i]) * 690, "0123456789abcdef");
        }).ToList();
    }

    public static IReadOnlyList<string> ShardNames(int count) =>
        Enumerable.Range(0, count).Select(i => i == 1 ? HostileShard : $"crawl/2024/part-{i:00000}.jsonl.gz").ToList();
}
