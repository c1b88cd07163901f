namespace Dedup.Engine.Evaluation;

/// <summary>Two documents, by index, with A &lt; B, and the exact Jaccard of their shingle sets.</summary>
public readonly record struct SimilarPair(int A, int B, double Jaccard);
