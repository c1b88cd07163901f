using System.Runtime.CompilerServices;
using Dedup.Kernels.Text;
using ILGPU;

namespace Dedup.Kernels.Ilgpu;

/// <summary>
/// Batch bytes on a device, read eight at a time: a thread walks its chunk byte by byte, and
/// loading the aligned 64-bit word once per eight bytes cuts the loads (and, when the lanes of a
/// warp read far apart, the cache lines they hold) eightfold. The view must cover whole words:
/// the device buffer is allocated in multiples of eight bytes.
/// </summary>
public struct DeviceText(ArrayView<ulong> words)
{
    private readonly ArrayView<ulong> words = words;
    private ulong word;
    private long loaded = -1;

    /// <summary>The byte at <paramref name="index"/>, or 0 at or past <paramref name="end"/> (as <see cref="IByteSource"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint ByteAt(long index, long end)
    {
        if (index >= end)
        {
            return 0;
        }

        long w = index >> 3;
        if (w != loaded)
        {
            word = words[w];
            loaded = w;
        }

        // Little-endian, as are x86-64 and NVIDIA GPUs: byte k of the word is bits 8k..8k+7.
        return (uint)(word >> ((int)(index & 7) << 3)) & 0xFFu;
    }
}

/// <summary>The folding table's two arrays on a device.</summary>
public readonly struct DeviceFoldTable(ArrayView<ushort> blocks, ArrayView<uint> entries) : IFoldSource
{
    private readonly ArrayView<ushort> blocks = blocks;
    private readonly ArrayView<uint> entries = entries;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Entry(int codePoint) =>
        entries[((int)blocks[codePoint >> FoldTable.BlockBits] << FoldTable.BlockBits) | (codePoint & (FoldTable.BlockSize - 1))];
}

/// <summary>Receives the tokens of a chunk (<see cref="GpuChunkTokenizer"/>) and hears where documents start.</summary>
public interface IChunkTokenSink : ITokenSink
{
    /// <summary>
    /// The tokens that follow belong to document <paramref name="d"/>, which starts in the chunk
    /// when <paramref name="startsHere"/> (else it started in an earlier chunk).
    /// </summary>
    void EnterDocument(int d, bool startsHere);
}

/// <summary>Counts a chunk's tokens (first pass: sizes only).</summary>
public struct ChunkTokenCounter : IChunkTokenSink
{
    public int Count { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(ulong tokenHash) => Count++;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly void EnterDocument(int d, bool startsHere)
    {
    }
}

/// <summary>
/// Writes a chunk's tokens at their batch-wide indices, from the chunk's first index on, with
/// the document each belongs to, and the first token index of each document that starts in the chunk.
/// </summary>
public struct ChunkTokenWriter(ArrayView<ulong> tokens, ArrayView<int> tokenDocuments, ArrayView<int> documentFirstTokens, int first) : IChunkTokenSink
{
    private readonly ArrayView<ulong> tokens = tokens;
    private readonly ArrayView<int> tokenDocuments = tokenDocuments;
    private readonly ArrayView<int> documentFirstTokens = documentFirstTokens;
    private int next = first;
    private int document = -1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(ulong tokenHash)
    {
        tokens[next] = tokenHash;
        tokenDocuments[next] = document;
        next++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EnterDocument(int d, bool startsHere)
    {
        // Tokens are numbered in text order, so a document's first token is the next one.
        if (startsHere)
        {
            documentFirstTokens[d] = next;
        }

        document = d;
    }
}
