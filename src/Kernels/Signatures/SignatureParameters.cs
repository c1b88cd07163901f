using Dedup.Kernels.Hashing;

namespace Dedup.Kernels.Signatures;

/// <summary>
/// Everything the signature function depends on besides the text (docs/ALGORITHM.md).
/// </summary>
public sealed record SignatureParameters
{
    public const int MaxShingleSize = 64;
    public const int MaxPermutations = 4096;

    public SignatureParameters(int shingleSize, int permutations, int bands, int rows, ulong seed)
    {
        if (shingleSize is < 1 or > MaxShingleSize)
        {
            throw new ArgumentOutOfRangeException(nameof(shingleSize), shingleSize, $"the n-gram size must be 1..{MaxShingleSize}");
        }

        if (permutations is < 1 or > MaxPermutations)
        {
            throw new ArgumentOutOfRangeException(nameof(permutations), permutations, $"the number of permutations must be 1..{MaxPermutations}");
        }

        if (bands < 1 || rows < 1 || (long)bands * rows > permutations)
        {
            throw new ArgumentOutOfRangeException(nameof(bands), $"{bands} bands x {rows} rows must be at least 1 x 1 and use at most the {permutations} permutations");
        }

        ShingleSize = shingleSize;
        Permutations = permutations;
        Bands = bands;
        Rows = rows;
        Seed = seed;
        PermutationSeeds = DerivePermutationSeeds(permutations, seed);
    }

    /// <summary>Tokens per shingle (n).</summary>
    public int ShingleSize { get; }

    /// <summary>MinHash permutations: the signature length.</summary>
    public int Permutations { get; }

    /// <summary>LSH bands (b).</summary>
    public int Bands { get; }

    /// <summary>Signature values per band (r).</summary>
    public int Rows { get; }

    /// <summary>Seed of the permutation family.</summary>
    public ulong Seed { get; }

    /// <summary>s_p of permutation p: the high half of SplitMix64 at state seed + (p + 1) * golden.</summary>
    public uint[] PermutationSeeds { get; }

    private static uint[] DerivePermutationSeeds(int permutations, ulong seed)
    {
        var seeds = new uint[permutations];
        for (int p = 0; p < permutations; p++)
        {
            seeds[p] = (uint)(Mix.SplitMix64(seed + ((ulong)(p + 1) * Mix.AbsorbMultiplier)) >> 32);
        }

        return seeds;
    }
}
