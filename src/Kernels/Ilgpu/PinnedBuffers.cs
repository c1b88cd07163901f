using Dedup.Kernels.Signatures;
using ILGPU.Runtime;

namespace Dedup.Kernels.Ilgpu;

/// <summary>
/// Page-locked host buffers of one part in flight (<see cref="PipelineSlot"/>): copies between
/// them and the device are DMA transfers that run asynchronously on the part's stream, where
/// copies from ordinary (pageable) memory go through the driver's staging and block the caller.
/// They only grow.
/// </summary>
internal sealed class PinnedBuffers(Accelerator accelerator) : IDisposable
{
    public PageLockedArray1D<byte> Text { get; private set; } = accelerator.AllocatePageLocked1D<byte>(1);

    public PageLockedArray1D<int> Offsets { get; private set; } = accelerator.AllocatePageLocked1D<int>(1);

    public PageLockedArray1D<int> TokenCounts { get; private set; } = accelerator.AllocatePageLocked1D<int>(1);

    public PageLockedArray1D<ulong> ContentHashes { get; private set; } = accelerator.AllocatePageLocked1D<ulong>(1);

    public PageLockedArray1D<uint> Signatures { get; private set; } = accelerator.AllocatePageLocked1D<uint>(1);

    public PageLockedArray1D<ulong> BandKeys { get; private set; } = accelerator.AllocatePageLocked1D<ulong>(1);

    public void Ensure(long bytes, int documents, SignatureParameters p)
    {
        Text = Grow(Text, Math.Max(1, bytes));
        Offsets = Grow(Offsets, documents + 1L);
        TokenCounts = Grow(TokenCounts, documents);
        ContentHashes = Grow(ContentHashes, 2L * documents);
        Signatures = Grow(Signatures, (long)documents * p.Permutations);
        BandKeys = Grow(BandKeys, (long)documents * p.Bands);
    }

    public void Dispose()
    {
        Text.Dispose();
        Offsets.Dispose();
        TokenCounts.Dispose();
        ContentHashes.Dispose();
        Signatures.Dispose();
        BandKeys.Dispose();
    }

    private PageLockedArray1D<T> Grow<T>(PageLockedArray1D<T> array, long length)
        where T : unmanaged
    {
        if (array.Length >= length)
        {
            return array;
        }

        array.Dispose();
        return accelerator.AllocatePageLocked1D<T>(Math.Max(length, array.Length * 2), uninitialized: true);
    }
}
