using Dedup.Kernels.Signatures;
using ILGPU;
using ILGPU.Runtime;

namespace Dedup.Kernels.Ilgpu;

/// <summary>The device buffers of one part in flight (<see cref="PipelineSlot"/>); they only grow, so steady batches allocate nothing.</summary>
internal sealed class DeviceBuffers(Accelerator accelerator) : IDisposable
{
    /// <summary>The part's text as 64-bit words (<see cref="DeviceText"/>), its bytes from offset 0.</summary>
    public MemoryBuffer1D<ulong, Stride1D.Dense> Text { get; private set; } = accelerator.Allocate1D<ulong>(1);

    public MemoryBuffer1D<int, Stride1D.Dense> Offsets { get; private set; } = accelerator.Allocate1D<int>(1);

    /// <summary>Tokens starting in each chunk of text.</summary>
    public MemoryBuffer1D<int, Stride1D.Dense> ChunkTokens { get; private set; } = accelerator.Allocate1D<int>(1);

    /// <summary>Tokens starting in each group of chunks (zeroed before each part).</summary>
    public MemoryBuffer1D<int, Stride1D.Dense> GroupTokens { get; private set; } = accelerator.Allocate1D<int>(1);

    /// <summary>Token hashes in text order; a document has at most as many tokens as bytes, so one slot per byte.</summary>
    public MemoryBuffer1D<ulong, Stride1D.Dense> Tokens { get; private set; } = accelerator.Allocate1D<ulong>(1);

    /// <summary>The document of each token.</summary>
    public MemoryBuffer1D<int, Stride1D.Dense> TokenDocuments { get; private set; } = accelerator.Allocate1D<int>(1);

    /// <summary>Each document's first token, and the total at the end.</summary>
    public MemoryBuffer1D<int, Stride1D.Dense> DocumentFirstTokens { get; private set; } = accelerator.Allocate1D<int>(1);

    /// <summary>Shingle values, each document's at its byte offset (<see cref="SignatureBatch.Shingles"/>).</summary>
    public MemoryBuffer1D<uint, Stride1D.Dense> Shingles { get; private set; } = accelerator.Allocate1D<uint>(1);

    public MemoryBuffer1D<int, Stride1D.Dense> TokenCounts { get; private set; } = accelerator.Allocate1D<int>(1);

    public MemoryBuffer1D<ulong, Stride1D.Dense> ContentHashes { get; private set; } = accelerator.Allocate1D<ulong>(1);

    public MemoryBuffer1D<uint, Stride1D.Dense> Signatures { get; private set; } = accelerator.Allocate1D<uint>(1);

    public MemoryBuffer1D<ulong, Stride1D.Dense> BandKeys { get; private set; } = accelerator.Allocate1D<ulong>(1);

    /// <summary>The text buffer as bytes, for the copy in.</summary>
    public ArrayView<byte> TextBytes => Text.View.AsContiguous().Cast<byte>();

    public void Ensure(long bytes, int documents, int chunks, int groups, SignatureParameters p)
    {
        bytes = Math.Max(1, bytes);
        Text = Grow(Text, (bytes + 7) / 8);
        Tokens = Grow(Tokens, bytes);
        TokenDocuments = Grow(TokenDocuments, bytes);
        Shingles = Grow(Shingles, bytes);
        Offsets = Grow(Offsets, documents + 1L);
        ChunkTokens = Grow(ChunkTokens, chunks);
        GroupTokens = Grow(GroupTokens, groups);
        DocumentFirstTokens = Grow(DocumentFirstTokens, documents + 1L);
        TokenCounts = Grow(TokenCounts, documents);
        ContentHashes = Grow(ContentHashes, 2L * documents);
        Signatures = Grow(Signatures, (long)documents * p.Permutations);
        BandKeys = Grow(BandKeys, (long)documents * p.Bands);
    }

    public void Dispose()
    {
        Text.Dispose();
        Offsets.Dispose();
        ChunkTokens.Dispose();
        GroupTokens.Dispose();
        Tokens.Dispose();
        TokenDocuments.Dispose();
        DocumentFirstTokens.Dispose();
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
