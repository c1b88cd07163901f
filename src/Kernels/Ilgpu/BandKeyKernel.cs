using Dedup.Kernels.Hashing;
using ILGPU;

namespace Dedup.Kernels.Ilgpu;

/// <summary>LSH band keys: one thread per (document, band), a hash of the band's r signature values.</summary>
public static class BandKeyKernel
{
    public static void BandKeys(
        Index1D i,
        ArrayView<uint> signatures,
        ArrayView<int> tokenCounts,
        ArrayView<ulong> bandKeys,
        int permutations,
        int bands,
        int rows)
    {
        int d = i / bands;
        int band = i - (d * bands);
        bandKeys[i] = tokenCounts[d] == 0 ? 0UL : Key(signatures, (d * permutations) + (band * rows), band, rows);
    }

    /// <summary>The key of one band whose first value sits at <paramref name="first"/>.</summary>
    public static ulong Key(ArrayView<uint> signatures, long first, int band, int rows)
    {
        ulong h = Mix.Absorb(Mix.BandSeed, (ulong)band);
        for (int row = 0; row < rows; row++)
        {
            h = Mix.Absorb(h, signatures[first + row]);
        }

        return Mix.Finish(h, rows);
    }
}
