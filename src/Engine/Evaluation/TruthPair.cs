namespace Dedup.Engine.Evaluation;

/// <summary>A pair the truth calls duplicates, with the exact Jaccard of the engine's shingle sets.</summary>
public readonly record struct TruthPair(string A, string B, double Jaccard);
