using System.Runtime.InteropServices;

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
}
