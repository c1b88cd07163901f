using Dedup.Kernels.Backends;
using Dedup.Kernels.Signatures;
using Dedup.Kernels.Text;
using ILGPU;
using ILGPU.Runtime;

namespace Dedup.Kernels.Ilgpu;

/// <summary>
/// Runs the signature kernels through ILGPU on one accelerator: CUDA, OpenCL or the ILGPU CPU
/// accelerator (which runs the very same kernels, slowly, for tests and CI).
///
/// A batch is cut into parts (<see cref="IlgpuTuning.PartBytes"/>) that alternate between two
/// <see cref="PipelineSlot"/>s, each with its own stream: while one part's kernels run, the next
/// part is copied into page-locked memory and sent to the device, and the part before returns
/// its results, so the copies overlap with the kernels and <see cref="Compute"/> stays synchronous.
///
/// Each kernel is compiled once, in the constructor, by the loader that stands next to it
/// (<see cref="ShingleKernels.LoadTokenize"/>, <see cref="MinHashKernel.LoadMinHash"/>, ...), which
/// returns a named launcher that says in its parameters what the kernel's grid is.
/// </summary>
public sealed class IlgpuBackend : ISignatureBackend
{
    /// <summary>Host copies into page-locked memory are split into blocks of this size, copied in parallel.</summary>
    private const int StagingBlockBytes = 1 << 20;

    private readonly Context context;
    private readonly Accelerator accelerator;
    private readonly IlgpuTuning tuning;
    private readonly MemoryBuffer1D<ushort, Stride1D.Dense> foldBlocks;
    private readonly MemoryBuffer1D<uint, Stride1D.Dense> foldEntries;
    private readonly MemoryBuffer1D<uint, Stride1D.Dense> permutationSeeds;
    private readonly CountTokensLauncher countTokens;
    private readonly TokenizeLauncher tokenize;
    private readonly ShingleLauncher shingle;
    private readonly MinHashLauncher minHash;
    private readonly ContentHashLauncher contentHash;
    private readonly BandKeysLauncher bandKeys;
    private readonly PipelineSlot[] slots;

    /// <summary>Takes ownership of <paramref name="context"/> and runs on <paramref name="device"/>.</summary>
    public IlgpuBackend(Context context, Device device, SignatureParameters parameters, IlgpuTuning? tuning = null)
    {
        this.context = context;
        this.tuning = tuning ?? IlgpuTuning.Default;
        Parameters = parameters;
        accelerator = device.CreateAccelerator(context);
        Name = $"{KindName(accelerator.AcceleratorType)} ({accelerator.Name})";
        var table = FoldTable.Default;
        foldBlocks = accelerator.Allocate1D(table.Blocks);
        foldEntries = accelerator.Allocate1D(table.Entries);
        permutationSeeds = accelerator.Allocate1D(parameters.PermutationSeeds);
        countTokens = accelerator.LoadCountTokens();
        tokenize = accelerator.LoadTokenize();
        shingle = accelerator.LoadShingle();
        minHash = accelerator.LoadMinHash();
        contentHash = accelerator.LoadContentHash();
        bandKeys = accelerator.LoadBandKeys();
        slots = [new PipelineSlot(accelerator), new PipelineSlot(accelerator)];
    }

    public string Name { get; }

    public SignatureParameters Parameters { get; }

    public int PreferredBatchBytes => int.MaxValue;

    /// <summary>
    /// Device time of the kernels of every batch so far, from profiling markers around each
    /// part's kernels (copies excluded); zero unless the context was built with ILGPU's
    /// <c>Profiling()</c>. The two slots' kernels may overlap, so this can exceed the wall time.
    /// </summary>
    public TimeSpan KernelTime { get; private set; }

    public void Compute(DocumentBatch batch, SignatureBatch output)
    {
        output.Resize(batch);
        try
        {
            int part = 0;
            for (int first = 0; first < batch.Count; part++)
            {
                // The slot still holds the part before last: its results are (nearly) ready.
                var slot = slots[part & 1];
                Collect(slot, output);
                int end = PartEnd(batch, first);
                Launch(slot, batch, first, end, output.CaptureShingles);
                first = end;
            }

            Collect(slots[part & 1], output);
            Collect(slots[(part + 1) & 1], output);
        }
        catch
        {
            foreach (var slot in slots)
            {
                slot.Abandon();
            }

            throw;
        }
    }

    public void Dispose()
    {
        foreach (var slot in slots)
        {
            slot.Dispose();
        }

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

    /// <summary>The end of the part that starts at document <paramref name="first"/>: at least one document, else about PartBytes of text.</summary>
    private int PartEnd(DocumentBatch batch, int first)
    {
        int end = first + 1;
        while (end < batch.Count && batch.Offsets[end + 1] - batch.Offsets[first] <= tuning.PartBytes)
        {
            end++;
        }

        return end;
    }

    /// <summary>Queues documents [first, end) of the batch on the slot's stream: copies in, kernels, copies out.</summary>
    private void Launch(PipelineSlot slot, DocumentBatch batch, int first, int end, bool captureShingles)
    {
        var p = Parameters;
        int n = end - first;
        int origin = batch.Offsets[first];
        int bytes = batch.Offsets[end] - origin;
        int chunkBytes = tuning.ChunkBytes;

        // Chunk c covers bytes [c * chunkBytes, (c + 1) * chunkBytes); the last one holds the end
        // of the text, where the total token count is recorded.
        int chunks = (bytes / chunkBytes) + 1;
        int groupChunks = (int)Math.Ceiling(Math.Sqrt(chunks));
        int groups = (chunks + groupChunks - 1) / groupChunks;
        var device = slot.Device;
        var host = slot.Host;
        device.Ensure(bytes, n, chunks, groups, p);
        host.Ensure(bytes, n, p);
        Stage(batch.Text, origin, bytes, host.Text.GetArray());
        batch.Offsets.AsSpan(first, n + 1).CopyTo(host.Offsets.Span);

        var stream = slot.Stream;
        ArrayView<ulong> text = device.Text.View;
        ArrayView<int> offsets = device.Offsets.View.SubView(0, n + 1);
        ArrayView<int> chunkTokens = device.ChunkTokens.View;
        ArrayView<int> groupTokens = device.GroupTokens.View.SubView(0, groups);
        ArrayView<ulong> tokens = device.Tokens.View;
        ArrayView<int> tokenDocuments = device.TokenDocuments.View;
        ArrayView<int> firstTokens = device.DocumentFirstTokens.View.SubView(0, n + 1);
        ArrayView<uint> shingles = device.Shingles.View;
        ArrayView<int> tokenCounts = device.TokenCounts.View.SubView(0, n);
        ArrayView<ulong> contentHashes = device.ContentHashes.View.SubView(0, 2L * n);
        ArrayView<uint> signatures = device.Signatures.View.SubView(0, (long)n * p.Permutations);
        ArrayView<ulong> keys = device.BandKeys.View.SubView(0, (long)n * p.Bands);
        // Asynchronous copies from and to page-locked memory; "unsafe" only in that the host
        // memory must stay put until the stream is done, which it does (see Collect). They copy
        // exactly the given length, where views of page-locked arrays would copy whole arrays on OpenCL.
        device.TextBytes.CopyFromCPUUnsafeAsync(stream, ref host.Text[0], bytes);
        offsets.CopyFromCPUUnsafeAsync(stream, ref host.Offsets[0], n + 1);

        slot.MarkKernelsStart();
        groupTokens.MemSetToZero(stream);
        countTokens(stream, chunks, text, offsets, foldBlocks.View, foldEntries.View, chunkTokens, groupTokens, chunkBytes, groupChunks);
        tokenize(stream, chunks, text, offsets, foldBlocks.View, foldEntries.View, chunkTokens, groupTokens, tokens, tokenDocuments, firstTokens, chunkBytes, groupChunks);

        // The token total is only known on the device, so these two loop over a grid of at most
        // one wave of threads up to it (a text has at most as many tokens as bytes).
        int shingleThreads = Wave(bytes);
        shingle(stream, shingleThreads, offsets, firstTokens, tokens, tokenDocuments, shingles, p.ShingleSize);
        signatures.MemSet(stream, 0xFF);
        int minHashThreads = Wave((((long)bytes + tuning.SegmentTokens - 1) / tuning.SegmentTokens) * p.Permutations);
        minHash(stream, minHashThreads, offsets, firstTokens, tokenDocuments, shingles, permutationSeeds.View, signatures, p.ShingleSize, tuning.SegmentTokens);
        contentHash(stream, n, firstTokens, tokens, tokenCounts, contentHashes);
        bandKeys(stream, n, signatures, tokenCounts, keys, p.Permutations, p.Bands, p.Rows);
        slot.MarkKernelsEnd();

        tokenCounts.CopyToCPUUnsafeAsync(stream, ref host.TokenCounts[0], n);
        contentHashes.CopyToCPUUnsafeAsync(stream, ref host.ContentHashes[0], 2L * n);
        signatures.CopyToCPUUnsafeAsync(stream, ref host.Signatures[0], (long)n * p.Permutations);
        keys.CopyToCPUUnsafeAsync(stream, ref host.BandKeys[0], (long)n * p.Bands);
        slot.Hold(first, n, origin - batch.Offsets[0], bytes, captureShingles);
    }

    /// <summary>Waits for the slot's part, if it holds one, and copies its results into the output.</summary>
    private void Collect(PipelineSlot slot, SignatureBatch output)
    {
        if (!slot.Busy)
        {
            return;
        }

        KernelTime += slot.Wait();
        var p = Parameters;
        int first = slot.FirstDocument;
        int n = slot.Documents;
        var host = slot.Host;
        host.TokenCounts.Span[..n].CopyTo(output.TokenCounts.AsSpan(first));
        host.ContentHashes.Span[..(2 * n)].CopyTo(output.ContentHashes.AsSpan(2 * first));
        host.Signatures.Span[..(n * p.Permutations)].CopyTo(output.Signatures.AsSpan(first * p.Permutations));
        host.BandKeys.Span[..(n * p.Bands)].CopyTo(output.BandKeys.AsSpan(first * p.Bands));
        if (slot.CaptureShingles && slot.Bytes > 0)
        {
            // Only for verification runs: a plain copy, waited for.
            slot.Device.Shingles.View.SubView(0, slot.Bytes).CopyToCPU(slot.Stream, output.Shingles.AsSpan(slot.TextStart, slot.Bytes));
        }

        slot.Release();
    }

    /// <summary>Threads for a grid-stride loop over <paramref name="work"/> items: at most what the device runs at once.</summary>
    private int Wave(long work) => (int)Math.Clamp(work, 1, Math.Max(1, accelerator.MaxNumThreads));

    /// <summary>Copies text into page-locked memory, in parallel blocks when it is large (a single core's memory copy is slower than PCIe).</summary>
    private static void Stage(byte[] source, int start, int length, byte[] target)
    {
        if (length <= StagingBlockBytes)
        {
            source.AsSpan(start, length).CopyTo(target);
            return;
        }

        Parallel.For(0, (length + StagingBlockBytes - 1) / StagingBlockBytes, b =>
        {
            int at = b * StagingBlockBytes;
            source.AsSpan(start + at, Math.Min(StagingBlockBytes, length - at)).CopyTo(target.AsSpan(at));
        });
    }
}
