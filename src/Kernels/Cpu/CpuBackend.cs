using System.Runtime.CompilerServices;
using Dedup.Kernels.Backends;
using Dedup.Kernels.Hashing;
using Dedup.Kernels.Signatures;
using Dedup.Kernels.Text;

namespace Dedup.Kernels.Cpu;

/// <summary>
/// The CPU backend: documents in parallel over all cores; ASCII text tokenized sixteen words at a
/// time (<see cref="CpuChunkTokenizer"/>; the scalar <see cref="Tokenizer"/> elsewhere), shingles
/// eight at a time (<see cref="VectorShingles"/>), MinHash across permutations (<see cref="VectorMinHash"/>).
/// </summary>
public sealed class CpuBackend : ISignatureBackend
{
    private readonly PointerFoldTable fold = new(FoldTable.Default);
    private readonly ThreadLocal<CpuScratch> scratch = new(() => new CpuScratch());
    private readonly ParallelOptions parallel;
    private readonly uint[] premixedSeeds;

    public CpuBackend(SignatureParameters parameters, int threads = 0)
    {
        Parameters = parameters;
        Threads = threads > 0 ? threads : Environment.ProcessorCount;
        parallel = new ParallelOptions { MaxDegreeOfParallelism = Threads };
        premixedSeeds = VectorMinHash.PremixSeeds(parameters.PermutationSeeds);
    }

    public int Threads { get; }

    public string Name => $"cpu ({(VectorMinHash.Width > 0 ? $"Vector{VectorMinHash.Width}" : "scalar")}, {Threads} threads)";

    public SignatureParameters Parameters { get; }

    public int PreferredBatchBytes => 4 << 20;

    public unsafe void Compute(DocumentBatch batch, SignatureBatch output)
    {
        output.Resize(batch);
        fixed (byte* text = batch.Text)
        {
            ComputeAll(batch, new PointerBytes(text), output);
        }
    }

    public void Dispose() => scratch.Dispose();

    private void ComputeAll(DocumentBatch batch, PointerBytes text, SignatureBatch output)
    {
        const int DocumentsPerTask = 64;
        int tasks = (batch.Count + DocumentsPerTask - 1) / DocumentsPerTask;
        Parallel.For(0, tasks, parallel, t =>
        {
            var buffers = scratch.Value!;
            int end = Math.Min(batch.Count, (t + 1) * DocumentsPerTask);
            for (int d = t * DocumentsPerTask; d < end; d++)
            {
                ComputeDocument(batch, text, d, output, buffers);
            }
        });
    }

    private unsafe void ComputeDocument(DocumentBatch batch, PointerBytes text, int d, SignatureBatch output, CpuScratch buffers)
    {
        int start = batch.Offsets[d];
        int end = batch.Offsets[d + 1];
        buffers.Ensure(end - start);
        var sink = new BufferTokenSink((ulong*)Unsafe.AsPointer(ref buffers.Tokens[0]));
        CpuChunkTokenizer.Run(text.Pointer, start, end, fold, ref sink);
        int tokenCount = sink.Count;
        output.TokenCounts[d] = tokenCount;
        var content = ContentHasher.Create();
        foreach (ulong token in buffers.Tokens.AsSpan(0, tokenCount))
        {
            content.Add(token);
        }

        output.ContentHashes[2 * d] = content.Low;
        output.ContentHashes[(2 * d) + 1] = content.High;

        int n = Parameters.ShingleSize;
        int shingleCount = Shingling.Count(tokenCount, n);
        VectorShingles.Hash(buffers.Tokens.AsSpan(0, tokenCount), Shingling.Width(tokenCount, n), buffers.Shingles.AsSpan(0, shingleCount));
        if (output.CaptureShingles)
        {
            buffers.Shingles.AsSpan(0, shingleCount).CopyTo(output.Shingles.AsSpan(output.ShingleStarts[d]));
        }
        var signature = output.Signatures.AsSpan(d * Parameters.Permutations, Parameters.Permutations);
        VectorMinHash.Compute(buffers.Shingles.AsSpan(0, shingleCount), premixedSeeds, signature);
        var keys = output.BandKeys.AsSpan(d * Parameters.Bands, Parameters.Bands);
        if (tokenCount == 0)
        {
            keys.Clear();
        }
        else
        {
            BandKeys(signature, Parameters.Rows, keys);
        }
    }

    private static void BandKeys(ReadOnlySpan<uint> signature, int rows, Span<ulong> keys)
    {
        for (int band = 0; band < keys.Length; band++)
        {
            ulong h = Mix.Absorb(Mix.BandSeed, (ulong)band);
            foreach (uint v in signature.Slice(band * rows, rows))
            {
                h = Mix.Absorb(h, v);
            }

            keys[band] = Mix.Finish(h, rows);
        }
    }
}
