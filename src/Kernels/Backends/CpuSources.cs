using System.Runtime.CompilerServices;
using Dedup.Kernels.Hashing;
using Dedup.Kernels.Text;

namespace Dedup.Kernels.Backends;

/// <summary>Batch bytes in a managed array.</summary>
internal readonly struct ArrayBytes(byte[] text) : IByteSource
{
    private readonly byte[] text = text;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint ByteAt(long index, long end) => index < end ? text[index] : 0u;
}

/// <summary>The folding table in managed arrays.</summary>
internal readonly struct ArrayFoldTable(FoldTable table) : IFoldSource
{
    private readonly ushort[] blocks = table.Blocks;
    private readonly uint[] entries = table.Entries;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint Entry(int codePoint) =>
        entries[(blocks[codePoint >> FoldTable.BlockBits] << FoldTable.BlockBits) | (codePoint & (FoldTable.BlockSize - 1))];
}

/// <summary>Collects one document's token hashes into a worker's reusable buffer.</summary>
internal struct BufferTokenSink(CpuScratch scratch) : ITokenSink
{
    private readonly CpuScratch scratch = scratch;
    private ContentHasher content = ContentHasher.Create();

    public int Count { get; private set; }

    public readonly ContentHasher Content => content;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(ulong tokenHash)
    {
        if (Count == scratch.Tokens.Length)
        {
            Array.Resize(ref scratch.Tokens, Count * 2);
        }

        scratch.Tokens[Count++] = tokenHash;
        content.Add(tokenHash);
    }
}

/// <summary>A worker thread's buffers, reused across documents and batches.</summary>
internal sealed class CpuScratch
{
    public ulong[] Tokens = new ulong[1024];
    public uint[] Shingles = new uint[1024];
}
