namespace Dedup.Engine.Evaluation;

/// <summary>
/// What the truth was: its kind and file, the sample size if any, the documents scored, the truth's
/// groups of two or more and the documents they should lose, and truth ids the run did not sign.
/// </summary>
public sealed record EvalTruthSummary(
    string Kind,
    string? File,
    int? Sample,
    long Documents,
    long Groups,
    long GroupedDocuments,
    long IgnoredIds);
