using System.Runtime.InteropServices;
using Dedup.Engine.Lsh;

namespace Dedup.Engine.RunFiles.Records;

/// <summary>
/// A candidate pair from one bucket with its similarities (exact: NaN when not computed), or an
/// exact-duplicate link (<see cref="IsExact"/>), which always joins its documents.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 8)]
public readonly record struct EdgeRecord(ulong First, ulong Second, float Estimated, float Exact)
{
    public static EdgeRecord ExactDuplicate(ulong first, ulong second) => new(first, second, float.PositiveInfinity, float.PositiveInfinity);

    public bool IsExact => float.IsPositiveInfinity(Estimated);

    /// <summary>
    /// The one verification rule: whether the pair joins its documents under <paramref name="mode"/> at
    /// <paramref name="threshold"/> (a similarity at the threshold passes; an exact-duplicate link always does).
    /// The buckets stage counts rejections and the cluster stage joins by it.
    /// </summary>
    public bool Passes(VerifyMode mode, float threshold) => IsExact || mode switch
    {
        VerifyMode.None => true,
        VerifyMode.Exact => Exact >= threshold,
        _ => Estimated >= threshold,
    };
}
