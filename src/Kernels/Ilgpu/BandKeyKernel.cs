using Dedup.Kernels.Hashing;
using ILGPU;
using ILGPU.Runtime;

namespace Dedup.Kernels.Ilgpu;

/// <summary>
/// Queues <see cref="BandKeyKernel.BandKeys"/> on <paramref name="stream"/> for the first
/// <paramref name="documents"/> documents: one thread per (document, band).
/// </summary>
public delegate void BandKeysLauncher(
    AcceleratorStream stream,
    int documents,
    ArrayView<uint> signatures,
    ArrayView<int> tokenCounts,
    ArrayView<ulong> bandKeys,
    int permutations,
    int bands,
    int rows);

/// <summary>LSH band keys: one thread per (document, band), a hash of the band's r signature values.</summary>
public static class BandKeyKernel
{
    /// <summary>Compiles <see cref="BandKeys"/> for <paramref name="accelerator"/>, once: the launcher is reused for every part.</summary>
    public static BandKeysLauncher LoadBandKeys(this Accelerator accelerator)
    {
        var kernel = accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<uint>, ArrayView<int>, ArrayView<ulong>, int, int, int>(BandKeys);
        return (stream, documents, signatures, tokenCounts, bandKeys, permutations, bands, rows) =>
            kernel(stream, documents * bands, signatures, tokenCounts, bandKeys, permutations, bands, rows);
    }

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
