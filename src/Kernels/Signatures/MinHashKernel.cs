using Dedup.Kernels.Hashing;
using ILGPU;

namespace Dedup.Kernels.Signatures;

/// <summary>MinHash: one thread per (document, permutation), the minimum of the permuted shingle values.</summary>
public static class MinHashKernel
{
    public static void MinHash(
        Index1D i,
        ArrayView<int> offsets,
        ArrayView<uint> shingles,
        ArrayView<int> tokenCounts,
        ArrayView<uint> permutationSeeds,
        ArrayView<uint> signatures,
        int n)
    {
        int permutations = (int)permutationSeeds.Length;
        int d = i / permutations;
        uint seed = permutationSeeds[i - (d * permutations)];
        long start = offsets[d] - offsets[0];
        int count = Shingling.Count(tokenCounts[d], n);
        uint min = uint.MaxValue;
        for (int j = 0; j < count; j++)
        {
            uint v = Mix.Permute(shingles[start + j], seed);
            min = v < min ? v : min;
        }

        signatures[i] = min;
    }
}
