namespace Dedup.Bench;

/// <summary><c>pipeline --json</c>: the corpus, how it was run, the medians, and every measured run.</summary>
public sealed record PipelineSummary(
    DateTimeOffset MeasuredAt,
    string Machine,
    string Corpus,
    int Shards,
    long Records,
    long TextBytes,
    string Backend,
    IReadOnlyList<string> DedupOptions,
    double MedianWallSeconds,
    double MegabytesPerSecond,
    double DocumentsPerSecond,
    double MedianCpuSeconds,
    double MedianOtherCpuSeconds,
    long MedianPeakRssBytes,
    long MaxPeakRssBytes,
    IReadOnlyDictionary<string, double> MedianStageSeconds,
    IReadOnlyList<PipelineRun> Runs);
