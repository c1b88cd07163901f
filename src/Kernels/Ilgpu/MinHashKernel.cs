using Dedup.Kernels.Hashing;
using Dedup.Kernels.Signatures;
using ILGPU;
using ILGPU.Runtime;

namespace Dedup.Kernels.Ilgpu;

/// <summary>
/// Queues <see cref="MinHashKernel.MinHash"/> on <paramref name="stream"/>: <paramref name="threads"/>
/// threads loop over the work items (at most one wave: the shingle total is known only on the device).
/// </summary>
public delegate void MinHashLauncher(
    AcceleratorStream stream,
    int threads,
    ArrayView<int> offsets,
    ArrayView<int> documentFirstTokens,
    ArrayView<int> tokenDocuments,
    ArrayView<uint> shingles,
    ArrayView<uint> permutationSeeds,
    ArrayView<uint> signatures,
    int n,
    int segmentTokens);

/// <summary>
/// MinHash over segments of the batch's shingles, so that a long document keeps many threads
/// busy: work item w = segment * P + p takes the minimum of permutation p over the shingles that
/// start at tokens [segment * segmentTokens, (segment + 1) * segmentTokens), per document they
/// belong to, and folds it into the document's signature with an atomic minimum (signatures
/// are set to 0xFFFFFFFF before, the value of a document without shingles). The minimum is
/// commutative and associative, so the result is exactly the reference's, whatever the
/// split. The 32 lanes of a warp are consecutive permutations of one segment: each shingle
/// load is one broadcast, and the work is the permutations' arithmetic.
/// </summary>
public static class MinHashKernel
{
    /// <summary>Compiles <see cref="MinHash"/> for <paramref name="accelerator"/>, once: the launcher is reused for every part.</summary>
    public static MinHashLauncher LoadMinHash(this Accelerator accelerator)
    {
        var kernel = accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<int>, ArrayView<int>, ArrayView<int>, ArrayView<uint>, ArrayView<uint>, ArrayView<uint>, int, int, int>(MinHash);
        return (stream, threads, offsets, documentFirstTokens, tokenDocuments, shingles, permutationSeeds, signatures, n, segmentTokens) =>
            kernel(stream, threads, offsets, documentFirstTokens, tokenDocuments, shingles, permutationSeeds, signatures, n, segmentTokens, threads);
    }

    public static void MinHash(
        Index1D i,
        ArrayView<int> offsets,
        ArrayView<int> documentFirstTokens,
        ArrayView<int> tokenDocuments,
        ArrayView<uint> shingles,
        ArrayView<uint> permutationSeeds,
        ArrayView<uint> signatures,
        int n,
        int segmentTokens,
        int stride)
    {
        int permutations = (int)permutationSeeds.Length;
        int total = documentFirstTokens[offsets.Length - 1];
        long items = (long)((total + segmentTokens - 1) / segmentTokens) * permutations;
        for (long w = i.X; w < items; w += stride)
        {
            int segment = (int)(w / permutations);
            int p = (int)(w - ((long)segment * permutations));
            uint seed = permutationSeeds[p];
            int t = segment * segmentTokens;
            int segmentEnd = t + segmentTokens < total ? t + segmentTokens : total;
            while (t < segmentEnd)
            {
                // The document of token t and the part of its shingles in this segment.
                int d = tokenDocuments[t];
                int first = documentFirstTokens[d];
                int next = documentFirstTokens[d + 1];
                int shinglesEnd = first + Shingling.Count(next - first, n);
                int stop = shinglesEnd < segmentEnd ? shinglesEnd : segmentEnd;
                long slot = offsets[d] - offsets[0] - (long)first;
                uint min = uint.MaxValue;
                for (; t < stop; t++)
                {
                    uint v = Mix.Permute(shingles[slot + t], seed);
                    min = v < min ? v : min;
                }

                if (min != uint.MaxValue)
                {
                    Atomic.Min(ref signatures[((long)d * permutations) + p], min);
                }

                t = next;
            }
        }
    }
}
