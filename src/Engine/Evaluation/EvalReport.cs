namespace Dedup.Engine.Evaluation;

/// <summary>
/// Everything <c>dedup eval</c> measured. <see cref="Documents"/> is null on a sample, where a
/// document removed for a duplicate outside the sample would be miscounted.
/// </summary>
public sealed record EvalReport(
    EvalRunSummary Run,
    EvalTruthSummary Truth,
    PairScores Pairs,
    RemovalScores? Documents,
    IReadOnlyList<BucketRecall> Buckets,
    double Seconds);
