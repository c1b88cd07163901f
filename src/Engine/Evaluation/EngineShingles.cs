using Dedup.Engine.Lsh;
using Dedup.Kernels.Signatures;

namespace Dedup.Engine.Evaluation;

/// <summary>
/// A document's shingle set exactly as the engine hashes it (ReferenceSignature, the oracle every
/// backend matches bit for bit), so exact Jaccard here is the quantity MinHash estimates.
/// </summary>
public static class EngineShingles
{
    /// <summary>The distinct 32-bit shingle values, ascending; empty for a document without tokens.</summary>
    public static uint[] Set(ReadOnlySpan<byte> utf8, int shingleSize)
    {
        var shingles = ReferenceSignature.Shingles(ReferenceSignature.Tokens(utf8), shingleSize);
        shingles.Sort();
        int distinct = 0;
        for (int i = 0; i < shingles.Count; i++)
        {
            if (i == 0 || shingles[i] != shingles[i - 1])
            {
                shingles[distinct++] = shingles[i];
            }
        }

        return shingles.GetRange(0, distinct).ToArray();
    }

    /// <summary>
    /// |a ∩ b| / |a ∪ b| of two ascending sets. 0 when either is empty: the engine never joins a
    /// document without tokens, so for it no other document is similar.
    /// </summary>
    public static double Jaccard(ReadOnlySpan<uint> a, ReadOnlySpan<uint> b)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return 0;
        }

        return SortedSets.Jaccard(SortedSets.Intersection(a, b), a.Length, b.Length);
    }
}
