using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Dedup.Kernels.Hashing;

namespace Dedup.Kernels.Cpu;

/// <summary>
/// MinHash of one document on the CPU: lanes hold consecutive permutations, four vectors of them
/// per pass so that each shingle value is broadcast once and four independent fmix32 chains keep
/// the multipliers busy. The widest vectors the machine accelerates are used; a scalar tail
/// covers permutation counts that are not a multiple of the width.
/// <para>
/// fmix32 starts with h ^= h >> 16, and a shift distributes over xor, so for h = x ^ s that step
/// is (x ^ x >> 16) ^ (s ^ s >> 16): the seeds' half is done once (<see cref="PremixSeeds"/>),
/// the shingle's half once per shingle, and each permutation saves two of its ten operations.
/// </para>
/// </summary>
internal static class VectorMinHash
{
    private const int VectorsPerPass = 4;

    /// <summary>The vector width in bits that <see cref="Compute"/> uses on this machine (0 = scalar).</summary>
    public static int Width =>
        Vector512.IsHardwareAccelerated ? 512 : Vector256.IsHardwareAccelerated ? 256 : 0;

    /// <summary>The permutation seeds in the form <see cref="Compute"/> takes: s ^ (s >> 16).</summary>
    public static uint[] PremixSeeds(ReadOnlySpan<uint> seeds)
    {
        var premixed = new uint[seeds.Length];
        for (int p = 0; p < seeds.Length; p++)
        {
            premixed[p] = Premix(seeds[p]);
        }

        return premixed;
    }

    /// <summary>The signature of <paramref name="shingles"/> under the permutations whose <see cref="PremixSeeds"/> are given.</summary>
    public static void Compute(ReadOnlySpan<uint> shingles, ReadOnlySpan<uint> premixedSeeds, Span<uint> signature) =>
        Compute(shingles, premixedSeeds, signature, Width);

    /// <summary>The same with a given vector width (512, 256, or 0 for scalar): tests check every width.</summary>
    internal static void Compute(ReadOnlySpan<uint> shingles, ReadOnlySpan<uint> premixedSeeds, Span<uint> signature, int width)
    {
        int done = width switch
        {
            512 => Passes<Lanes512, Vector512<uint>>(shingles, premixedSeeds, signature),
            256 => Passes<Lanes256, Vector256<uint>>(shingles, premixedSeeds, signature),
            _ => 0,
        };

        for (int p = done; p < premixedSeeds.Length; p++)
        {
            uint min = uint.MaxValue;
            foreach (uint x in shingles)
            {
                min = Math.Min(min, FinishPermute(Premix(x) ^ premixedSeeds[p]));
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
                var v = TLanes.Broadcast(Premix(x));
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
                min = TLanes.PermuteMin(min, TLanes.Broadcast(Premix(x)), seed);
            }

            TLanes.Store(min, signature[p..]);
        }

        return p;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Premix(uint value) => value ^ (value >> 16);

    /// <summary>fmix32 after its first step, on a premixed shingle xor a premixed seed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint FinishPermute(uint h)
    {
        h *= Mix.Fmix32Multiplier1;
        h ^= h >> 13;
        h *= Mix.Fmix32Multiplier2;
        return h ^ (h >> 16);
    }
}
