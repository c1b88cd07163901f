namespace Dedup.Engine.Evaluation;

/// <summary>Where <c>dedup eval</c> gets the ground truth from.</summary>
public enum TruthKind
{
    /// <summary>A JSONL file of <c>{"id", "family"}</c>: ids of one family are duplicates of each other.</summary>
    Families,

    /// <summary>A JSONL file of <c>{"a", "b"}</c> duplicate pairs; their transitive closure is the truth.</summary>
    Pairs,

    /// <summary>Computed by Dedup: pairs whose exact Jaccard over the engine's shingles reaches the run's threshold.</summary>
    ExactJaccard,
}
