namespace Dedup.Engine.Lsh;

/// <summary>How a candidate pair is checked before it joins two documents (<c>--verify</c>).</summary>
public enum VerifyMode
{
    /// <summary>Every candidate pair joins (pure LSH).</summary>
    None,

    /// <summary>The MinHash estimate of Jaccard similarity must reach the threshold (the default).</summary>
    Estimate,

    /// <summary>The exact Jaccard similarity of the two shingle sets must reach the threshold.</summary>
    Exact,
}
