using Dedup.Kernels.Signatures;
using ILGPU;
using ILGPU.Runtime;

namespace Dedup.Kernels.Backends;

/// <summary>The per-batch device buffers of <see cref="IlgpuBackend"/>; they only grow, so steady batches allocate nothing.</summary>
internal sealed class DeviceBuffers(Accelerator accelerator) : IDisposable
{
    public MemoryBuffer1D<byte, Stride1D.Dense> Text { get; private set; } = accelerator.Allocate1D<byte>(1);

    public MemoryBuffer1D<int, Stride1D.Dense> Offsets { get; private set; } = accelerator.Allocate1D<int>(1);

    /// <summary>Token hashes: one slot per byte of text, so each document owns the slice at its offset.</summary>
    public MemoryBuffer1D<ulong, Stride1D.Dense> Tokens { get; private set; } = accelerator.Allocate1D<ulong>(1);

    /// <summary>Shingle values, laid out like <see cref="Tokens"/>.</summary>
    public MemoryBuffer1D<uint, Stride1D.Dense> Shingles { get; private set; } = accelerator.Allocate1D<uint>(1);

    public MemoryBuffer1D<int, Stride1D.Dense> TokenCounts { get; private set; } = accelerator.Allocate1D<int>(1);

    public MemoryBuffer1D<ulong, Stride1D.Dense> ContentHashes { get; private set; } = accelerator.Allocate1D<ulong>(1);

    public MemoryBuffer1D<uint, Stride1D.Dense> Signatures { get; private set; } = accelerator.Allocate1D<uint>(1);

    public MemoryBuffer1D<ulong, Stride1D.Dense> BandKeys { get; private set; } = accelerator.Allocate1D<ulong>(1);

    public void Ensure(long bytes, int documents, SignatureParameters p)
    {
        bytes = Math.Max(1, bytes);
        Text = Grow(Text, bytes);
        Tokens = Grow(Tokens, bytes);
        Shingles = Grow(Shingles, bytes);
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
        Tokens.Dispose();
        Shingles.Dispose();
        TokenCounts.Dispose();
        ContentHashes.Dispose();
        Signatures.Dispose();
        BandKeys.Dispose();
    }

    private MemoryBuffer1D<T, Stride1D.Dense> Grow<T>(MemoryBuffer1D<T, Stride1D.Dense> buffer, long length)
        where T : unmanaged
    {
        if (buffer.Length >= length)
        {
            return buffer;
        }

        buffer.Dispose();
        return accelerator.Allocate1D<T>(Math.Max(length, buffer.Length * 2));
    }
}
