namespace Dedup.Engine.Evaluation;

/// <summary>The run being scored: its folder, its parameters from report.json, and its clusters.</summary>
public sealed record EvalRunSummary(
    string Folder,
    int ShingleSize,
    int Permutations,
    int Bands,
    int Rows,
    double Threshold,
    string Verify,
    long Clusters,
    long Removed);
