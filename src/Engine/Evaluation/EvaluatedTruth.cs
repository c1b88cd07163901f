namespace Dedup.Engine.Evaluation;

/// <summary>
/// The truth over the documents being scored: its groups of duplicates, the pairs whose recall
/// is shown per Jaccard bucket, and how many ids it named that the run did not sign.
/// </summary>
internal sealed record EvaluatedTruth(IdPartition Groups, IReadOnlyList<TruthPair> Pairs, long IgnoredIds);
