using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Dedup.Kernels.Text;

namespace Dedup.Kernels.Cpu;

/// <summary>Batch bytes behind a pointer: the batch is pinned while it is signed, so reads need no bounds checks.</summary>
internal readonly unsafe struct PointerBytes(byte* text) : IByteSource
{
    private readonly byte* text = text;

    public byte* Pointer => text;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint ByteAt(long index, long end) => index < end ? text[index] : 0u;
}

/// <summary>The folding table through pointers into its pinned arrays.</summary>
internal readonly unsafe struct PointerFoldTable : IFoldSource
{
    private readonly ushort* blocks;
    private readonly uint* entries;

    public PointerFoldTable(FoldTable table)
    {
        blocks = (ushort*)Unsafe.AsPointer(ref table.Blocks[0]);
        entries = (uint*)Unsafe.AsPointer(ref table.Entries[0]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Entry(int codePoint) =>
        entries[(blocks[codePoint >> FoldTable.BlockBits] << FoldTable.BlockBits) | (codePoint & (FoldTable.BlockSize - 1))];
}

/// <summary>
/// Collects one document's token hashes into a worker's buffer, which the caller has sized with
/// <see cref="CpuScratch.Ensure"/> (a document has at most one token per byte).
/// </summary>
internal unsafe struct BufferTokenSink(ulong* tokens) : ITokenSink
{
    private readonly ulong* tokens = tokens;

    public int Count { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(ulong tokenHash) => tokens[Count++] = tokenHash;

    /// <summary>
    /// Adds the first <paramref name="count"/> of sixteen lanes. All sixteen are stored, so the
    /// buffer has <see cref="CpuScratch.LaneSlack"/> spare slots; the rest are overwritten later.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddLanes(Vector512<ulong> first, Vector512<ulong> second, int count)
    {
        first.Store(tokens + Count);
        second.Store(tokens + Count + Vector512<ulong>.Count);
        Count += count;
    }
}

/// <summary>A worker thread's buffers, reused across documents and batches; pinned, as the sinks write through pointers.</summary>
internal sealed class CpuScratch
{
    public ulong[] Tokens { get; private set; } = GC.AllocateArray<ulong>(4096, pinned: true);

    public uint[] Shingles { get; private set; } = GC.AllocateArray<uint>(4096, pinned: true);

    /// <summary>Token slots past the last token that <see cref="BufferTokenSink.AddLanes"/> may write.</summary>
    public const int LaneSlack = 16;

    /// <summary>Makes room for the tokens and shingles of a document of <paramref name="bytes"/> bytes.</summary>
    public void Ensure(int bytes)
    {
        if (Tokens.Length < bytes + LaneSlack)
        {
            int size = Math.Max(bytes + LaneSlack, Tokens.Length * 2);
            Tokens = GC.AllocateArray<ulong>(size, pinned: true);
            Shingles = GC.AllocateArray<uint>(size, pinned: true);
        }
    }
}
