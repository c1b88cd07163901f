using System.Runtime.CompilerServices;
using Dedup.Kernels.Hashing;
using Dedup.Kernels.Text;
using ILGPU;

namespace Dedup.Kernels.Signatures;

/// <summary>Batch bytes on a device (or the ILGPU CPU accelerator).</summary>
public readonly struct DeviceBytes(ArrayView<byte> view) : IByteSource
{
    private readonly ArrayView<byte> view = view;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint ByteAt(long index, long end) => index < end ? view[index] : 0u;
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

/// <summary>Writes one document's token hashes to its slice of a device buffer and hashes its content.</summary>
public struct DeviceTokenWriter(ArrayView<ulong> tokens, long start) : ITokenSink
{
    private readonly ArrayView<ulong> tokens = tokens;
    private readonly long start = start;
    private ContentHasher content = ContentHasher.Create();

    public int Count { get; private set; }

    public readonly ContentHasher Content => content;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(ulong tokenHash)
    {
        tokens[start + Count] = tokenHash;
        Count++;
        content.Add(tokenHash);
    }
}
