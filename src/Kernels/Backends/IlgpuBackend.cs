using Dedup.Kernels.Signatures;
using Dedup.Kernels.Text;
using ILGPU;
using ILGPU.Runtime;

namespace Dedup.Kernels.Backends;

/// <summary>
/// Runs the signature kernels through ILGPU on one accelerator: CUDA, OpenCL or the ILGPU CPU
/// accelerator (which runs the very same kernels, slowly, for tests and CI).
/// </summary>
public sealed class IlgpuBackend : ISignatureBackend
{
    private readonly Context context;
    private readonly Accelerator accelerator;
    private readonly MemoryBuffer1D<ushort, Stride1D.Dense> foldBlocks;
    private readonly MemoryBuffer1D<uint, Stride1D.Dense> foldEntries;
    private readonly MemoryBuffer1D<uint, Stride1D.Dense> permutationSeeds;
    private readonly Action<Index1D, ArrayView<byte>, ArrayView<int>, ArrayView<ushort>, ArrayView<uint>, ArrayView<ulong>, ArrayView<int>, ArrayView<ulong>> tokenize;
    private readonly Action<Index1D, ArrayView<int>, ArrayView<ulong>, ArrayView<int>, ArrayView<uint>, int> shingle;
    private readonly Action<Index1D, ArrayView<int>, ArrayView<uint>, ArrayView<int>, ArrayView<uint>, ArrayView<uint>, int> minHash;
    private readonly Action<Index1D, ArrayView<uint>, ArrayView<int>, ArrayView<ulong>, int, int, int> bandKeys;
    private readonly DeviceBuffers buffers;

    /// <summary>Takes ownership of <paramref name="context"/> and runs on <paramref name="device"/>.</summary>
    public IlgpuBackend(Context context, Device device, SignatureParameters parameters)
    {
        this.context = context;
        Parameters = parameters;
        accelerator = device.CreateAccelerator(context);
        Name = $"{KindName(accelerator.AcceleratorType)} ({accelerator.Name})";
        var table = FoldTable.Default;
        foldBlocks = accelerator.Allocate1D(table.Blocks);
        foldEntries = accelerator.Allocate1D(table.Entries);
        permutationSeeds = accelerator.Allocate1D(parameters.PermutationSeeds);
        tokenize = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<byte>, ArrayView<int>, ArrayView<ushort>, ArrayView<uint>, ArrayView<ulong>, ArrayView<int>, ArrayView<ulong>>(ShingleKernels.Tokenize);
        shingle = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<ulong>, ArrayView<int>, ArrayView<uint>, int>(ShingleKernels.Shingle);
        minHash = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<uint>, ArrayView<int>, ArrayView<uint>, ArrayView<uint>, int>(MinHashKernel.MinHash);
        bandKeys = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<uint>, ArrayView<int>, ArrayView<ulong>, int, int, int>(BandKeyKernel.BandKeys);
        buffers = new DeviceBuffers(accelerator);
    }

    public string Name { get; }

    public SignatureParameters Parameters { get; }

    public void Compute(DocumentBatch batch, SignatureBatch output)
    {
        output.Resize(batch);
        int n = batch.Count;
        if (n == 0)
        {
            return;
        }

        var p = Parameters;
        buffers.Ensure(batch.Length, n, p);
        ArrayView<byte> text = buffers.Text.View;
        ArrayView<int> offsets = buffers.Offsets.View.SubView(0, n + 1);
        text.SubView(0, batch.Length).CopyFromCPU(batch.Text.AsSpan(batch.Offsets[0], batch.Length));
        offsets.CopyFromCPU(batch.Offsets.AsSpan(0, n + 1));
        ArrayView<int> tokenCounts = buffers.TokenCounts.View.SubView(0, n);
        ArrayView<ulong> contentHashes = buffers.ContentHashes.View.SubView(0, 2L * n);
        ArrayView<uint> signatures = buffers.Signatures.View.SubView(0, (long)n * p.Permutations);
        ArrayView<ulong> keys = buffers.BandKeys.View.SubView(0, (long)n * p.Bands);

        tokenize(n, text, offsets, foldBlocks.View, foldEntries.View, buffers.Tokens.View, tokenCounts, contentHashes);
        shingle(n, offsets, buffers.Tokens.View, tokenCounts, buffers.Shingles.View, p.ShingleSize);
        minHash(n * p.Permutations, offsets, buffers.Shingles.View, tokenCounts, permutationSeeds.View, signatures, p.ShingleSize);
        bandKeys(n * p.Bands, signatures, tokenCounts, keys, p.Permutations, p.Bands, p.Rows);
        accelerator.Synchronize();

        tokenCounts.CopyToCPU(output.TokenCounts.AsSpan(0, n));
        contentHashes.CopyToCPU(output.ContentHashes.AsSpan(0, 2 * n));
        signatures.CopyToCPU(output.Signatures.AsSpan(0, n * p.Permutations));
        keys.CopyToCPU(output.BandKeys.AsSpan(0, n * p.Bands));
        if (output.CaptureShingles && batch.Length > 0)
        {
            ArrayView<uint> shingles = buffers.Shingles.View;
            shingles.SubView(0, batch.Length).CopyToCPU(output.Shingles.AsSpan(0, batch.Length));
        }
    }

    public void Dispose()
    {
        buffers.Dispose();
        permutationSeeds.Dispose();
        foldEntries.Dispose();
        foldBlocks.Dispose();
        accelerator.Dispose();
        context.Dispose();
    }

    internal static string KindName(AcceleratorType type) => type switch
    {
        AcceleratorType.Cuda => "cuda",
        AcceleratorType.OpenCL => "opencl",
        AcceleratorType.CPU => "ilgpu-cpu",
        _ => type.ToString().ToLowerInvariant(),
    };
}
