using System.Reflection;
using Dedup.Engine.Clustering;
using Dedup.Engine.IO;
using Dedup.Engine.Pipeline;
using Dedup.Kernels.Signatures;
using Dedup.Kernels.Text;

namespace Dedup.Engine.Reporting;

/// <summary>Assembles report.json from what the stages left.</summary>
internal static class ReportBuilder
{
    public static RunReport Build(
        DedupOptions options,
        IReadOnlyList<Shard> shards,
        SignatureParameters parameters,
        bool bandsChosen,
        BackendSummary backend,
        RecordTally tally,
        SignedCorpus corpus,
        ClusterResult clusters,
        ClusteringCounts counts,
        IReadOnlyList<SweepPoint> sweep,
        IReadOnlyDictionary<string, double> stageSeconds)
    {
        var documents = corpus.Documents;
        var signedPerShard = new long[shards.Count];
        var removedPerShard = new long[shards.Count];
        long bytesRead = 0, bytesRemoved = 0, withoutTokens = 0;
        for (int d = 0; d < documents.Count; d++)
        {
            var info = documents[d];
            signedPerShard[info.Shard]++;
            bytesRead += info.TextBytes;
            withoutTokens += info.TokenCount == 0 ? 1 : 0;
            if (clusters.IsRemoved(d))
            {
                removedPerShard[info.Shard]++;
                bytesRemoved += info.TextBytes;
            }
        }

        var shardSummaries = shards.Select(s => new ShardSummary(
            s.RelativePath, s.Format.ToString().ToLowerInvariant(), s.Compression.ToString().ToLowerInvariant(), s.Length,
            tally.RecordsIn(s.Index), signedPerShard[s.Index], removedPerShard[s.Index])).ToList();

        var skipped = tally.ByStatus
            .Where(kv => !RecordTally.IsSigned(kv.Key))
            .OrderBy(kv => kv.Key)
            .ToDictionary(kv => RecordTally.ReasonName(kv.Key), kv => kv.Value);
        long removed = clusters.RemovedCount;
        var documentCounts = new DocumentCounts(
            tally.Records, documents.Count, tally.Records - removed, removed, withoutTokens,
            tally.ByStatus.GetValueOrDefault(RecordStatus.Repaired), skipped);

        var parameterSummary = new ParameterSummary(
            options.TextFields, options.IdField, parameters.ShingleSize, parameters.Permutations, options.Threshold,
            parameters.Bands, parameters.Rows, bandsChosen, parameters.Seed, options.Verify.ToString().ToLowerInvariant(), options.Keep.Name,
            FoldTable.Default.Fingerprint.ToString("x16"));

        var clusterSummary = new ClusterSummary(
            clusters.Clusters.Count,
            clusters.Clusters.Sum(c => (long)c.Members.Length),
            clusters.Clusters.Count == 0 ? 0 : clusters.Clusters.Max(c => c.Members.Length));

        return new RunReport(
            "dedup",
            typeof(ReportBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
            new InputSummary(options.Inputs.Select(Path.GetFullPath).ToList(), shardSummaries),
            documentCounts,
            new ByteCounts(bytesRead, bytesRead - bytesRemoved, bytesRemoved),
            parameterSummary,
            backend,
            new LshSummary(counts.CandidatePairs, counts.MergedPairs, counts.RejectedByEstimate, counts.RejectedByExact, counts.ExactDuplicateGroups),
            clusterSummary,
            sweep,
            stageSeconds,
            tally.Examples);
    }
}
