using System.Runtime.CompilerServices;

namespace Dedup.Kernels.Signatures;

/// <summary>How many shingles a document has and how wide they are (docs/ALGORITHM.md, "Shingles").</summary>
public static class Shingling
{
    /// <summary>Tokens per shingle: n, or all of them when the document has fewer than n.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Width(int tokenCount, int n) => tokenCount < n ? tokenCount : n;

    /// <summary>Shingles of a document with <paramref name="tokenCount"/> tokens: 0 when it has none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Count(int tokenCount, int n) => tokenCount == 0 ? 0 : tokenCount - Width(tokenCount, n) + 1;
}
