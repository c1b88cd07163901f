using System.Diagnostics;
using Dedup.Engine.Lsh;
using Dedup.Engine.Reporting;

namespace Dedup.Engine.Evaluation;

/// <summary>
/// <c>dedup eval</c>: scores a finished run's clusters against a ground truth. Reads OUT/report.json
/// and OUT/clusters.jsonl, rereads the run's inputs with its own fields (for the documents it signed
/// and their shingle sets), builds the truth and computes pair, document and per-bucket scores.
/// </summary>
public static class EvalRun
{
    /// <summary>Seed of <c>--sample</c>'s draw: fixed, so that a sampled evaluation repeats exactly.</summary>
    private const int SampleSeed = 1;

    public static EvalReport Execute(EvalOptions options)
    {
        Validate(options);
        var clock = Stopwatch.StartNew();
        var report = ReportFile.ReadFinished(options.RunFolder);
        var predicted = PredictedClusters.Read(options.RunFolder);
        var parameters = report.Parameters;

        ITruthSource? source = options.Kind switch
        {
            TruthKind.Families => FamilyTruth.Read(options.TruthFile!),
            TruthKind.Pairs => PairTruth.Read(options.TruthFile!),
            _ => null,
        };
        var corpus = source is not null ? RunCorpus.Read(report, source.Mentions)
            : options.Sample is int size ? RunCorpus.Sample(report, size, SampleSeed)
            : RunCorpus.Read(report, _ => true);
        var truth = source?.Build(corpus) ?? ExactJaccardTruth.Build(corpus, parameters.Threshold);

        // Only a sample leaves out clustered documents; then pairs are scored among the sample alone.
        var clusters = options.Sample is null ? predicted.Clusters : predicted.Clusters.Restrict(corpus.Contains);
        var curve = new DetectionCurve(new BandLayout(parameters.Bands, parameters.Rows), parameters.Permutations, parameters.Threshold, parameters.Verify);
        var run = new EvalRunSummary(
            Path.GetFullPath(options.RunFolder), parameters.ShingleSize, parameters.Permutations, parameters.Bands, parameters.Rows,
            parameters.Threshold, parameters.Verify.Name(), predicted.Clusters.Groups.Count, predicted.Removed.Count);
        var truthSummary = new EvalTruthSummary(
            options.Kind switch { TruthKind.Families => "families", TruthKind.Pairs => "pairs", _ => "exact-jaccard" },
            options.TruthFile is null ? null : Path.GetFullPath(options.TruthFile),
            options.Sample, corpus.Ids.Count, truth.Groups.Groups.Count, truth.Groups.GroupedDocuments, truth.IgnoredIds);

        return new EvalReport(
            run,
            truthSummary,
            PairScores.Compute(clusters, truth.Groups),
            options.Sample is null ? RemovalScores.Compute(predicted.Removed, truth.Groups) : null,
            JaccardBuckets.Compute(truth.Pairs, clusters, curve),
            Math.Round(clock.Elapsed.TotalSeconds, 3));
    }

    private static void Validate(EvalOptions options)
    {
        bool exact = options.Kind == TruthKind.ExactJaccard;
        if (exact && options.TruthFile is not null)
        {
            throw new UsageException("--truth and --exact-jaccard exclude each other: score against a truth file, or against exact Jaccard.");
        }

        if (!exact && options.TruthFile is null)
        {
            throw new UsageException("give the ground truth: --truth FILE (with --truth-kind families or pairs), or --exact-jaccard.");
        }

        if (options.Sample is int size && (!exact || size < 2))
        {
            throw new UsageException(exact
                ? $"--sample {size}: give at least 2 documents."
                : "--sample goes with --exact-jaccard: it samples the documents whose exact Jaccard is computed.");
        }
    }
}
