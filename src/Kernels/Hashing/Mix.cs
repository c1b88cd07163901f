using System.Runtime.CompilerServices;

namespace Dedup.Kernels.Hashing;

/// <summary>
/// The hashing primitives of the signature function (docs/ALGORITHM.md, "Hashing").
/// Plain static arithmetic on unmanaged values so that ILGPU kernels, the vectorised CPU
/// path and the scalar reference all call the very same code.
/// </summary>
public static class Mix
{
    /// <summary>Multiplier of the absorb step (2^64 / golden ratio, odd).</summary>
    public const ulong AbsorbMultiplier = 0x9E3779B97F4A7C15UL;

    /// <summary>Initial state of a token hash.</summary>
    public const ulong TokenSeed = 0x243F6A8885A308D3UL;

    /// <summary>Initial state of a shingle hash.</summary>
    public const ulong ShingleSeed = 0x13198A2E03707344UL;

    /// <summary>Initial state of a band key (the band index is mixed in first).</summary>
    public const ulong BandSeed = 0xA4093822299F31D0UL;

    /// <summary>Initial states of the two lanes of the 128-bit content hash.</summary>
    public const ulong ContentSeedLow = 0x082EFA98EC4E6C89UL;
    public const ulong ContentSeedHigh = 0x452821E638D01377UL;

    /// <summary>
    /// One absorb step: h' = rotl((h ^ v) * M, 31). A multiply by an odd constant is a bijection
    /// and the rotation carries high bits back down, so every input bit reaches every state bit
    /// after a few steps; the finaliser supplies the avalanche.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Absorb(ulong h, ulong v) => RotateLeft((h ^ v) * AbsorbMultiplier, 31);

    /// <summary>The multipliers of <see cref="Fmix64"/>.</summary>
    public const ulong Fmix64Multiplier1 = 0xFF51AFD7ED558CCDUL;
    public const ulong Fmix64Multiplier2 = 0xC4CEB9FE1A85EC53UL;

    /// <summary>MurmurHash3's 64-bit finaliser (fmix64): full avalanche, a bijection.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Fmix64(ulong k)
    {
        k ^= k >> 33;
        k *= Fmix64Multiplier1;
        k ^= k >> 33;
        k *= Fmix64Multiplier2;
        k ^= k >> 33;
        return k;
    }

    /// <summary>The multipliers of <see cref="Fmix32"/>.</summary>
    public const uint Fmix32Multiplier1 = 0x85EBCA6BU;
    public const uint Fmix32Multiplier2 = 0xC2B2AE35U;

    /// <summary>MurmurHash3's 32-bit finaliser (fmix32): full avalanche, a bijection.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Fmix32(uint h)
    {
        h ^= h >> 16;
        h *= Fmix32Multiplier1;
        h ^= h >> 13;
        h *= Fmix32Multiplier2;
        h ^= h >> 16;
        return h;
    }

    /// <summary>
    /// Finishes a chained state: the element count is mixed in so that sequences that are
    /// prefixes of each other differ.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Finish(ulong h, int count) => Fmix64(h ^ (ulong)(uint)count);

    /// <summary>Folds a 64-bit shingle hash to the 32-bit value the permutations act on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint To32(ulong h) => (uint)(h ^ (h >> 32));

    /// <summary>
    /// Permutation p of the MinHash family applied to a 32-bit shingle value:
    /// pi_p(x) = fmix32(x ^ s_p). fmix32 is a bijection, so each pi_p is a permutation of the
    /// 32-bit values; the seeds s_p make the family (docs/ALGORITHM.md has the quality evidence).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Permute(uint x, uint seed) => Fmix32(x ^ seed);

    /// <summary>SplitMix64's output function applied to a state (used to derive seeds).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SplitMix64(ulong state)
    {
        ulong z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    // Written out instead of BitOperations.RotateLeft so that ILGPU compiles it as plain shifts.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong RotateLeft(ulong v, int s) => (v << s) | (v >> (64 - s));
}
