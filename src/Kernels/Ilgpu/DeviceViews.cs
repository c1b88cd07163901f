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
