using System.Diagnostics;
using Dedup.Engine.Clustering;
using Dedup.Engine.IO;
using Dedup.Engine.Lsh;
using Dedup.Engine.Output;
using Dedup.Engine.Pipeline;
using Dedup.Engine.Progress;
using Dedup.Engine.Reporting;
using Dedup.Engine.Reporting.Html;
using Dedup.Kernels.Backends;
using Dedup.Kernels.Signatures;

namespace Dedup.Engine;

/// <summary>
/// <c>dedup run</c>: every stage in one process. Signatures -> candidate pairs -> clusters ->
/// filtered shards, clusters.jsonl, removed rows and report.json, all committed at once.
/// </summary>
public static class DedupRun
{
    public static RunReport Execute(DedupOptions options, IRunLog log, CancellationToken cancellation = default) =>
        Execute(options, log, new RunProgress(), cancellation);

    /// <summary>Runs with <paramref name="progress"/> updated as the stages go, for a caller that shows it.</summary>
    public static RunReport Execute(DedupOptions options, IRunLog log, RunProgress progress, CancellationToken cancellation = default)
    {
        var (parameters, bandsChosen) = Parameters(options);
        var shards = ShardDiscovery.Discover(options.Inputs);
        var reserved = shards.FirstOrDefault(s => OutputNames.IsReserved(s.RelativePath));
        if (reserved is not null)
        {
            throw new UsageException($"{reserved.FullPath}: the shard's output path {reserved.RelativePath} would collide with the run's own outputs (clusters.jsonl, report.json, removed/); rename it.");
        }

        using var output = OutputDirectory.Open(options.Output, options.Inputs, options.Overwrite);
        var choice = BackendFactory.Create(options.Device, parameters, options.Threads);
        using var backend = choice.Backend;
        log.Info($"backend: {backend.Name} ({choice.Reason})");
        log.Info($"{shards.Count} shards; {parameters.ShingleSize}-gram shingles, {parameters.Permutations} permutations, {parameters.Bands} bands x {parameters.Rows} rows, threshold {options.Threshold}");

        var readerOptions = new ReaderOptions(options.TextFields, options.IdField, options.Keep.KeyField);
        var tally = new RecordTally(log);
        var seconds = new Dictionary<string, double>();
        var clock = Stopwatch.StartNew();

        string? shingleFile = options.Verify == VerifyMode.Exact ? output.PathFor(".shingles.tmp") : null;
        progress.SetInputs(shards.Count, shards.Sum(s => s.Length));
        progress.Start("signatures");
        using var corpus = new SignatureStage(backend, readerOptions, options, tally, progress, shingleFile).Run(shards, cancellation);
        seconds["read_and_sign"] = Lap(clock);
        seconds["sign_compute"] = corpus.ComputeSeconds;

        progress.Start("buckets");
        var candidates = CandidateSimilarities.Compute(corpus.Bands.CandidatePairs(), corpus.Signatures, corpus.Shingles, options.Threads);
        seconds["buckets"] = Lap(clock);

        progress.Start("cluster");
        var exact = ExactDuplicates.Find(corpus.Documents);
        var (clusters, counts) = Clusterer.Cluster(corpus.Documents, exact, candidates, options.Verify, options.Threshold);
        var sweep = options.Sweep.Select(t => SweepPoint.At(t, corpus.Documents, exact, candidates, options.Verify)).ToList();
        corpus.Shingles?.Dispose();
        seconds["cluster"] = Lap(clock);

        progress.Start("filter");
        new FilterStage(readerOptions, options.Threads, progress).Run(shards, corpus, clusters, output, cancellation);
        seconds["filter"] = Lap(clock);
        seconds["total"] = seconds["read_and_sign"] + seconds["buckets"] + seconds["cluster"] + seconds["filter"];

        var report = ReportBuilder.Build(
            options, shards, parameters, bandsChosen, new BackendSummary(backend.Name, choice.Reason),
            tally, corpus, clusters, counts, sweep, seconds);
        ReportFile.Write(output.PathFor(OutputNames.Report), report);
        HtmlReport.Write(output.PathFor(OutputNames.ReportHtml), HtmlReportData.From(report, clusters, corpus.Signatures));
        output.Commit();
        progress.Start("done");
        return report;
    }

    /// <summary>The signature parameters, with bands x rows chosen from the threshold unless both are given.</summary>
    public static (SignatureParameters Parameters, bool BandsChosen) Parameters(DedupOptions options)
    {
        if (options.Threshold is <= 0 or >= 1)
        {
            throw new UsageException($"--threshold {options.Threshold}: give a similarity strictly between 0 and 1, e.g. 0.8.");
        }

        if (options.Bands.HasValue != options.Rows.HasValue)
        {
            throw new UsageException("--bands and --rows go together: give both, or neither to choose them from --threshold.");
        }

        if (options.Sweep.Any(t => t is <= 0 or >= 1))
        {
            throw new UsageException($"--sweep {string.Join(',', options.Sweep)}: every threshold must lie strictly between 0 and 1.");
        }

        if (options.Permutations < 1)
        {
            throw new UsageException($"--num-perm {options.Permutations}: give at least 1 (128 is the default).");
        }

        var layout = options.Bands.HasValue
            ? new BandLayout(options.Bands.Value, options.Rows!.Value)
            : BandLayoutChooser.Choose(options.Threshold, options.Permutations);
        try
        {
            return (new SignatureParameters(options.ShingleSize, options.Permutations, layout.Bands, layout.Rows, options.Seed), !options.Bands.HasValue);
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static double Lap(Stopwatch clock)
    {
        double s = clock.Elapsed.TotalSeconds;
        clock.Restart();
        return Math.Round(s, 3);
    }
}
