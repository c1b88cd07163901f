using Dedup.Kernels.Hashing;
using ILGPU;
using ILGPU.Runtime;

namespace Dedup.Kernels.Ilgpu;

/// <summary>
/// Queues <see cref="ContentHashKernel.ContentHash"/> on <paramref name="stream"/> for the first
/// <paramref name="documents"/> documents: one thread each.
/// </summary>
public delegate void ContentHashLauncher(
    AcceleratorStream stream,
    int documents,
    ArrayView<int> documentFirstTokens,
    ArrayView<ulong> tokens,
    ArrayView<int> tokenCounts,
    ArrayView<ulong> contentHashes);

/// <summary>
/// The content hash and token count of document d, one thread per document. The content hash is
/// a serial chain over the document's tokens (docs/ALGORITHM.md, "Content hash"): xor, 64-bit
/// multiply and rotation do not compose into anything a prefix scan could split, so each
/// document's chain stays on one thread. It is the only per-document loop left, over tokens
/// (about a fifth of the bytes) with two multiplies each, where tokenizing used to loop over every
/// byte; the loads are issued eight ahead so that the chain, not memory latency, sets the pace.
/// </summary>
public static class ContentHashKernel
{
    private const int LoadsAhead = 8;

    /// <summary>Compiles <see cref="ContentHash"/> for <paramref name="accelerator"/>, once: the launcher is reused for every part.</summary>
    public static ContentHashLauncher LoadContentHash(this Accelerator accelerator)
    {
        var kernel = accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<int>, ArrayView<ulong>, ArrayView<int>, ArrayView<ulong>>(ContentHash);
        return (stream, documents, documentFirstTokens, tokens, tokenCounts, contentHashes) =>
            kernel(stream, documents, documentFirstTokens, tokens, tokenCounts, contentHashes);
    }

    public static void ContentHash(
        Index1D d,
        ArrayView<int> documentFirstTokens,
        ArrayView<ulong> tokens,
        ArrayView<int> tokenCounts,
        ArrayView<ulong> contentHashes)
    {
        int t = documentFirstTokens[d];
        int end = documentFirstTokens[d + 1];
        var content = ContentHasher.Create();
        for (; t + LoadsAhead <= end; t += LoadsAhead)
        {
            ulong t0 = tokens[t];
            ulong t1 = tokens[t + 1];
            ulong t2 = tokens[t + 2];
            ulong t3 = tokens[t + 3];
            ulong t4 = tokens[t + 4];
            ulong t5 = tokens[t + 5];
            ulong t6 = tokens[t + 6];
            ulong t7 = tokens[t + 7];
            content.Add(t0);
            content.Add(t1);
            content.Add(t2);
            content.Add(t3);
            content.Add(t4);
            content.Add(t5);
            content.Add(t6);
            content.Add(t7);
        }

        for (; t < end; t++)
        {
            content.Add(tokens[t]);
        }

        tokenCounts[d] = end - documentFirstTokens[d];
        contentHashes[2 * d] = content.Low;
        contentHashes[(2 * d) + 1] = content.High;
    }
}
