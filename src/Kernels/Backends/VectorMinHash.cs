using System.Runtime.Intrinsics;
using Dedup.Kernels.Hashing;

namespace Dedup.Kernels.Backends;

/// <summary>
/// MinHash of one document on the CPU: lanes hold consecutive permutations, four vectors of them
/// per pass so that each shingle value is broadcast once and four independent fmix32 chains keep
/// the multipliers busy. The widest vectors the machine accelerates are used; a scalar tail
/// covers permutation counts that are not a multiple of the width.
/// </summary>
internal static class VectorMinHash
{
    private const int VectorsPerPass = 4;

    /// <summary>The vector width in bits that <see cref="Compute"/> uses on this machine (0 = scalar).</summary>
    public static int Width =>
        Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : 0;

    public static void Compute(ReadOnlySpan<uint> shingles, ReadOnlySpan<uint> seeds, Span<uint> signature) =>
        Compute(shingles, seeds, signature, Width);

    /// <summary>The same with a given vector width (512, 256, or 0 for scalar): tests check every width.</summary>
    internal static void Compute(ReadOnlySpan<uint> shingles, ReadOnlySpan<uint> seeds, Span<uint> signature, int width)
    {
        int done = width switch
        {
            512 => Passes<Lanes512, Vector512<uint>>(shingles, seeds, signature),
            256 => Passes<Lanes256, Vector256<uint>>(shingles, seeds, signature),
            _ => 0,
        };

        for (int p = done; p < seeds.Length; p++)
        {
            uint min = uint.MaxValue;
            foreach (uint x in shingles)
            {
                min = Math.Min(min, Mix.Permute(x, seeds[p]));
            }

            signature[p] = min;
        }
    }

    /// <summary>Fills the signature for as many whole vectors of permutations as there are; returns how many permutations it did.</summary>
    private static int Passes<TLanes, TVector>(ReadOnlySpan<uint> shingles, ReadOnlySpan<uint> seeds, Span<uint> signature)
        where TLanes : struct, IVectorLanes<TVector>
        where TVector : struct
    {
        int w = TLanes.Count;
        int p = 0;
        for (; p + (VectorsPerPass * w) <= seeds.Length; p += VectorsPerPass * w)
        {
            var s0 = TLanes.Load(seeds[p..]);
            var s1 = TLanes.Load(seeds[(p + w)..]);
            var s2 = TLanes.Load(seeds[(p + (2 * w))..]);
            var s3 = TLanes.Load(seeds[(p + (3 * w))..]);
            TVector m0 = TLanes.AllBitsSet, m1 = m0, m2 = m0, m3 = m0;
            foreach (uint x in shingles)
            {
                var v = TLanes.Broadcast(x);
                m0 = TLanes.PermuteMin(m0, v, s0);
                m1 = TLanes.PermuteMin(m1, v, s1);
                m2 = TLanes.PermuteMin(m2, v, s2);
                m3 = TLanes.PermuteMin(m3, v, s3);
            }

            TLanes.Store(m0, signature[p..]);
            TLanes.Store(m1, signature[(p + w)..]);
            TLanes.Store(m2, signature[(p + (2 * w))..]);
            TLanes.Store(m3, signature[(p + (3 * w))..]);
        }

        for (; p + w <= seeds.Length; p += w)
        {
            var seed = TLanes.Load(seeds[p..]);
            var min = TLanes.AllBitsSet;
            foreach (uint x in shingles)
            {
                min = TLanes.PermuteMin(min, TLanes.Broadcast(x), seed);
            }

            TLanes.Store(min, signature[p..]);
        }

        return p;
    }
}
