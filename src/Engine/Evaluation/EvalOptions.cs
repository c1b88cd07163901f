namespace Dedup.Engine.Evaluation;

/// <summary>Everything <c>dedup eval</c> is told.</summary>
public sealed record EvalOptions
{
    /// <summary>A finished run's output folder (report.json, clusters.jsonl).</summary>
    public required string RunFolder { get; init; }

    public TruthKind Kind { get; init; } = TruthKind.Families;

    /// <summary>The truth file for <see cref="TruthKind.Families"/> and <see cref="TruthKind.Pairs"/>.</summary>
    public string? TruthFile { get; init; }

    /// <summary>With <see cref="TruthKind.ExactJaccard"/>: score only the pairs among this many random documents.</summary>
    public int? Sample { get; init; }
}
