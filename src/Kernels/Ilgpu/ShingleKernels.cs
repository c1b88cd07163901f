using Dedup.Kernels.Hashing;
using Dedup.Kernels.Signatures;
using ILGPU;
using ILGPU.Runtime;

namespace Dedup.Kernels.Ilgpu;

/// <summary>Queues <see cref="ShingleKernels.CountTokens"/> on <paramref name="stream"/>: one thread per chunk of text.</summary>
public delegate void CountTokensLauncher(
    AcceleratorStream stream,
    int chunks,
    ArrayView<ulong> text,
    ArrayView<int> offsets,
    ArrayView<ushort> foldBlocks,
    ArrayView<uint> foldEntries,
    ArrayView<int> chunkTokens,
    ArrayView<int> groupTokens,
    int chunkBytes,
    int groupChunks);

/// <summary>Queues <see cref="ShingleKernels.Tokenize"/> on <paramref name="stream"/>: one thread per chunk of text.</summary>
public delegate void TokenizeLauncher(
    AcceleratorStream stream,
    int chunks,
    ArrayView<ulong> text,
    ArrayView<int> offsets,
    ArrayView<ushort> foldBlocks,
    ArrayView<uint> foldEntries,
    ArrayView<int> chunkTokens,
    ArrayView<int> groupTokens,
    ArrayView<ulong> tokens,
    ArrayView<int> tokenDocuments,
    ArrayView<int> documentFirstTokens,
    int chunkBytes,
    int groupChunks);

/// <summary>
/// Queues <see cref="ShingleKernels.Shingle"/> on <paramref name="stream"/>: <paramref name="threads"/>
/// threads loop over the tokens (at most one wave: the token total is known only on the device).
/// </summary>
public delegate void ShingleLauncher(
    AcceleratorStream stream,
    int threads,
    ArrayView<int> offsets,
    ArrayView<int> documentFirstTokens,
    ArrayView<ulong> tokens,
    ArrayView<int> tokenDocuments,
    ArrayView<uint> shingles,
    int n);

/// <summary>
/// Kernels of the shingle-hashing step, shaped so that no thread's work grows with its
/// document's length (docs/ARCHITECTURE.md, "Kernel shape"):
/// <list type="number">
/// <item><see cref="CountTokens"/>: one thread per fixed-size chunk of text counts the tokens that
/// start in it (<see cref="GpuChunkTokenizer"/>) and adds the count to its group of chunks.</item>
/// <item><see cref="Tokenize"/>: the same threads again; each numbers its tokens from the sum of
/// the counts before it and writes their hashes batch-wide in text order, with their documents.</item>
/// <item><see cref="Shingle"/>: one thread per token hashes the window of n tokens it starts.</item>
/// </list>
/// Token indices are batch-wide, so document d's tokens are [first[d], first[d + 1]).
/// </summary>
public static class ShingleKernels
{
    /// <summary>Compiles <see cref="CountTokens"/> for <paramref name="accelerator"/>, once: the launcher is reused for every part.</summary>
    public static CountTokensLauncher LoadCountTokens(this Accelerator accelerator)
    {
        var kernel = accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<ulong>, ArrayView<int>, ArrayView<ushort>, ArrayView<uint>, ArrayView<int>, ArrayView<int>, int, int>(CountTokens);
        return (stream, chunks, text, offsets, foldBlocks, foldEntries, chunkTokens, groupTokens, chunkBytes, groupChunks) =>
            kernel(stream, chunks, text, offsets, foldBlocks, foldEntries, chunkTokens, groupTokens, chunkBytes, groupChunks);
    }

    /// <summary>
    /// Counts the tokens that start in chunk c, [c * chunkBytes, (c + 1) * chunkBytes) of the
    /// text, into chunkTokens[c] and adds them to groupTokens[c / groupChunks] (zeroed before).
    /// </summary>
    public static void CountTokens(
        Index1D c,
        ArrayView<ulong> text,
        ArrayView<int> offsets,
        ArrayView<ushort> foldBlocks,
        ArrayView<uint> foldEntries,
        ArrayView<int> chunkTokens,
        ArrayView<int> groupTokens,
        int chunkBytes,
        int groupChunks)
    {
        var counter = default(ChunkTokenCounter);
        var bytes = new DeviceText(text);
        long start = (long)c.X * chunkBytes;
        GpuChunkTokenizer.Run(start, start + chunkBytes, offsets, ref bytes, new DeviceFoldTable(foldBlocks, foldEntries), ref counter);
        chunkTokens[c] = counter.Count;
        if (counter.Count > 0)
        {
            Atomic.Add(ref groupTokens[c / groupChunks], counter.Count);
        }
    }

    /// <summary>Compiles <see cref="Tokenize"/> for <paramref name="accelerator"/>, once: the launcher is reused for every part.</summary>
    public static TokenizeLauncher LoadTokenize(this Accelerator accelerator)
    {
        var kernel = accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<ulong>, ArrayView<int>, ArrayView<ushort>, ArrayView<uint>, ArrayView<int>, ArrayView<int>, ArrayView<ulong>, ArrayView<int>, ArrayView<int>, int, int>(Tokenize);
        return (stream, chunks, text, offsets, foldBlocks, foldEntries, chunkTokens, groupTokens, tokens, tokenDocuments, documentFirstTokens, chunkBytes, groupChunks) =>
            kernel(stream, chunks, text, offsets, foldBlocks, foldEntries, chunkTokens, groupTokens, tokens, tokenDocuments, documentFirstTokens, chunkBytes, groupChunks);
    }

    /// <summary>
    /// Writes the hashes of the tokens that start in chunk c to tokens[], numbered from the
    /// tokens of the chunks before it, with each token's document in tokenDocuments[]; records
    /// documentFirstTokens[d] for every document d that starts in the chunk (and for the end of
    /// the text, d = documents: the total).
    /// </summary>
    public static void Tokenize(
        Index1D c,
        ArrayView<ulong> text,
        ArrayView<int> offsets,
        ArrayView<ushort> foldBlocks,
        ArrayView<uint> foldEntries,
        ArrayView<int> chunkTokens,
        ArrayView<int> groupTokens,
        ArrayView<ulong> tokens,
        ArrayView<int> tokenDocuments,
        ArrayView<int> documentFirstTokens,
        int chunkBytes,
        int groupChunks)
    {
        var writer = new ChunkTokenWriter(tokens, tokenDocuments, documentFirstTokens, TokensBefore(c, chunkTokens, groupTokens, groupChunks));
        var bytes = new DeviceText(text);
        long start = (long)c.X * chunkBytes;
        GpuChunkTokenizer.Run(start, start + chunkBytes, offsets, ref bytes, new DeviceFoldTable(foldBlocks, foldEntries), ref writer);
    }

    /// <summary>
    /// The tokens of all chunks before chunk c: the totals of the groups before its group, then
    /// the counts of the chunks before it in its group. With groups of about sqrt(chunks) chunks a
    /// thread reads about sqrt(chunks) values, all of them shared by the whole warp; this prefix
    /// sum needs neither a kernel of its own nor a pass that runs on one thread.
    /// </summary>
    public static int TokensBefore(int c, ArrayView<int> chunkTokens, ArrayView<int> groupTokens, int groupChunks)
    {
        int group = c / groupChunks;
        int sum = 0;
        for (int g = 0; g < group; g++)
        {
            sum += groupTokens[g];
        }

        for (int k = group * groupChunks; k < c; k++)
        {
            sum += chunkTokens[k];
        }

        return sum;
    }

    /// <summary>Compiles <see cref="Shingle"/> for <paramref name="accelerator"/>, once: the launcher is reused for every part.</summary>
    public static ShingleLauncher LoadShingle(this Accelerator accelerator)
    {
        var kernel = accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<int>, ArrayView<int>, ArrayView<ulong>, ArrayView<int>, ArrayView<uint>, int, int>(Shingle);
        return (stream, threads, offsets, documentFirstTokens, tokens, tokenDocuments, shingles, n) =>
            kernel(stream, threads, offsets, documentFirstTokens, tokens, tokenDocuments, shingles, n, threads);
    }

    /// <summary>
    /// Hashes the shingle that starts at token t, for t = i, i + stride, ... below the total:
    /// shingle j of document d goes to shingles[offsets[d] - offsets[0] + j], the layout of
    /// <see cref="SignatureBatch.Shingles"/>.
    /// </summary>
    public static void Shingle(
        Index1D i,
        ArrayView<int> offsets,
        ArrayView<int> documentFirstTokens,
        ArrayView<ulong> tokens,
        ArrayView<int> tokenDocuments,
        ArrayView<uint> shingles,
        int n,
        int stride)
    {
        int total = documentFirstTokens[offsets.Length - 1];
        for (int t = i; t < total; t += stride)
        {
            int d = tokenDocuments[t];
            int first = documentFirstTokens[d];
            int tokenCount = documentFirstTokens[d + 1] - first;
            int j = t - first;
            if (j < Shingling.Count(tokenCount, n))
            {
                int width = Shingling.Width(tokenCount, n);
                ulong h = Mix.ShingleSeed;
                for (int k = 0; k < width; k++)
                {
                    h = Mix.Absorb(h, tokens[t + k]);
                }

                shingles[offsets[d] - offsets[0] + j] = Mix.To32(Mix.Finish(h, width));
            }
        }
    }
}
