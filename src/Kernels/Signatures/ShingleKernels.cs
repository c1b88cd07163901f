using Dedup.Kernels.Hashing;
using Dedup.Kernels.Text;
using ILGPU;

namespace Dedup.Kernels.Signatures;

/// <summary>
/// Kernels of the shingle-hashing step, one thread per document. A document's tokens and
/// shingles live in its own slice of the token/shingle buffers, starting at the document's byte
/// offset: a document has at most as many tokens as bytes, so slices never overlap.
/// </summary>
public static class ShingleKernels
{
    /// <summary>Decodes, folds and tokenizes document d; writes token hashes, token count and content hash.</summary>
    public static void Tokenize(
        Index1D d,
        ArrayView<byte> text,
        ArrayView<int> offsets,
        ArrayView<ushort> foldBlocks,
        ArrayView<uint> foldEntries,
        ArrayView<ulong> tokens,
        ArrayView<int> tokenCounts,
        ArrayView<ulong> contentHashes)
    {
        long start = offsets[d] - offsets[0];
        long end = offsets[d + 1] - offsets[0];
        var writer = new DeviceTokenWriter(tokens, start);
        Tokenizer.Run(new DeviceBytes(text), start, end, new DeviceFoldTable(foldBlocks, foldEntries), ref writer);
        tokenCounts[d] = writer.Count;
        contentHashes[2 * d] = writer.Content.Low;
        contentHashes[(2 * d) + 1] = writer.Content.High;
    }

    /// <summary>Hashes every window of n tokens of document d into its 32-bit shingle value.</summary>
    public static void Shingle(
        Index1D d,
        ArrayView<int> offsets,
        ArrayView<ulong> tokens,
        ArrayView<int> tokenCounts,
        ArrayView<uint> shingles,
        int n)
    {
        long start = offsets[d] - offsets[0];
        int tokenCount = tokenCounts[d];
        int width = Shingling.Width(tokenCount, n);
        int count = Shingling.Count(tokenCount, n);
        for (int j = 0; j < count; j++)
        {
            ulong h = Mix.ShingleSeed;
            for (int k = 0; k < width; k++)
            {
                h = Mix.Absorb(h, tokens[start + j + k]);
            }

            shingles[start + j] = Mix.To32(Mix.Finish(h, width));
        }
    }
}
